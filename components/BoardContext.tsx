import { useQuery } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { hostPages } from '../lib/boards/hosts';
import { bindBoard } from '../lib/db/boards';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Project } from '../lib/db/entities';
import { BOARD_HEALTH_QUERY, BOARD_REFRESH_QUERY, type BoardHealth } from '../lib/messaging/tab-queries';
import { activeTabId, onActiveTabChange, queryTab } from '../lib/platform/runtime';
import { queries } from '../lib/ui/queries';
import { Loading } from './Loading';

export interface ActiveBoard {
  tabId: number;
  health: BoardHealth;
}

/** The board in the active tab, if any, kept current as the user switches tabs. */
export function useActiveBoard(): ActiveBoard | null {
  const [active, setActive] = useState<ActiveBoard | null>(null);
  useEffect(() => {
    let retry: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      clearTimeout(retry);
      const tabId = await activeTabId();
      const health = tabId === undefined ? null : await queryTab<BoardHealth>(tabId, { type: BOARD_HEALTH_QUERY });
      setActive(tabId !== undefined && health ? { tabId, health } : null);
      // A board still rendering is asked again; the content script stops waiting after 10 s.
      if (health?.state === 'loading') retry = setTimeout(() => void refresh(), 1000);
    };
    void refresh();
    const unsubscribe = onActiveTabChange(() => void refresh());
    return () => {
      clearTimeout(retry);
      unsubscribe();
    };
  }, []);
  return active;
}

/** What the workspace knows of the active board: unreadable, bound to a project, or waiting to be bound. */
export function BoardContext({ db, board, projects }: { db: MilestoneDatabase; board: ActiveBoard; projects: Project[] }) {
  const { health, tabId } = board;
  const label = hostPages[health.host].label;
  const binding = useQuery(queries.board(db, health.host, health.boardId));
  const [choice, setChoice] = useState('');
  if (health.state === 'loading') return <Loading what={`the ${label} board`} />;
  if (health.state === 'unrecognised') {
    return (
      <p class="card error" role="alert">
        This {label} board layout is not recognised: Milestone Invoicer cannot see its columns or cards, so nothing is linked or delivered here.
      </p>
    );
  }
  const bound = projects.find((project) => project.id === binding.data?.projectId);
  if (bound) {
    return <p class="muted" role="status">{label} board “{health.boardName}” ({health.columns} columns, {health.cards} cards shown) is bound to <strong>{bound.name}</strong>.</p>;
  }
  const bind = async () => {
    await bindBoard(db, { host: health.host, boardId: health.boardId, name: health.boardName, projectId: choice || projects[0]!.id });
    await queryTab(tabId, { type: BOARD_REFRESH_QUERY });
  };
  return (
    <section class="card" aria-labelledby="this-board">
      <h2 id="this-board">{label} board “{health.boardName}”</h2>
      <p class="muted">No project is bound to this board yet. Bind an existing one, or create a project below.</p>
      {projects.length > 0 && (
        <div class="buttons">
          <select aria-label="Project for this board" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            {projects.map((project) => <option key={project.id} value={project.id}>{project.name}</option>)}
          </select>
          <button class="primary" onClick={() => void bind()}>Bind to this board</button>
        </div>
      )}
    </section>
  );
}
