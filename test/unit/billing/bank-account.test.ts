import { describe, expect, it } from 'vitest';
import { bicProblem, electronicBic, electronicIban, ibanProblem, isSepaIban, printedIban } from '../../../lib/billing/bank-account';

describe('the seller’s bank account', () => {
  it('stores an IBAN as typed with spaces, dashes or lower case in its electronic form', () => {
    expect(electronicIban(' de89 3704-0044 0532 0130 00 ')).toBe('DE89370400440532013000');
    expect(electronicBic('deut de ff')).toBe('DEUTDEFF');
  });

  it('accepts valid IBANs and BICs, and empty ones (the account is optional)', () => {
    for (const iban of ['DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'CH9300762011623852957', '']) expect(ibanProblem(iban)).toBeUndefined();
    for (const bic of ['DEUTDEFF', 'DEUTDEFF500', 'ABNANL2A', '']) expect(bicProblem(bic)).toBeUndefined();
  });

  it.each([
    ['DE89370400440532013001', 'This IBAN’s check digits do not match: a character is probably mistyped'],
    ['DE8937040044053201300', 'This IBAN has the wrong length for DE: check it against your bank statement'],
    ['XX89370400440532013000', 'An IBAN starts with a two-letter country code, such as DE or FR'],
    ['1234', 'An IBAN starts with a two-letter country code, such as DE or FR'],
  ])('explains what is wrong with the IBAN %s', (iban, message) => {
    expect(ibanProblem(iban)).toBe(message);
  });

  it.each([
    ['DEUTDEF', 'A BIC has 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500'],
    ['DEUTDEFF5', 'A BIC has 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500'],
    ['DEUTXXFF', 'The 5th and 6th characters of a BIC are its country code, such as DE in DEUTDEFF'],
  ])('explains what is wrong with the BIC %s', (bic, message) => {
    expect(bicProblem(bic)).toBe(message);
  });

  it('knows which accounts a SEPA credit transfer reaches', () => {
    expect(isSepaIban('DE89370400440532013000')).toBe(true);
    expect(isSepaIban('CH9300762011623852957')).toBe(true);
    expect(isSepaIban('BR1800360305000010009795493C1')).toBe(false);
    expect(isSepaIban('DE89370400440532013001')).toBe(false);
    expect(isSepaIban('')).toBe(false);
  });

  it('prints an IBAN in groups of four', () => {
    expect(printedIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
    expect(printedIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
  });
});
