import { z } from 'zod';
import { requestJson, type HttpDeps } from './http';
import type { ApiCard, ApiColumns, ApiOutcome, BoardApi } from './outcome';
import { RateLimiter } from './rate-limit';
import { t } from '../ui/i18n';

export const NOTION_API = 'https://api.notion.com';
/** The data-sources generation of the API. */
export const NOTION_VERSION = '2025-09-03';

const pageShape = z.object({
  archived: z.boolean().optional(),
  in_trash: z.boolean().optional(),
  properties: z.record(z.string(), z.object({ type: z.string(), status: z.object({ name: z.string() }).nullable().optional(), select: z.object({ name: z.string() }).nullable().optional() })),
});

/** Notion allows about three requests per second per integration. */
export const notionLimiter = (clock: HttpDeps['clock']) => new RateLimiter(3, 1_000, clock);

/** A board view groups by a status property (or a select named Status): the card's column is its value. */
function columnOf(page: z.infer<typeof pageShape>): ApiCard | null {
  const properties = Object.entries(page.properties);
  const status = properties.find(([, property]) => property.type === 'status')
    ?? properties.find(([name, property]) => property.type === 'select' && name.toLowerCase() === 'status');
  if (!status) return null;
  const value = status[1].status ?? status[1].select;
  return { column: value?.name ?? 'No Status' };
}

/** Notion's 32-hex page id in the dashed form the API prints (it accepts both). */
const dashed = (id: string) => id.replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Notion's API, from the background only: it sends no CORS headers. Our card id is the page id
 * of the database row, which is what GET /v1/pages takes.
 */
export function notionApi(deps: HttpDeps, limiter: RateLimiter, token: string): BoardApi {
  const get = (path: string) =>
    requestJson(deps, {
      api: 'Notion',
      url: `${NOTION_API}${path}`,
      headers: { Authorization: `Bearer ${token}`, 'Notion-Version': NOTION_VERSION, Accept: 'application/json' },
      limiter,
      key: token,
    });

  async function pageColumn(cardId: string): Promise<ApiOutcome<ApiCard | null>> {
    const answer = await get(`/v1/pages/${dashed(cardId)}`);
    if (answer.state !== 'ok') return answer.state === 'unavailable' && answer.status === 404 ? { state: 'ok', value: null } : answer;
    const page = pageShape.safeParse(answer.value);
    if (!page.success) return { state: 'unavailable', message: t('apiUnreadablePage', 'Notion') };
    return { state: 'ok', value: page.data.archived || page.data.in_trash ? null : columnOf(page.data) };
  }

  return {
    host: 'notion',
    async verify() {
      const answer = await get('/v1/users/me');
      return answer.state === 'ok' ? { state: 'ok', value: true } : answer;
    },
    async cardColumns(_boardId, cardIds) {
      const columns: ApiColumns = new Map();
      for (const cardId of cardIds) {
        const answer = await pageColumn(cardId);
        if (answer.state !== 'ok') return answer;
        if (answer.value) columns.set(cardId, answer.value);
      }
      return { state: 'ok', value: columns };
    },
  };
}
