/**
 * `npm run invoice:preview`: issues the demo project's invoices, and one invoice for a client in
 * each invoice language, into a throwaway database and renders page 1 of each PDF to PNG
 * (poppler's pdftoppm) in test-results/invoices/, to look at, beside each document's UBL and CII
 * XML and its Factur-X PDF.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { toBase64 } from '../../lib/bytes';
import { openDatabase } from '../../lib/db/database';
import { saveClient } from '../../lib/db/clients';
import { advanceMilestone } from '../../lib/db/milestones';
import { recordPayment } from '../../lib/db/payments';
import { createProject } from '../../lib/db/projects';
import { getSetting, putSetting } from '../../lib/db/settings';
import { seedDemo } from '../../lib/demo/seed';
import { invoiceMilestone, voidInvoice } from '../../lib/invoicing/engine';
import { invoiceFontFiles } from '../../lib/invoicing/font-subset';
import { einvoiceFile } from '../../lib/invoicing/einvoice/delivery';

const out = 'test-results/invoices';
mkdirSync(out, { recursive: true });
const db = openDatabase('preview');
await seedDemo(db, new Date());
const profile = await getSetting(db, 'businessProfile');
await putSetting(db, 'businessProfile', { ...profile, name: 'Northwind Design Studio — Νίκος Παπαδόπουλος' });
const { regular, bold } = await invoiceFontFiles();
const ctx = { db, fonts: async () => ({ regular: toBase64(regular), bold: toBase64(bold) }), today: new Date().toISOString().slice(0, 10), locale: 'en-US' };
const milestones = (await db.milestones.toArray()).sort((a, b) => a.position - b.position);

const documents = [];
for (const milestone of milestones) documents.push(await invoiceMilestone(ctx, milestone.id));
await recordPayment(db, { invoiceId: documents[1]!.invoice.id, amount: 100_000, date: ctx.today, method: 'Bank transfer', note: '' });
documents.push(await voidInvoice(ctx, documents[2]!.invoice.id));

documents.push(...(await oneInvoicePerLanguage()));

for (const { invoice, file } of documents) {
  const pdf = `${out}/${invoice.number}.pdf`;
  writeFileSync(pdf, file.bytes);
  execFileSync('pdftoppm', ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')]);
  console.log(`${pdf} (${(file.bytes.length / 1024).toFixed(1)} KB) -> ${pdf.replace(/\.pdf$/, '.png')}`);
}

for (const { invoice } of documents) {
  for (const kind of ['ubl', 'cii', 'facturx'] as const) {
    const { bytes } = await einvoiceFile(ctx, invoice.id, kind);
    const path = `${out}/${invoice.number}${kind === 'facturx' ? '.factur-x.pdf' : `.${kind}.xml`}`;
    writeFileSync(path, bytes);
    console.log(`${path} (${(bytes.length / 1024).toFixed(1)} KB)`);
  }
}

/** A client per language, each with the tax situation typical there (a Belgian client under reverse charge, a US client in USD). */
async function oneInvoicePerLanguage() {
  const clients = [
    { locale: 'de-AT', name: 'Alpenblick Software GmbH', address: 'Mariahilfer Straße 1\n1060 Wien\nÖsterreich', taxId: 'ATU12345678', currency: 'EUR', rate: { name: 'USt', basisPoints: 2000 } },
    { locale: 'fr-BE', name: 'Atelier Lumière SRL', address: 'Rue de la Loi 16\n1000 Bruxelles\nBelgique', taxId: 'BE0123456789', currency: 'EUR', rate: undefined },
    { locale: 'es-ES', name: 'Estudio Mediterráneo S.L.', address: 'Calle Mayor 10\n28013 Madrid\nEspaña', taxId: 'ESB12345678', currency: 'EUR', rate: { name: 'IVA', basisPoints: 2100 } },
    { locale: 'nl-NL', name: 'Grachtenhuis Media B.V.', address: 'Keizersgracht 100\n1015 AA Amsterdam\nNederland', taxId: 'NL123456789B01', currency: 'EUR', rate: { name: 'Btw', basisPoints: 2100 } },
    { locale: 'it-IT', name: 'Bottega Digitale S.r.l.', address: 'Via Roma 1\n20121 Milano\nItalia', taxId: 'IT12345678901', currency: 'EUR', rate: { name: 'IVA', basisPoints: 2200 } },
    { locale: 'en-US', name: 'Harbor Goods Inc.', address: '1 Market Street\nSan Francisco, CA 94105\nUSA', taxId: '', currency: 'USD', rate: { name: 'Sales tax', basisPoints: 863 } },
  ];
  const issued = [];
  for (const { rate, ...details } of clients) {
    const client = await saveClient(db, { ...details, email: '' });
    const { milestones } = await createProject(db, {
      clientId: client.id, name: 'Brand refresh', contractRef: `BR-${details.locale}`, currency: details.currency, total: 1_845_000,
      taxes: { mode: 'exclusive', rates: rate ? [rate] : [{ name: 'VAT', basisPoints: 0, category: 'reverse-charge' }], reverseCharge: !rate },
      terms: { kind: 'net', days: 30 }, invoiceOn: 'done',
      milestones: [{ title: 'Design system', share: { kind: 'percent', basisPoints: 6000 } }, { title: 'Launch', share: { kind: 'percent', basisPoints: 4000 } }],
    });
    await advanceMilestone(db, milestones[0]!.id, 'delivered', ctx.today);
    issued.push(await invoiceMilestone(ctx, milestones[0]!.id));
  }
  return issued;
}
