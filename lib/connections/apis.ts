import type { BoardHost } from '../db/entities';
import type { Connection } from './entity';
import { githubApi, githubLimiter } from './github';
import type { HttpDeps } from './http';
import { notionApi, notionLimiter } from './notion';
import { apiOrigins } from './guide';
import type { ApiFailure, BoardApi } from './outcome';
import type { RateLimiter } from './rate-limit';
import { trelloApi, trelloLimiter } from './trello';
import { t } from '../ui/i18n';

/** Whether the user still lets us reach an API's origin (they can take it back in the browser's settings). */
export type HostAccess = (origin: string) => Promise<boolean>;

/** One limiter per host for the worker's lifetime, so every caller shares each token's budget. */
export function apiFactory(deps: HttpDeps, hasHostAccess: HostAccess): (host: BoardHost, credentials: Connection['credentials']) => BoardApi {
  const limiters: Record<BoardHost, RateLimiter> = { trello: trelloLimiter(deps.clock), github: githubLimiter(deps.clock), notion: notionLimiter(deps.clock) };
  const make = (host: BoardHost, { token, key }: Connection['credentials']) => {
    if (host === 'trello') return trelloApi(deps, limiters.trello, { key: key ?? '', token });
    if (host === 'github') return githubApi(deps, limiters.github, token);
    return notionApi(deps, limiters.notion, token);
  };
  return (host, credentials) => withHostAccess(make(host, credentials), hasHostAccess);
}

/** Asks nothing once access to the API's host was taken back, and says how to restore it. */
function withHostAccess(api: BoardApi, hasHostAccess: HostAccess): BoardApi {
  const origin = apiOrigins[api.host];
  const refused: ApiFailure = { state: 'unavailable', message: t('hostAccessTakenBack', origin.slice('https://'.length)) };
  return {
    host: api.host,
    verify: async (boardId) => ((await hasHostAccess(origin)) ? api.verify(boardId) : refused),
    cardColumns: async (boardId, cardIds) => ((await hasHostAccess(origin)) ? api.cardColumns(boardId, cardIds) : refused),
  };
}
