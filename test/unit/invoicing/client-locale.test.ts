import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { saveClient } from '../../../lib/db/clients';
import type { Client } from '../../../lib/db/entities';
import type { ProjectInput } from '../../../lib/db/projects';
import { putSetting } from '../../../lib/db/settings';
import { draftPdf, invoiceMilestone, invoicePdf, voidInvoice, type EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { pdfText, testFonts } from './support';

/** A contract of 12,345.67 EUR before tax, its deposit (33 %) issued on 2026-11-24, due 2026-12-08. */
async function contract(client: Partial<Client>, browserLocale = 'en-US', project: Partial<ProjectInput> = {}) {
  const db = freshDatabase();
  const made = await clientAndProject(db, { total: 1_234_567, ...project });
  await saveClient(db, { ...made.client, ...client });
  await putSetting(db, 'businessProfile', {
    name: 'Northwind Design Studio', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: 'IBAN DE89', paymentLink: '',
  });
  const engine = (locale: string): EngineContext => ({ db, fonts: testFonts, today: '2026-11-24', locale, now: 1_000 });
  const issued = await invoiceMilestone(engine(browserLocale), made.milestones[0]!.id);
  return { db, engine, issued, ...made };
}

const textOf = async (bytes: Uint8Array) => (await pdfText(bytes)).join(' ');

async function pageSize(bytes: Uint8Array): Promise<[number, number]> {
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const { width, height } = (await pdf.getPage(1)).getViewport({ scale: 1 });
  return [Number(width.toFixed(2)), Number(height.toFixed(2))];
}

/** Arabic-Indic, Persian and Bengali digits: what an Arabic, Persian or Bengali locale writes by default. */
const NATIVE_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u09e6-\u09ef]/;

describe('the client’s invoice locale on the PDF', () => {
  it.each([
    ['ar-SA', '12,345.67 €', '24/11/2026'],
    ['fa-IR', '€ 12,345.67', '2026/11/24'],
    ['bn-BD', '12,345.67€', '24/11/2026'],
  ])('writes a %s client’s amounts and dates in Latin digits the font prints', async (locale, total, issueDate) => {
    const { issued } = await contract({ locale });
    const text = await textOf(issued.file.bytes);
    expect(issued.missingCharacters).toEqual([]);
    expect(text).not.toMatch(NATIVE_DIGITS);
    expect(text).not.toContain('..');
    expect(text).toContain(`of the contract total of ${total} (before tax)`);
    // Gregorian, as the invoice's dates are stored: never the Hijri or Persian calendar of the locale.
    expect(text).toContain(`Issue date ${issueDate}`);
  });

  it('writes a de-DE client’s amounts as 1.234,56 € and dates as 24.11.2026', async () => {
    const text = await textOf((await contract({ locale: 'de-DE' })).issued.file.bytes);
    expect(text).toContain('der Vertragssumme von 12.345,67 € (netto)');
    expect(text).toContain('Nettobetrag 4.074,07 € VAT 20 % auf 4.074,07 € 814,81 € Gesamtbetrag (EUR) 4.888,88 €');
    expect(text).toContain('Rechnungsdatum 24.11.2026 Art Anzahlungsrechnung');
    expect(text).toContain('Zu zahlender Betrag 4.888,88 € Fällig am 08.12.2026');
  });

  it('writes a rate with decimals the client’s way: 19,5 % in German, 19.5 % in English', async () => {
    const taxes = { mode: 'exclusive' as const, rates: [{ name: 'VAT', basisPoints: 1950 }], reverseCharge: false };
    expect(await textOf((await contract({ locale: 'de-DE' }, 'en-US', { taxes })).issued.file.bytes)).toContain('VAT 19,5 % auf 4.074,07 €');
    expect(await textOf((await contract({ locale: 'en-GB' }, 'de-DE', { taxes })).issued.file.bytes)).toContain('VAT 19.5 % of €4,074.07');
  });

  it('writes an en-US client’s dates the US way', async () => {
    const text = await textOf((await contract({ locale: 'en-US' })).issued.file.bytes);
    expect(text).toContain('Amount due €4,888.88 Due 12/08/2026');
    expect(text).toContain('Issue date 11/24/2026');
    expect(text).toContain('Net 14, due 12/08/2026.');
  });

  it('writes a currency sign the font lacks as its ISO code', async () => {
    const db = freshDatabase();
    const made = await clientAndProject(db, { total: 1_234_567, currency: 'SAR' });
    await saveClient(db, { ...made.client, locale: 'ar-SA', currency: 'SAR' });
    await putSetting(db, 'businessProfile', { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: '', paymentLink: '' });
    const issued = await invoiceMilestone({ db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1 }, made.milestones[0]!.id);
    expect(issued.missingCharacters).toEqual([]);
    expect(await textOf(issued.file.bytes)).toContain('of the contract total of 12,345.67 SAR (before tax)');
  });

  it('does not depend on the browser’s locale: the same invoice from an Arabic and an English browser', async () => {
    const { db, engine, issued, milestones } = await contract({ locale: 'de-DE' }, 'ar-SA');
    await db.invoiceFiles.clear();
    const fromEnglish = await invoicePdf(engine('en-US'), issued.invoice.id);
    expect(await textOf(fromEnglish.file.bytes)).toBe(await textOf(issued.file.bytes));
    expect(fromEnglish.file.sha256).toBe(issued.file.sha256);
    const drafts = await Promise.all(['bn-BD', 'en-GB'].map(async (browser) => textOf((await draftPdf(engine(browser), milestones[1]!.id)).bytes)));
    expect(drafts[0]).toContain('der Vertragssumme von 12.345,67 €');
    expect(drafts[0]).toBe(drafts[1]);
  });

  it('keeps the locale an invoice was issued in when the client’s locale changes later', async () => {
    const { db, engine, issued, client } = await contract({ locale: 'de-DE' });
    await saveClient(db, { ...client, locale: 'en-US' });
    await db.invoiceFiles.clear();
    const again = await invoicePdf(engine('en-US'), issued.invoice.id);
    expect(again.file.bytes).toEqual(issued.file.bytes);
    expect(issued.invoice.buyer).toMatchObject({ locale: 'de-DE' });
  });

  it('still issues for a client saved with a locale Intl cannot read, written in English', async () => {
    const { issued } = await contract({ locale: 'de_DE' });
    expect(await textOf(issued.file.bytes)).toContain('Issue date 11/24/2026');
  });
});

describe('the paper of an invoice', () => {
  const LETTER = [612, 792];
  const A4 = [595.28, 841.89];

  it.each([
    ['en-US', LETTER],
    ['fr-CA', LETTER],
    ['es-US', LETTER],
    ['de-DE', A4],
    ['en-GB', A4],
    ['en', A4],
  ])('follows the region of a %s client', async (locale, size) => {
    expect(await pageSize((await contract({ locale })).issued.file.bytes)).toEqual(size);
  });

  it('is the client’s choice when they set one', async () => {
    expect(await pageSize((await contract({ locale: 'en-US', paper: 'a4' })).issued.file.bytes)).toEqual(A4);
    expect(await pageSize((await contract({ locale: 'de-DE', paper: 'letter' })).issued.file.bytes)).toEqual(LETTER);
  });

  it('is the invoice’s paper and locale on the credit note that voids it', async () => {
    const { engine, issued } = await contract({ locale: 'en-US' });
    const credit = await voidInvoice(engine('de-DE'), issued.invoice.id);
    expect(await pageSize(credit.file.bytes)).toEqual(LETTER);
    expect(await textOf(credit.file.bytes)).toContain('Corrects invoice INV-2026-0001 of 11/24/2026');
  });

  it('stays as issued when the client’s paper changes later, byte for byte', async () => {
    const { db, engine, issued, client } = await contract({ locale: 'en-US' });
    await saveClient(db, { ...client, paper: 'a4' });
    await db.invoiceFiles.clear();
    const again = await invoicePdf(engine('en-US'), issued.invoice.id);
    expect(again.file.bytes).toEqual(issued.file.bytes);
    expect(await pageSize(again.file.bytes)).toEqual(LETTER);
  });
});
