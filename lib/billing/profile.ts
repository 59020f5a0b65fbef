/** What a seller must state for an invoice to be complete, in form order. */
const requiredForInvoice = ['name', 'address', 'taxId'] as const;

export type ProfileField = (typeof requiredForInvoice)[number];

/** The required seller details still blank, in form order; empty when invoices can be issued complete. */
export function missingForInvoice(profile: Record<ProfileField, string>): ProfileField[] {
  return requiredForInvoice.filter((field) => !profile[field].trim());
}
