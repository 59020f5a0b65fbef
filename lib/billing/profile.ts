/** What a seller must state for an invoice to be complete, in the words the forms use. */
const requiredForInvoice = { name: 'business name', address: 'address', taxId: 'VAT ID or tax number' } as const;

export type ProfileField = keyof typeof requiredForInvoice;

/** The required seller details still blank, in form order; empty when invoices can be issued complete. */
export function missingForInvoice(profile: Record<ProfileField, string>): ProfileField[] {
  return (Object.keys(requiredForInvoice) as ProfileField[]).filter((field) => !profile[field].trim());
}

/** "business name, address and VAT ID or tax number", joined as the locale joins a list. */
export function describeMissing(fields: readonly ProfileField[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(fields.map((field) => requiredForInvoice[field]));
}
