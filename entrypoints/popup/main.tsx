import { render } from 'preact';
import { ExposureSummary } from '../../components/ExposureSummary';
import { BackupReminder } from '../../components/DataSafety';
import { Page } from '../../components/Page';
import { ProfileNotice } from '../../components/ProfileNotice';
import { openDatabase } from '../../lib/db/database';
import { currentWindowId, openWorkspace } from '../../lib/platform/runtime';

const db = openDatabase();
let windowId: number | undefined;
// Asked up front: the side panel only opens within the click's user gesture, not after an await.
void currentWindowId().then((id) => (windowId = id));
const openAndClose = () => void openWorkspace(windowId).then(() => window.close());

render(
  <Page title="Unpaid exposure">
    <div style={{ width: '340px' }}>
      <ProfileNotice db={db} locale={navigator.language} />
      <BackupReminder db={db} />
      <ExposureSummary db={db} locale={navigator.language} onOpenWorkspace={openAndClose} />
    </div>
  </Page>,
  document.getElementById('app')!,
);
