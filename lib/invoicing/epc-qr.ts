import { isSepaIban } from '../billing/bank-account';

/**
 * The EPC QR code ("GiroCode") of a SEPA credit transfer, per EPC069-12 version 002: banking apps
 * scan it and fill in beneficiary, IBAN, amount and reference.
 */
export interface CreditTransfer {
  beneficiary: string;
  /** Electronic form, in a SEPA country. */
  iban: string;
  /** Optional in version 002 within the SEPA area. */
  bic?: string;
  /** In euro cents. */
  amount: number;
  /** Unstructured remittance information: the invoice number. */
  remittance: string;
}

/** The payload's byte limit, and the field limits in characters. */
export const EPC_LIMITS = { bytes: 331, beneficiary: 70, remittance: 140, minCents: 1, maxCents: 99_999_999_999 } as const;

/** The payload the code encodes, or nothing when the transfer cannot be one (amount or account out of bounds). */
export function epcPayload(transfer: CreditTransfer): string | undefined {
  const { amount, iban } = transfer;
  if (!Number.isSafeInteger(amount) || amount < EPC_LIMITS.minCents || amount > EPC_LIMITS.maxCents) return undefined;
  if (!isSepaIban(iban) || !/^([A-Z0-9]{8}|[A-Z0-9]{11})?$/.test(transfer.bic ?? '')) return undefined;
  const beneficiary = field(transfer.beneficiary, EPC_LIMITS.beneficiary);
  if (!beneficiary) return undefined;
  const payload = [
    'BCD', '002', '1', 'SCT', transfer.bic ?? '', beneficiary, iban, `EUR${euros(amount)}`,
    '', // purpose code
    '', // structured creditor reference: the invoice number is not one
    field(transfer.remittance, EPC_LIMITS.remittance),
  ].join('\n');
  return byteLength(payload) <= EPC_LIMITS.bytes ? payload : undefined;
}

/** 12345 cents -> "123.45": a point, no grouping, as the standard writes amounts. */
function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** One payload line: line breaks and controls would split the payload, so they become spaces; cut to `max` characters. */
function field(text: string, max: number): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return [...flat].slice(0, max).join('').trim();
}

export const byteLength = (text: string) => new TextEncoder().encode(text).length;
