import type { EInvoiceDelivery } from '../../db/entities';

/** The e-invoice files a row or a notification can offer. Kept apart so pages can name them without loading the generators. */
export const einvoiceKinds = ['facturx', 'ubl', 'cii'] as const;
export type EInvoiceKind = (typeof einvoiceKinds)[number];

/** The e-invoice files a delivery offers beside (or instead of) the plain PDF. */
export function offeredKinds(delivery: EInvoiceDelivery): EInvoiceKind[] {
  if (delivery.format === 'facturx') return ['facturx'];
  return delivery.format === 'pdf-xml' ? [delivery.syntax] : [];
}
