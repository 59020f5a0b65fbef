import { electronicFormatIBAN, isSEPACountry, validateBIC, validateIBAN, ValidationErrorsBIC, ValidationErrorsIBAN } from 'ibantools';

/** "de89 3704 0044…" -> "DE89370400440532013000": how an IBAN is stored and encoded. */
export function electronicIban(text: string): string {
  return electronicFormatIBAN(text) ?? '';
}

/** "deutdeff" -> "DEUTDEFF". */
export function electronicBic(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with an IBAN in electronic form, in plain words; nothing for a valid or empty one. */
export function ibanProblem(iban: string): string | undefined {
  if (!iban) return undefined;
  const { valid, errorCodes } = validateIBAN(iban);
  if (valid) return undefined;
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) return 'An IBAN starts with a two-letter country code, such as DE or FR';
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) return `This IBAN has the wrong length for ${iban.slice(0, 2)}: check it against your bank statement`;
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return `This IBAN does not have the form of a ${iban.slice(0, 2)} account number: check it against your bank statement`;
  return 'This IBAN’s check digits do not match: a character is probably mistyped';
}

/** What is wrong with a BIC in electronic form, in plain words; nothing for a valid or empty one. */
export function bicProblem(bic: string): string | undefined {
  if (!bic) return undefined;
  const { valid, errorCodes } = validateBIC(bic);
  if (valid) return undefined;
  if (errorCodes.includes(ValidationErrorsBIC.NoBICCountry)) return 'The 5th and 6th characters of a BIC are its country code, such as DE in DEUTDEFF';
  return 'A BIC has 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500';
}

/** An account a SEPA credit transfer can pay into: only those get an EPC payment code. */
export function isSepaIban(iban: string): boolean {
  return !ibanProblem(iban) && iban !== '' && isSEPACountry(iban.slice(0, 2));
}

/** "DE89 3704 0044 0532 0130 00": groups of four, as banks print it. */
export function printedIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
