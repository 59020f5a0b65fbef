import { useState } from 'preact/hooks';
import { isCurrency } from '../lib/billing/money';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Client } from '../lib/db/entities';
import { archiveClient, clientDeletionProblem, deleteClient, saveClient } from '../lib/db/clients';
import { InputError } from '../lib/db/errors';
import { isLocaleTag, type Paper } from '../lib/invoicing/print-locale';
import { t } from '../lib/ui/i18n';
import { EInvoiceFields, readEInvoiceFields } from './EInvoiceFields';
import { ConfirmDialog } from './ConfirmDialog';
import { useFieldProblems } from './FieldProblems';

type Typed = Record<'name' | 'email' | 'currency' | 'locale', string>;

/** What is wrong with each typed field, in plain words; undefined where nothing is. */
export function clientProblems(typed: Typed): Record<keyof Typed, string | undefined> {
  return {
    name: typed.name.trim() ? undefined : t('giveClientName'),
    email: !typed.email.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed.email.trim()) ? undefined : t('emailLike'),
    currency: isCurrency(typed.currency.trim().toUpperCase()) ? undefined : t('currencyCodeShort'),
    locale: isLocaleTag(typed.locale.trim()) ? undefined : typed.locale.trim() ? t('notALocale', typed.locale.trim()) : t('localeLike'),
  };
}

/** A new client, or changes to one. Each problem shows beside its field once left; nothing is saved until none is left. */
export function ClientEditor({ db, client, onDone }: { db: MilestoneDatabase; client?: Client; onDone: (saved?: Client) => void }) {
  const [problem, setProblem] = useState('');
  const [typed, setTyped] = useState<Typed>({ name: client?.name ?? '', email: client?.email ?? '', currency: client?.currency ?? 'EUR', locale: client?.locale ?? navigator.language });
  const fields = useFieldProblems(clientProblems(typed));
  const track = (key: keyof Typed) => (e: { currentTarget: HTMLInputElement }) => setTyped({ ...typed, [key]: e.currentTarget.value });
  async function submit(event: Event) {
    event.preventDefault();
    if (!fields.submit()) return setProblem('');
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const paper = value('paper') as Paper | '';
    try {
      const saved = await saveClient(db, {
        ...(client ? { id: client.id } : {}),
        name: value('name'), email: value('email'), address: value('address'), taxId: value('taxId'),
        currency: value('currency').toUpperCase(), locale: value('locale'), ...(paper ? { paper } : {}),
        einvoice: readEInvoiceFields(form, client),
      });
      onDone(saved);
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  }
  return (
    <form class="inline-form" aria-label={client ? t('editNamed', client.name) : t('newClient')} onSubmit={submit} noValidate>
      <label>{t('clientName')}<input name="name" defaultValue={client?.name} autocomplete="organization" onInput={track('name')} {...fields.field('name')} /></label>
      {fields.problem('name')}
      <label>{t('email')}<input name="email" type="email" defaultValue={client?.email} onInput={track('email')} {...fields.field('email')} /></label>
      {fields.problem('email')}
      <label>{t('address')}<textarea name="address" rows={4} defaultValue={client?.address} /></label>
      <label>{t('taxIdLabel')}<input name="taxId" defaultValue={client?.taxId} /></label>
      <label>{t('clientCurrency')}<input name="currency" maxLength={3} defaultValue={typed.currency} onInput={track('currency')} {...fields.field('currency')} /></label>
      {fields.problem('currency')}
      <label>{t('clientLocale')}<input name="locale" defaultValue={typed.locale} onInput={track('locale')} {...fields.field('locale')} /></label>
      {fields.problem('locale')}
      <label>{t('clientPaper')}<select name="paper">
        <option value="" selected={!client?.paper}>{t('paperAutomatic')}</option>
        <option value="a4" selected={client?.paper === 'a4'}>A4</option>
        <option value="letter" selected={client?.paper === 'letter'}>{t('paperLetter')}</option>
      </select></label>
      <EInvoiceFields client={client} />
      {problem && <p role="alert" class="error">{problem}</p>}
      <div class="buttons"><button class="primary" type="submit">{t('saveClient')}</button><button type="button" onClick={() => onDone()}>{t('cancel')}</button></div>
      {client && <ClientLifecycle db={db} client={client} onDeleted={() => onDone()} />}
    </form>
  );
}

/** Archive or restore a client; delete one with no projects and no invoices, after confirming. */
function ClientLifecycle({ db, client, onDeleted }: { db: MilestoneDatabase; client: Client; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState('');
  const attempt = async (action: () => Promise<void>) => {
    try {
      await action();
      setProblem('');
    } catch (error) {
      setProblem(error instanceof InputError ? error.message : String(error));
    }
  };
  const askToDelete = async () => {
    const refusal = await clientDeletionProblem(db, client.id);
    if (refusal) setProblem(refusal);
    else setAsking(true);
  };
  return (
    <div class="buttons">
      <button type="button" onClick={() => void attempt(() => archiveClient(db, client.id, !client.archivedAt))}>{client.archivedAt ? t('restoreClient') : t('archiveClient')}</button>
      <button type="button" onClick={() => void askToDelete()}>{t('deleteClientMore')}</button>
      {problem && <p role="alert" class="error">{problem}</p>}
      {asking && (
        <ConfirmDialog title={t('deleteNamedQuestion', client.name)} confirmLabel={t('deleteClient')} danger onCancel={() => setAsking(false)} onConfirm={() => (setAsking(false), void attempt(async () => (await deleteClient(db, client.id), onDeleted())))}>
          <p>{t('deleteClientExplain')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
