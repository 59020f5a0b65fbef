import { useQuery } from '@tanstack/preact-query';
import { useEffect, useState } from 'preact/hooks';
import { hostPages } from '../lib/boards/hosts';
import { bindBoard, unbindBoard } from '../lib/db/boards';
import type { MilestoneDatabase } from '../lib/db/database';
import type { Project } from '../lib/db/entities';
import { BOARD_HEALTH_QUERY, BOARD_REFRESH_QUERY, LAYOUT_REPORT_QUERY, type BoardHealth } from '../lib/messaging/tab-queries';
import { activeTabId, copyText, onActiveTabChange, queryTab } from '../lib/platform/runtime';
import { t, tCount } from '../lib/ui/i18n';
import { queries } from '../lib/ui/queries';
import { ConfirmDialog } from './ConfirmDialog';
import { BoardConnection } from './BoardConnection';
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

/** "Copy layout report" for the board in a tab: asks its content script, then copies; shown to copy by hand if the clipboard refuses. */
function CopyLayoutReport({ tabId, prominent }: { tabId: number; prominent: boolean }) {
  const [outcome, setOutcome] = useState<{ message: string; report?: string } | null>(null);
  const copy = async () => {
    const report = await queryTab<string>(tabId, { type: LAYOUT_REPORT_QUERY });
    if (!report) return setOutcome({ message: t('boardNoAnswer') });
    if (await copyText(report)) return setOutcome({ message: t('layoutReportCopied') });
    setOutcome({ message: t('layoutReportRefused'), report });
  };
  return (
    <div>
      <button class={prominent ? 'primary' : ''} onClick={() => void copy()}>{t('copyLayoutReport')}</button>
      {outcome && <p class="muted" role="status">{outcome.message}</p>}
      {outcome?.report && <textarea readOnly rows={8} aria-label={t('layoutReport')} value={outcome.report} />}
    </div>
  );
}

/** What the workspace knows of the active board: unreadable, bound to a project, or waiting to be bound. */
export function BoardContext({ db, board, projects }: { db: MilestoneDatabase; board: ActiveBoard; projects: Project[] }) {
  const { health, tabId } = board;
  const label = hostPages[health.host].label;
  const binding = useQuery(queries.board(db, health.host, health.boardId));
  const [choice, setChoice] = useState('');
  if (health.state === 'loading') return <Loading what={t('loadingBoard', label)} />;
  if (health.state === 'unrecognised') {
    return (
      <div class="card error" role="alert">
        <p>{t('boardNotRecognised', label)}</p>
        <CopyLayoutReport key={tabId} tabId={tabId} prominent />
      </div>
    );
  }
  const bound = projects.find((project) => project.id === binding.data?.projectId);
  if (bound) {
    return (
      <div class="board-bound">
        <p class="muted" role="status">{t('boardBoundTo', label, health.boardName, String(health.columns), String(health.cards))} <strong>{bound.name}</strong>.</p>
        <div class="buttons">
          <UnbindBoard db={db} board={board} project={bound} />
          <CopyLayoutReport key={tabId} tabId={tabId} prominent={false} />
        </div>
        <BoardConnection key={`${health.host}:${health.boardId}`} db={db} host={health.host} boardId={health.boardId} />
      </div>
    );
  }
  const chosen = projects.some((project) => project.id === choice) ? choice : projects[0]?.id ?? '';
  const bind = async () => {
    await bindBoard(db, { host: health.host, boardId: health.boardId, name: health.boardName, projectId: chosen });
    await queryTab(tabId, { type: BOARD_REFRESH_QUERY });
  };
  return (
    <section class="card" aria-labelledby="this-board">
      <h2 id="this-board">{t('boardNamed', label, health.boardName)}</h2>
      <p class="muted">{t('boardUnbound')}</p>
      {projects.length > 0 && (
        <div class="bind-board">
          <label>{t('projectForBoard')}<select value={chosen} onChange={(e) => setChoice(e.currentTarget.value)}>
            {projects.map((project) => <option key={project.id} value={project.id}>{project.name}</option>)}
          </select></label>
          <button class="primary" onClick={() => void bind()}>{t('bindToBoard')}</button>
        </div>
      )}
      <CopyLayoutReport key={tabId} tabId={tabId} prominent={false} />
    </section>
  );
}

/** "Unbind…": the board forgets its project after the user confirms; its card links go, the project and invoices stay. */
function UnbindBoard({ db, board, project }: { db: MilestoneDatabase; board: ActiveBoard; project: Project }) {
  const [asking, setAsking] = useState(false);
  const links = useQuery({ ...queries.projectDetail(db, project.id), enabled: asking }).data?.links.filter((link) => link.boardId === board.health.boardId).length;
  const unbind = async () => {
    setAsking(false);
    await unbindBoard(db, board.health.host, board.health.boardId);
    await queryTab(board.tabId, { type: BOARD_REFRESH_QUERY });
  };
  return (
    <>
      <button onClick={() => setAsking(true)}>{t('unbindMore')}</button>
      {asking && (
        <ConfirmDialog title={t('unbindQuestion', board.health.boardName, project.name)} confirmLabel={t('unbindBoard')} onCancel={() => setAsking(false)} onConfirm={() => void unbind()}>
          <p>{links === undefined ? t('unbindExplain') : t('unbindExplainCards', tCount('cards', links))}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
