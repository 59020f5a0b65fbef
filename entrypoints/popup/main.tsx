import { render } from 'preact';
import { ExposureSummary } from '../../components/ExposureSummary';
import { BackupReminder } from '../../components/DataSafety';
import { Page } from '../../components/Page';
import { ProfileNotice } from '../../components/ProfileNotice';
import { openDatabase } from '../../lib/db/database';
import { currentWindowId, openWorkspace } from '../../lib/platform/runtime';
import { t } from '../../lib/ui/i18n';
import { announceTarget, targetHash, type WorkspaceTarget } from '../../lib/ui/workspace-target';

const db = openDatabase();
let windowId: number | undefined;
// Asked up front: the side panel only opens within the click's user gesture, not after an await.
void currentWindowId().then((id) => (windowId = id));
const openAndClose = (hash?: string) => void openWorkspace(windowId, hash).then(() => window.close());
const openItem = (target: WorkspaceTarget) => {
  announceTarget(target);
  openAndClose(targetHash(target));
};

render(
  <Page title={t('popupHeading')}>
    <div class="popup">
      <ProfileNotice db={db} locale={navigator.language} />
      <ExposureSummary db={db} locale={navigator.language} onOpenWorkspace={() => openAndClose()} onOpenItem={openItem} footer={<BackupReminder db={db} />} />
    </div>
  </Page>,
  document.getElementById('app')!,
);
