import { render } from 'preact';
import { BackupReminder } from '../../components/DataSafety';
import { Page } from '../../components/Page';
import { Workspace } from '../../components/Workspace';
import { openDatabase } from '../../lib/db/database';
import { t } from '../../lib/ui/i18n';

const db = openDatabase();
document.title = t('workspaceDocumentTitle');

render(
  <Page title={t('workspaceHeading')}>
    <BackupReminder db={db} />
    <Workspace db={db} locale={navigator.language} />
  </Page>,
  document.getElementById('app')!,
);
