// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DataSafety } from '../../../components/DataSafety';
import { createQueryClient } from '../../../lib/ui/queries';
import { freshDatabase, snapshot } from '../db/helpers';

afterEach(cleanup);

const depth = 5_000;
const backupText = (settingValue: string) =>
  `{"format":"milestone-invoicer-backup","version":1,"exportedAt":"2026-11-24T12:00:00.000Z","data":{"clients":[],"projects":[],"milestones":[],` +
  `"boards":[],"cardLinks":[],"invoices":[],"invoiceFiles":[],"payments":[],"settings":[{"key":"x","value":${settingValue}}],"counters":[],"activity":[]}}`;

async function choose(text: string) {
  const db = freshDatabase();
  await db.open();
  const before = await snapshot(db);
  render(<QueryClientProvider client={createQueryClient()}><DataSafety db={db} /></QueryClientProvider>);
  const input = screen.getByLabelText('Restore from a backup…');
  fireEvent.change(input, { target: { files: [new File([text], 'backup.json', { type: 'application/json' })] } });
  return { db, before };
}

describe('choosing a backup to restore', () => {
  it(`answers a value nested ${depth} levels deep with a message naming the place, not "Checking the file…" forever`, async () => {
    const { db, before } = await choose(backupText(`${'['.repeat(depth)}1${']'.repeat(depth)}`));
    expect((await screen.findByRole('alert')).textContent).toBe('data.settings[0].value: nested more than 64 levels deep, which no backup is');
    expect(screen.queryByText('Checking the file…')).toBeNull();
    expect(await snapshot(db)).toEqual(before);
  });

  it('asks to update the extension for a file from a newer version', async () => {
    await choose(backupText('1').replace('"version":1', '"version":2'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This backup was made by a newer version of Milestone Invoicer (format 2); update the extension to restore it.',
    );
  });
});

describe('replacing everything with a backup', () => {
  it('asks in the app’s own dialog first; Cancel keeps this browser’s records, confirming restores the file', async () => {
    const { db } = await choose(backupText('"from the file"'));
    await db.settings.put({ key: 'y', value: 'only here' });
    fireEvent.click(await screen.findByRole('button', { name: 'Replace everything…' }));
    const ask = screen.getByRole('alertdialog', { name: 'Replace everything with the backup?' });
    expect(ask.textContent).toContain('Every record in this browser that is not in the file is deleted, invoices included.');
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(await db.settings.get('y')).toEqual({ key: 'y', value: 'only here' });

    fireEvent.click(screen.getByRole('button', { name: 'Replace everything…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replace everything' }));
    await screen.findByText('Backup restored.');
    expect(await db.settings.toArray()).toEqual([{ key: 'x', value: 'from the file' }]);
  });
});
