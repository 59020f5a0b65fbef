import { describe, expect, it } from 'vitest';
import { byteLength, EPC_LIMITS, epcPayload, type CreditTransfer } from '../../../lib/invoicing/epc-qr';

const transfer: CreditTransfer = { beneficiary: 'Northwind Design Studio', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', amount: 571_200, remittance: 'INV-2026-0007' };

describe('the EPC QR payload (SEPA credit transfer, version 002)', () => {
  it('writes the lines in the standard’s order: BCD, 002, UTF-8, SCT, BIC, name, IBAN, amount, no purpose, no structured reference, the invoice number', () => {
    expect(epcPayload(transfer)).toBe('BCD\n002\n1\nSCT\nCOBADEFFXXX\nNorthwind Design Studio\nDE89370400440532013000\nEUR5712.00\n\n\nINV-2026-0007');
  });

  it('leaves the BIC line empty when the seller gave none (optional in version 002)', () => {
    expect(epcPayload({ ...transfer, bic: undefined })!.split('\n')[4]).toBe('');
  });

  it.each([
    [1, 'EUR0.01'],
    [5, 'EUR0.05'],
    [100, 'EUR1.00'],
    [99_999_999_999, 'EUR999999999.99'],
  ])('writes %i cents as %s, with a point and no grouping', (amount, line) => {
    expect(epcPayload({ ...transfer, amount })!.split('\n')[7]).toBe(line);
  });

  it.each([0, -100, 100_000_000_000, 0.5])('gives no payload for %s cents, outside 0.01 to 999,999,999.99', (amount) => {
    expect(epcPayload({ ...transfer, amount })).toBeUndefined();
  });

  it('gives no payload for an account outside SEPA, a mistyped IBAN or a malformed BIC', () => {
    expect(epcPayload({ ...transfer, iban: 'BR1800360305000010009795493C1' })).toBeUndefined();
    expect(epcPayload({ ...transfer, iban: 'DE89370400440532013001' })).toBeUndefined();
    expect(epcPayload({ ...transfer, bic: 'COBADEF' })).toBeUndefined();
  });

  it('cuts the beneficiary to 70 characters and the reference to 140', () => {
    const lines = epcPayload({ ...transfer, beneficiary: 'N'.repeat(80), remittance: 'R'.repeat(150) })!.split('\n');
    expect(lines[5]).toBe('N'.repeat(EPC_LIMITS.beneficiary));
    expect(lines[10]).toBe('R'.repeat(EPC_LIMITS.remittance));
  });

  it('counts the name’s limit in characters, not bytes', () => {
    expect(epcPayload({ ...transfer, beneficiary: 'Ελληνικό Στούντιο Σχεδίασης Αθήνα Νίκος Παπαδόπουλος και Συνεργάτες ΟΕ ΙΚΕ' })!.split('\n')[5])
      .toBe('Ελληνικό Στούντιο Σχεδίασης Αθήνα Νίκος Παπαδόπουλος και Συνεργάτες ΟΕ');
  });

  it('keeps a name on its own line: line breaks and controls in it become spaces', () => {
    const lines = epcPayload({ ...transfer, beneficiary: 'Northwind\r\nDesign\tStudio' })!.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[5]).toBe('Northwind Design Studio');
  });

  it('gives no payload without a beneficiary name', () => {
    expect(epcPayload({ ...transfer, beneficiary: ' \n ' })).toBeUndefined();
  });

  it('stays within 331 bytes: at the limit it is a payload, one byte over it is none', () => {
    // Two-byte characters fill the name; the reference then takes the payload to exactly 331 bytes.
    const beneficiary = 'É'.repeat(EPC_LIMITS.beneficiary);
    const fixed = byteLength(epcPayload({ ...transfer, beneficiary, remittance: 'x' })!) - 1;
    const fits = 'R'.repeat(EPC_LIMITS.bytes - fixed);
    expect(byteLength(epcPayload({ ...transfer, beneficiary, remittance: fits })!)).toBe(EPC_LIMITS.bytes);
    expect(epcPayload({ ...transfer, beneficiary, remittance: `${fits}R` })).toBeUndefined();
  });
});
