import type { BoardHost } from '../db/entities';
import type { Connection } from './entity';
import { githubApi, githubLimiter } from './github';
import type { HttpDeps } from './http';
import { notionApi, notionLimiter } from './notion';
import type { BoardApi } from './outcome';
import type { RateLimiter } from './rate-limit';
import { trelloApi, trelloLimiter } from './trello';

/** One limiter per host for the worker's lifetime, so every caller shares each token's budget. */
export function apiFactory(deps: HttpDeps): (host: BoardHost, credentials: Connection['credentials']) => BoardApi {
  const limiters: Record<BoardHost, RateLimiter> = { trello: trelloLimiter(deps.clock), github: githubLimiter(deps.clock), notion: notionLimiter(deps.clock) };
  return (host, { token, key }) => {
    if (host === 'trello') return trelloApi(deps, limiters.trello, { key: key ?? '', token });
    if (host === 'github') return githubApi(deps, limiters.github, token);
    return notionApi(deps, limiters.notion, token);
  };
}
