import { electronicFormatIBAN, isSEPACountry, validateBIC, validateIBAN, ValidationErrorsBIC, ValidationErrorsIBAN } from 'ibantools';
import { t } from '../ui/i18n';

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
  if (errorCodes.includes(ValidationErrorsIBAN.NoIBANCountry)) return t('ibanCountry');
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANLength)) return t('ibanLength', iban.slice(0, 2));
  if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat)) return t('ibanForm', iban.slice(0, 2));
  return t('ibanCheckDigits');
}

/** What is wrong with a BIC in electronic form, in plain words; nothing for a valid or empty one. */
export function bicProblem(bic: string): string | undefined {
  if (!bic) return undefined;
  const { valid, errorCodes } = validateBIC(bic);
  if (valid) return undefined;
  if (errorCodes.includes(ValidationErrorsBIC.NoBICCountry)) return t('bicCountry');
  return t('bicForm');
}

/** An account a SEPA credit transfer can pay into: only those get an EPC payment code. */
export function isSepaIban(iban: string): boolean {
  return !ibanProblem(iban) && iban !== '' && isSEPACountry(iban.slice(0, 2));
}

/** "DE89 3704 0044 0532 0130 00": groups of four, as banks print it. */
export function printedIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
