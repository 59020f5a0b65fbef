// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupReminder } from '../../../components/DataSafety';
import { addDays, localDate } from '../../../lib/billing/dates';
import type { MilestoneDatabase } from '../../../lib/db/database';
import { putSetting } from '../../../lib/db/settings';
import { seedDemo } from '../../../lib/demo/seed';
import { queries } from '../../../lib/ui/queries';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);

/** Renders with the reminder's data already loaded, so what it shows is final at once. */
async function show(db: MilestoneDatabase) {
  const client = new QueryClient();
  await Promise.all([client.prefetchQuery(queries.setting(db, 'lastBackup')), client.prefetchQuery(queries.projects(db))]);
  render(
    <QueryClientProvider client={client}>
      <BackupReminder db={db} />
    </QueryClientProvider>,
  );
}

describe('the backup reminder', () => {
  it('stays away while there is nothing to lose', async () => {
    await show(freshDatabase());
    expect(screen.queryByRole('button', { name: 'Back up now' })).toBeNull();
  });

  it('asks for a first backup once there is a project, and names an old backup’s date in the locale', async () => {
    const db = freshDatabase();
    await seedDemo(db, new Date());
    await show(db);
    expect(screen.getByRole('status').textContent).toBe('You have no backup yet. Back up now');
    cleanup();
    const on = addDays(localDate(new Date()), -40);
    await putSetting(db, 'lastBackup', { on });
    await show(db);
    const expected = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${on}T00:00:00Z`));
    expect(screen.getByRole('status').textContent).toBe(`Your last backup is from ${expected}. Back up now`);
  });
});
