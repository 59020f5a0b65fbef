import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBackup, planImport } from '../../../lib/backup/backup';
import { recordPayment } from '../../../lib/db/payments';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase, snapshot } from '../db/helpers';
import { testFonts } from '../invoicing/support';
import { useLanguage } from './browser-i18n';

beforeAll(() => useLanguage('de'));
afterAll(() => useLanguage('en'));

// Intl puts a no-break space between amount and euro sign; the test compares words, not spacing.
const spaced = (text: string) => text.replace(/\s/g, ' ');

describe('refusals in a browser set to German', () => {
  it('refuses a payment above what is due in German, the amount written as German writes it, and records nothing', async () => {
    const db = freshDatabase();
    const { milestones } = await clientAndProject(db);
    await putSetting(db, 'businessProfile', {
      name: 'Northwind Design Studio', address: 'Berlin', taxId: 'DE1', email: 'b@n.example', paymentInstructions: 'IBAN DE89', paymentLink: '',
    });
    const { invoice } = await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-24', locale: 'de-DE', now: 1_000 }, milestones[0]!.id);
    const attempt = recordPayment(db, { invoiceId: invoice.id, amount: invoice.gross + 1, date: '2026-11-25', method: 'Überweisung', note: '' });
    const refusal = await attempt.then(() => '', (error: Error) => spaced(error.message));
    expect(refusal).toMatch(/^Die Zahlung übersteigt die auf INV-2026-0001 noch fälligen \d{1,3}(\.\d{3})*,\d\d €$/);
    expect(refusal).toContain(spaced(new Intl.NumberFormat('de', { style: 'currency', currency: 'EUR' }).format(invoice.gross / 100)));
    expect(await db.payments.count()).toBe(0);
  });

  it('names the place in a backup in German words, keeping the record and field ids as they are, and restores nothing', async () => {
    const db = freshDatabase();
    await clientAndProject(db);
    const backup = await exportBackup(db);
    const before = await snapshot(db);
    const plan = await planImport(db, JSON.stringify({ ...backup, data: { ...backup.data, clients: [] } }));
    expect(plan).toEqual({ ok: false, error: 'data.projects[0].clientId: verweist auf einen Datensatz, der nicht in der Datei ist' });
    expect(await planImport(db, '{"hello": 1}')).toEqual({ ok: false, error: 'Dies ist keine Sicherung von Milestone Invoicer (ihr Feld „format“ fehlt oder ist anders)' });
    expect(await snapshot(db)).toEqual(before);
  });
});
