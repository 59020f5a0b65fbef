import { useEffect, useState } from 'preact/hooks';
import { hostPages } from '../lib/boards/hosts';
import { BOARD_HEALTH_QUERY, type BoardHealth } from '../lib/messaging/tab-queries';
import { activeTabId, onActiveTabChange, queryTab } from '../lib/platform/runtime';

async function activeBoardHealth(): Promise<BoardHealth | null> {
  const tabId = await activeTabId();
  return tabId === undefined ? null : queryTab<BoardHealth>(tabId, { type: BOARD_HEALTH_QUERY });
}

/** What the workspace knows of the board in the active tab, and a plain warning when it cannot read it. */
export function BoardHealthNotice() {
  const [health, setHealth] = useState<BoardHealth | null>(null);
  useEffect(() => {
    const refresh = () => void activeBoardHealth().then(setHealth);
    refresh();
    return onActiveTabChange(refresh);
  }, []);
  if (!health) return null;
  const label = hostPages[health.host].label;
  if (!health.recognised) {
    return (
      <p class="card error" role="alert">
        This {label} board layout is not recognised: Milestone Invoicer cannot see its columns or cards, so nothing is
        linked or delivered here.
      </p>
    );
  }
  return (
    <p class="muted" role="status">
      {label} board “{health.boardName}”: {health.columns} columns, {health.cards} cards shown.
    </p>
  );
}
