import { useState } from 'preact/hooks';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Client } from '../lib/db/entities';
import { saveClient } from '../lib/db/clients';
import { InputError } from '../lib/db/errors';
import { isLocaleTag, type Paper } from '../lib/invoicing/print-locale';
import { EInvoiceFields, readEInvoiceFields } from './EInvoiceFields';

/** A new client, or changes to one. Bad input is named and nothing is saved. */
export function ClientEditor({ db, client, onDone }: { db: MilestoneDatabase; client?: Client; onDone: (saved?: Client) => void }) {
  const [problem, setProblem] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const locale = value('locale');
    if (!isLocaleTag(locale)) return setProblem(`"${locale}" is not a locale: write it like de-DE or en-US`);
    const paper = value('paper') as Paper | '';
    try {
      const saved = await saveClient(db, {
        ...(client ? { id: client.id } : {}),
        name: value('name'), email: value('email'), address: value('address'), taxId: value('taxId'),
        currency: value('currency').toUpperCase(), locale, ...(paper ? { paper } : {}),
        einvoice: readEInvoiceFields(form, client),
      });
      onDone(saved);
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  }
  return (
    <form class="inline-form" aria-label={client ? `Edit ${client.name}` : 'New client'} onSubmit={submit} noValidate>
      <label>Client name<input name="name" defaultValue={client?.name} autocomplete="organization" /></label>
      <label>Email<input name="email" type="email" defaultValue={client?.email} /></label>
      <label>Address<textarea name="address" rows={2} defaultValue={client?.address} /></label>
      <label>VAT ID / tax number<input name="taxId" defaultValue={client?.taxId} /></label>
      <label>Currency (ISO code)<input name="currency" maxLength={3} defaultValue={client?.currency ?? 'EUR'} /></label>
      <label>Locale of their invoices<input name="locale" defaultValue={client?.locale ?? navigator.language} /></label>
      <label>Paper of their invoices<select name="paper">
        <option value="" selected={!client?.paper}>Automatic: Letter in the US and Canada, A4 elsewhere</option>
        <option value="a4" selected={client?.paper === 'a4'}>A4</option>
        <option value="letter" selected={client?.paper === 'letter'}>Letter</option>
      </select></label>
      <EInvoiceFields client={client} />
      {problem && <p role="alert" class="error">{problem}</p>}
      <div class="buttons"><button class="primary" type="submit">Save client</button><button type="button" onClick={() => onDone()}>Cancel</button></div>
    </form>
  );
}
