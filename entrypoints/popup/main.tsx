import { render } from 'preact';
import { ExposureSummary } from '../../components/ExposureSummary';
import { Page } from '../../components/Page';
import { openDatabase } from '../../lib/db/database';
import { currentWindowId, openWorkspace } from '../../lib/platform/runtime';

const db = openDatabase();
// Asked up front: the side panel may only open in the click's own task, not after an await.
const windowId = currentWindowId();
let knownWindow: number | undefined;
void windowId.then((id) => (knownWindow = id));

render(
  <Page title="Unpaid exposure">
    <div style={{ width: '340px' }}>
      <ExposureSummary db={db} locale={navigator.language} onOpenWorkspace={() => void openWorkspace(knownWindow).then(() => window.close())} />
    </div>
  </Page>,
  document.getElementById('app')!,
);
