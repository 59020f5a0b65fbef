import { useQuery } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { applyImport, exportBackup, planImport, type ImportPlan } from '../lib/backup/backup';
import { invoicesCsv, paymentsCsv } from '../lib/backup/csv';
import { daysBetween, localDate } from '../lib/billing/dates';
import type { MilestoneDatabase } from '../lib/db/database';
import { putSetting } from '../lib/db/settings';
import { openOptions } from '../lib/platform/runtime';
import { formatDay } from '../lib/ui/format-date';
import { t, tCount } from '../lib/ui/i18n';
import { ConfirmDialog } from './ConfirmDialog';
import { queries } from '../lib/ui/queries';

/** Saves text as a file from a page, like a link with a download attribute. */
function saveText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const BACKUP_OVERDUE_DAYS = 30;

/** Backup, restore, accountant exports and persistent storage, on the options page. */
export function DataSafety({ db }: { db: MilestoneDatabase }) {
  const lastBackup = useQuery(queries.setting(db, 'lastBackup'));
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [spreadsheet, setSpreadsheet] = useState(true);
  const [decimalComma, setDecimalComma] = useState(false);
  const [withTokens, setWithTokens] = useState(false);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const today = localDate(new Date());
  useEffect(() => void navigator.storage?.persisted().then(setPersisted), []);

  async function backup() {
    saveText(JSON.stringify(await exportBackup(db, new Date(), { includeConnections: withTokens }), null, 1), `milestone-invoicer-backup-${today}.json`, 'application/json');
    await putSetting(db, 'lastBackup', { on: today });
    setStatus({ text: t('backupSaved') });
  }
  async function choose(file: File | undefined) {
    if (!file) return;
    setStatus({ text: t('checkingFile') });
    const planned = await planImport(db, await file.text());
    setPlan(planned);
    setStatus(planned.ok ? null : { text: planned.error, error: true });
  }
  async function restore(mode: 'merge' | 'replace') {
    setConfirmingReplace(false);
    if (!plan?.ok) return;
    try {
      await applyImport(db, plan.backup, mode);
      setPlan(null);
      setStatus({ text: t('backupRestored') });
    } catch (error) {
      setStatus({ text: t('nothingChanged', (error as Error).message), error: true });
    }
  }
  async function exportCsv(kind: 'invoices' | 'payments') {
    const [invoices, payments] = await Promise.all([db.invoices.toArray(), db.payments.toArray()]);
    const text = kind === 'invoices' ? invoicesCsv(invoices, payments, today, { spreadsheet, decimalComma }) : paymentsCsv(payments, invoices, { spreadsheet, decimalComma });
    saveText(text, `milestone-invoicer-${kind}-${today}.csv`, 'text/csv;charset=utf-8');
  }
  const age = lastBackup.data?.on ? daysBetween(lastBackup.data.on, today) : null;
  return (
    <section class="card" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('yourData')}</h2>
      <p class="muted">{t('dataLivesHere')} {age === null ? t('neverBackedUp') : tCount('lastBackupAgo', age, lastBackup.data!.on!)}</p>
      {(age === null || age > BACKUP_OVERDUE_DAYS) && <p class="error" role="status">{t('backUpNowWarning')}</p>}
      <div class="buttons">
        <button class="primary" onClick={() => void backup()}>{t('saveBackup')}</button>
        <label class="check"><input type="checkbox" checked={withTokens} onChange={(e) => setWithTokens(e.currentTarget.checked)} /> {t('includeTokens')}</label>
        <label class="file-button">{t('restoreFromBackup')}<input type="file" accept="application/json,.json" onChange={(e) => void choose(e.currentTarget.files?.[0])} /></label>
      </div>
      {plan?.ok && (
        <div class="inline-form" role="region" aria-label={t('restorePreview')}>
          <table class="preview">
            <thead><tr><th>{t('records')}</th><th>{t('inTheFile')}</th><th>{t('newRecords')}</th><th>{t('sameRecords')}</th><th>{t('differentRecords')}</th></tr></thead>
            <tbody>{plan.changes.filter((c) => c.incoming).map((c) => <tr key={c.table}><td>{c.table}</td><td>{c.incoming}</td><td>{c.added}</td><td>{c.unchanged}</td><td>{c.conflicts}</td></tr>)}</tbody>
          </table>
          {plan.notes.map((note) => <p class="muted" key={note}>{note}</p>)}
          {plan.conflicts > 0 && <p class="error">{tCount('recordsDiffer', plan.conflicts)}</p>}
          <div class="buttons">
            <button class="primary" disabled={plan.conflicts > 0} onClick={() => void restore('merge')}>{t('addNewRecords')}</button>
            <button onClick={() => setConfirmingReplace(true)}>{t('replaceEverything')}</button>
            <button onClick={() => setPlan(null)}>{t('cancel')}</button>
          </div>
          {confirmingReplace && (
            <ConfirmDialog title={t('replaceQuestion')} confirmLabel={t('replaceConfirm')} danger onCancel={() => setConfirmingReplace(false)} onConfirm={() => void restore('replace')}>
              <p>{t('replaceExplain')}</p>
            </ConfirmDialog>
          )}
        </div>
      )}
      <h3>{t('forAccountant')}</h3>
      <div class="buttons">
        <button onClick={() => void exportCsv('invoices')}>{t('invoicesCsv')}</button>
        <button onClick={() => void exportCsv('payments')}>{t('paymentsCsv')}</button>
        <label class="check"><input type="checkbox" checked={spreadsheet} onChange={(e) => setSpreadsheet(e.currentTarget.checked)} /> {t('forSpreadsheets')}</label>
        <label class="check"><input type="checkbox" checked={decimalComma} onChange={(e) => setDecimalComma(e.currentTarget.checked)} /> {t('decimalCommas')}</label>
      </div>
      <h3>{t('storage')}</h3>
      <p class="muted" role="status">
        {persisted ? t('storageKept') : t('storageMayClear')}
      </p>
      {!persisted && <button onClick={() => void navigator.storage.persist().then(setPersisted)}>{t('askToKeep')}</button>}
      {status && <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>{status.text}</p>}
    </section>
  );
}

/** A reminder on the working pages when the last backup is older than 30 days. */
export function BackupReminder({ db }: { db: MilestoneDatabase }) {
  const lastBackup = useQuery(queries.setting(db, 'lastBackup'));
  const projects = useQuery(queries.projects(db));
  if (!lastBackup.data || !projects.data?.length) return null;
  const on = lastBackup.data.on;
  if (on && daysBetween(on, localDate(new Date())) <= BACKUP_OVERDUE_DAYS) return null;
  return (
    <p class="card warn" role="status">
      {on ? t('lastBackupFrom', formatDay(on, navigator.language)) : t('noBackupYet')} <button onClick={() => void openOptions()}>{t('backUpNow')}</button>
    </p>
  );
}
