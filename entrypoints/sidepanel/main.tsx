import { render } from 'preact';
import { BackupReminder } from '../../components/DataSafety';
import { Page } from '../../components/Page';
import { Workspace } from '../../components/Workspace';
import { openDatabase } from '../../lib/db/database';

const db = openDatabase();

render(
  <Page title="Workspace">
    <BackupReminder db={db} />
    <Workspace db={db} locale={navigator.language} />
  </Page>,
  document.getElementById('app')!,
);
