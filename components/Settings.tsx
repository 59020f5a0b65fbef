import { useQuery } from '@tanstack/preact-query';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { formatNumber } from '../lib/billing/numbering';
import { reminderSteps, type ReminderStep } from '../lib/billing/reminders';
import type { MilestoneDatabase } from '../lib/db/database';
import { InputError } from '../lib/db/errors';
import { putSetting, SettingError, type SettingKey, type SettingValue } from '../lib/db/settings';
import { queries } from '../lib/ui/queries';
import { LoadError, Loading } from './Loading';

type Status = { text: string; error?: boolean; field?: string };

/** Shows a refused field's message beside it; render it right after the field's input. */
type FieldProblem = (field: string) => ComponentChildren;

/**
 * Loads one setting and hands a form its value and a save function that reports the outcome.
 * A refusal about one of `fields` is shown beside that field, any other under the form.
 */
function SettingSection<K extends SettingKey>(props: {
  db: MilestoneDatabase;
  setting: K;
  title: string;
  fields?: string[];
  children: (value: SettingValue<K>, save: (value: SettingValue<K>) => void, problem: FieldProblem) => ComponentChildren;
}) {
  const query = useQuery(queries.setting(props.db, props.setting));
  const [status, setStatus] = useState<Status | null>(null);
  const save = (value: SettingValue<K>) =>
    putSetting(props.db, props.setting, value).then(
      () => setStatus({ text: 'Saved.' }),
      (error: unknown) => setStatus({
        text: error instanceof InputError ? error.message : String(error),
        error: true,
        field: error instanceof SettingError && props.fields?.includes(error.field ?? '') ? error.field : undefined,
      }),
    );
  const problem: FieldProblem = (field) =>
    status?.field === field && <p id={`${props.setting}-${field}-problem`} role="alert" class="error">{status.text}</p>;
  return (
    <section class="card" aria-labelledby={`${props.setting}-heading`}>
      <h2 id={`${props.setting}-heading`}>{props.title}</h2>
      {query.isPending ? <Loading what={props.title.toLowerCase()} /> : query.isError ? <LoadError error={query.error} /> : props.children(query.data, save, problem)}
      {status && !status.field && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
    </section>
  );
}

const field = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();

export function BusinessProfileSettings({ db }: { db: MilestoneDatabase }) {
  const [logo, setLogo] = useState<string | undefined | null>(null);
  return (
    <SettingSection db={db} setting="businessProfile" title="Your business (printed on every invoice)">
      {(profile, save) => {
        const currentLogo = logo === null ? profile.logo : logo;
        const readLogo = (file: File | undefined) => {
          if (!file) return;
          const reader = new FileReader();
          reader.onload = () => setLogo(String(reader.result));
          reader.readAsDataURL(file);
        };
        return (
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              save({
                name: field(form, 'name'), address: (form.elements.namedItem('address') as HTMLTextAreaElement).value.trim(), taxId: field(form, 'taxId'),
                email: field(form, 'email'), paymentInstructions: field(form, 'paymentInstructions'), paymentLink: field(form, 'paymentLink'),
                ...(currentLogo ? { logo: currentLogo } : {}),
              });
            }}
          >
            <label>Business name<input name="name" required defaultValue={profile.name} autocomplete="organization" /></label>
            <label>Address<textarea name="address" rows={3} defaultValue={profile.address} /></label>
            <label>VAT ID / tax number<input name="taxId" defaultValue={profile.taxId} /></label>
            <label>Billing email<input name="email" type="email" defaultValue={profile.email} /></label>
            <label>Payment instructions (bank details)<input name="paymentInstructions" defaultValue={profile.paymentInstructions} /></label>
            <label>Payment link (https://…)<input name="paymentLink" defaultValue={profile.paymentLink} /></label>
            <label>Logo (PNG or JPEG, up to 200 KB)<input type="file" accept="image/png,image/jpeg" onChange={(e) => readLogo(e.currentTarget.files?.[0])} /></label>
            {currentLogo && (
              <div class="buttons">
                <img src={currentLogo} alt="Your logo" style={{ maxHeight: '48px' }} />
                <button type="button" onClick={() => setLogo(undefined)}>Remove logo</button>
              </div>
            )}
            <div class="buttons"><button class="primary" type="submit">Save</button></div>
          </form>
        );
      }}
    </SettingSection>
  );
}

export function NumberingSettings({ db }: { db: MilestoneDatabase }) {
  const [preview, setPreview] = useState<Record<string, string>>({});
  const example = (pattern: string) => {
    try {
      return formatNumber({ pattern, yearlyReset: true }, 7, new Date().toISOString().slice(0, 10));
    } catch {
      return '';
    }
  };
  const numbering = (setting: 'invoiceNumbering' | 'creditNoteNumbering', title: string) => (
    <SettingSection db={db} setting={setting} title={title} fields={['pattern']}>
      {(rule, save, problem) => (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            save({ pattern: field(form, 'pattern'), yearlyReset: (form.elements.namedItem('yearlyReset') as HTMLInputElement).checked });
          }}
        >
          <label>
            Pattern: {'{YYYY}'}, {'{YY}'}, {'{MM}'} and one {'{seq:N}'} (N digits)
            <input
              name="pattern"
              required
              defaultValue={rule.pattern}
              aria-describedby={`${setting}-pattern-problem`}
              onInput={(e) => setPreview({ ...preview, [setting]: e.currentTarget.value })}
            />
          </label>
          {problem('pattern')}
          <p class="muted">Example: {example(preview[setting] ?? rule.pattern) || 'not a valid pattern'}</p>
          <label style={{ display: 'flex', gap: '6px' }}><input type="checkbox" name="yearlyReset" defaultChecked={rule.yearlyReset} /> Start again at 1 each year</label>
          <div class="buttons"><button class="primary" type="submit">Save</button></div>
        </form>
      )}
    </SettingSection>
  );
  return (
    <>
      {numbering('invoiceNumbering', 'Invoice numbers')}
      {numbering('creditNoteNumbering', 'Credit note numbers')}
    </>
  );
}

export function InvoiceFileSettings({ db }: { db: MilestoneDatabase }) {
  return (
    <SettingSection db={db} setting="invoiceFiles" title="Invoice files" fields={['folder']}>
      {(files, save, problem) => (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            save({ folder: field(form, 'folder'), downloadOnIssue: (form.elements.namedItem('downloadOnIssue') as HTMLInputElement).checked });
          }}
        >
          <label>Subfolder of your downloads folder<input name="folder" defaultValue={files.folder} aria-describedby="invoiceFiles-folder-problem" /></label>
          {problem('folder')}
          <label style={{ display: 'flex', gap: '6px' }}><input type="checkbox" name="downloadOnIssue" defaultChecked={files.downloadOnIssue} /> Save each PDF as soon as it is issued</label>
          <div class="buttons"><button class="primary" type="submit">Save</button></div>
        </form>
      )}
    </SettingSection>
  );
}

export function DefaultSettings({ db }: { db: MilestoneDatabase }) {
  return (
    <SettingSection db={db} setting="defaults" title="New projects">
      {(defaults, save) => (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            save({ ...defaults, invoiceOn: field(form, 'invoiceOn') as 'done' | 'acceptance' });
          }}
        >
          <label>
            When a linked card reaches Done
            <select name="invoiceOn" value={defaults.invoiceOn}>
              <option value="done">Issue the invoice at once</option>
              <option value="acceptance">Wait for the client’s written acceptance</option>
            </select>
          </label>
          <div class="buttons"><button class="primary" type="submit">Save</button></div>
        </form>
      )}
    </SettingSection>
  );
}

const reminderLabels: Record<ReminderStep, string> = {
  due: 'An invoice falls due',
  'overdue-7': 'An invoice is 7 days overdue',
  'overdue-30': 'An invoice is 30 days overdue',
  'not-invoiced': 'A milestone was delivered but not invoiced',
};

export function ReminderSettings({ db }: { db: MilestoneDatabase }) {
  return (
    <SettingSection db={db} setting="reminders" title="Reminders">
      {(reminders, save) => (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            save({ enabled: reminderSteps.filter((step) => (form.elements.namedItem(step) as HTMLInputElement).checked) });
          }}
        >
          <p class="muted">A notification once per step, checked daily and when the browser starts.</p>
          {reminderSteps.map((step) => (
            <label class="check" key={step}><input type="checkbox" name={step} defaultChecked={reminders.enabled.includes(step)} /> {reminderLabels[step]}</label>
          ))}
          <div class="buttons"><button class="primary" type="submit">Save</button></div>
        </form>
      )}
    </SettingSection>
  );
}
