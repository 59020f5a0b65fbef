/**
 * `npm run invoice:preview`: issues the demo project's invoices into a throwaway database and
 * renders page 1 of each PDF to PNG (poppler's pdftoppm) in test-results/invoices/, to look at,
 * beside each document's UBL and CII XML and its Factur-X PDF.
 */
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { toBase64 } from '../../lib/bytes';
import { openDatabase } from '../../lib/db/database';
import { recordPayment } from '../../lib/db/payments';
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
