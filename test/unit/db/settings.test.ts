import { describe, expect, it } from 'vitest';
import { getSetting, putSetting, putSettings, SettingError } from '../../../lib/db/settings';
import { freshDatabase } from './helpers';

describe('saving settings together', () => {
  it('checks the two numbering series against each other as they will be, so both may change at once', async () => {
    const db = freshDatabase();
    await putSettings(db, { invoiceNumbering: { pattern: 'CN-{YYYY}-{seq:4}', yearlyReset: true }, creditNoteNumbering: { pattern: 'GS-{YYYY}-{seq:4}', yearlyReset: true } });
    expect((await getSetting(db, 'invoiceNumbering')).pattern).toBe('CN-{YYYY}-{seq:4}');
    expect((await getSetting(db, 'creditNoteNumbering')).pattern).toBe('GS-{YYYY}-{seq:4}');
  });

  it('writes nothing when any one setting is refused', async () => {
    const db = freshDatabase();
    const saving = putSettings(db, { invoiceFiles: { folder: 'Work/Invoices', downloadOnIssue: false }, creditNoteNumbering: { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true } });
    await expect(saving).rejects.toThrow(SettingError);
    expect(await db.settings.count()).toBe(0);
  });

  it('still checks one setting saved alone against the stored other series', async () => {
    const db = freshDatabase();
    await expect(putSetting(db, 'creditNoteNumbering', { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true })).rejects.toThrow(/^Credit note numbers could repeat invoice numbers/);
  });

  it('reads defaults saved before taxes were part of them as untaxed, keeping the rest', async () => {
    const db = freshDatabase();
    await db.settings.put({ key: 'defaults', value: { currency: 'CHF', locale: 'de', terms: { kind: 'net', days: 30 }, invoiceOn: 'acceptance' } });
    expect(await getSetting(db, 'defaults')).toEqual({ currency: 'CHF', locale: 'de', terms: { kind: 'net', days: 30 }, invoiceOn: 'acceptance', taxes: { mode: 'exclusive', rates: [] } });
  });
});
