import { z } from 'zod';
import { requestJson, type HttpDeps } from './http';
import type { ApiCard, ApiColumns, ApiOutcome, BoardApi } from './outcome';
import { RateLimiter } from './rate-limit';
import { t } from '../ui/i18n';

export const TRELLO_API = 'https://api.trello.com';

export interface TrelloCredentials {
  /** The API key of the user's Power-Up (trello.com/power-ups/admin). */
  key: string;
  token: string;
}

/** GET /1/cards/{id}?list=true: the card with the list it is in. */
const cardShape = z.object({
  closed: z.boolean().optional(),
  dueComplete: z.boolean().optional(),
  list: z.object({ name: z.string() }),
});

/** 100 requests per 10 s per token (Trello's documented limit). */
export const trelloLimiter = (clock: HttpDeps['clock']) => new RateLimiter(100, 10_000, clock);

/**
 * Trello's REST API. Our card id is the card's short link, which Trello accepts wherever a card
 * id is asked for, so no lookup is needed. The key and token go in the Authorization header, not
 * the address, so they never land in a log.
 */
export function trelloApi(deps: HttpDeps, limiter: RateLimiter, { key, token }: TrelloCredentials): BoardApi {
  const get = (path: string) =>
    requestJson(deps, {
      api: 'Trello',
      url: `${TRELLO_API}${path}`,
      headers: { Authorization: `OAuth oauth_consumer_key="${key}", oauth_token="${token}"`, Accept: 'application/json' },
      limiter,
      key: token,
    });

  async function cardColumn(cardId: string): Promise<ApiOutcome<ApiCard | null>> {
    const answer = await get(`/1/cards/${encodeURIComponent(cardId)}?fields=closed,dueComplete&list=true`);
    if (answer.state !== 'ok') return answer.state === 'unavailable' && answer.status === 404 ? { state: 'ok', value: null } : answer;
    const card = cardShape.safeParse(answer.value);
    if (!card.success) return { state: 'unavailable', message: t('apiUnreadableCard', 'Trello') };
    // An archived card is on no list the board shows.
    return { state: 'ok', value: card.data.closed ? null : { column: card.data.list.name, complete: card.data.dueComplete } };
  }

  return {
    host: 'trello',
    // The board itself, not /1/members/me (limited to 100 requests per 900 s): the token must see this board.
    async verify(boardId) {
      const answer = await get(`/1/boards/${encodeURIComponent(boardId)}?fields=name`);
      return answer.state === 'ok' ? { state: 'ok', value: true } : answer;
    },
    async cardColumns(_boardId, cardIds) {
      const columns: ApiColumns = new Map();
      for (const cardId of cardIds) {
        const answer = await cardColumn(cardId);
        if (answer.state !== 'ok') return answer;
        if (answer.value) columns.set(cardId, answer.value);
      }
      return { state: 'ok', value: columns };
    },
  };
}
