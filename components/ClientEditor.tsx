import { useState } from 'preact/hooks';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Client } from '../lib/db/entities';
import { saveClient } from '../lib/db/clients';
import { InputError } from '../lib/db/errors';
import { isLocaleTag, type Paper } from '../lib/invoicing/print-locale';
import { t } from '../lib/ui/i18n';

/** A new client, or changes to one. Bad input is named and nothing is saved. */
export function ClientEditor({ db, client, onDone }: { db: MilestoneDatabase; client?: Client; onDone: (saved?: Client) => void }) {
  const [problem, setProblem] = useState('');
  async function submit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const locale = value('locale');
    if (!isLocaleTag(locale)) return setProblem(t('notALocale', locale));
    const paper = value('paper') as Paper | '';
    try {
      const saved = await saveClient(db, {
        ...(client ? { id: client.id } : {}),
        name: value('name'), email: value('email'), address: value('address'), taxId: value('taxId'),
        currency: value('currency').toUpperCase(), locale, ...(paper ? { paper } : {}),
      });
      onDone(saved);
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  }
  return (
    <form class="inline-form" aria-label={client ? t('editNamed', client.name) : t('newClient')} onSubmit={submit} noValidate>
      <label>{t('clientName')}<input name="name" defaultValue={client?.name} autocomplete="organization" /></label>
      <label>{t('email')}<input name="email" type="email" defaultValue={client?.email} /></label>
      <label>{t('address')}<textarea name="address" rows={2} defaultValue={client?.address} /></label>
      <label>{t('taxIdLabel')}<input name="taxId" defaultValue={client?.taxId} /></label>
      <label>{t('clientCurrency')}<input name="currency" maxLength={3} defaultValue={client?.currency ?? 'EUR'} /></label>
      <label>{t('clientLocale')}<input name="locale" defaultValue={client?.locale ?? navigator.language} /></label>
      <label>{t('clientPaper')}<select name="paper">
        <option value="" selected={!client?.paper}>{t('paperAutomatic')}</option>
        <option value="a4" selected={client?.paper === 'a4'}>A4</option>
        <option value="letter" selected={client?.paper === 'letter'}>{t('paperLetter')}</option>
      </select></label>
      {problem && <p role="alert" class="error">{problem}</p>}
      <div class="buttons"><button class="primary" type="submit">{t('saveClient')}</button><button type="button" onClick={() => onDone()}>{t('cancel')}</button></div>
    </form>
  );
}
