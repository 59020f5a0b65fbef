import { z } from 'zod';
import { requestJson, type HttpDeps } from './http';
import type { ApiColumns, ApiOutcome, BoardApi } from './outcome';
import { RateLimiter } from './rate-limit';
import { t } from '../ui/i18n';

export const GITHUB_API = 'https://api.github.com';

/**
 * A project's items with their Status, 100 a page. Our card id is the item's number in the page
 * (`data-board-card-id`, the item's databaseId), not the GraphQL node id, so the items are read
 * page by page until every asked card is found.
 */
const ITEMS_QUERY = `query($login: String!, $number: Int!, $after: String) {
  owner: OWNER(login: $login) { projectV2(number: $number) {
    items(first: 100, after: $after) {
      nodes { databaseId isArchived status: fieldValueByName(name: "Status") { ... on ProjectV2ItemFieldSingleSelectValue { name optionId } } }
      pageInfo { hasNextPage endCursor }
    }
  } }
  rateLimit { cost remaining resetAt }
}`;

const itemsShape = z.object({
  data: z.object({
    owner: z.object({
      projectV2: z.object({
        items: z.object({
          nodes: z.array(z.object({
            databaseId: z.number().nullable(),
            isArchived: z.boolean().optional(),
            status: z.object({ name: z.string().optional() }).nullable(),
          }).nullable()),
          pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
        }),
      }).nullable(),
    }).nullable(),
    rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() }).optional(),
  }).nullable(),
  errors: z.array(z.object({ type: z.string().optional(), message: z.string() })).optional(),
});

/** GitHub's budget is points, read back from every answer; this only spaces requests out. */
export const githubLimiter = (clock: HttpDeps['clock']) => new RateLimiter(30, 60_000, clock);
/** Below this many points left, the next request waits for the budget to reset. */
const RESERVE_POINTS = 10;
/** A project of more than this many items is read no further in one check. */
const MAX_PAGES = 20;

/** "orgs/acme/7" or "users/jane/3", as the board page records it. */
export function projectOf(boardId: string): { owner: 'organization' | 'user'; login: string; number: number } | null {
  const match = /^(orgs|users)\/([^/]+)\/(\d+)$/.exec(boardId);
  return match ? { owner: match[1] === 'orgs' ? 'organization' : 'user', login: match[2]!, number: Number(match[3]) } : null;
}

export function githubApi(deps: HttpDeps, limiter: RateLimiter, token: string): BoardApi {
  const graphql = (query: string, variables: Record<string, unknown>) =>
    requestJson(deps, {
      api: 'GitHub',
      url: `${GITHUB_API}/graphql`,
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      limiter,
      key: token,
    });

  /** Holds further requests when the points budget runs low (GitHub's primary limit). */
  const spend = (rate: { remaining: number; resetAt: string } | undefined) => {
    if (rate && rate.remaining < RESERVE_POINTS) limiter.pause(token, Date.parse(rate.resetAt));
  };

  async function page(boardId: string, after: string | null): Promise<ApiOutcome<z.infer<typeof itemsShape>>> {
    const project = projectOf(boardId);
    if (!project) return { state: 'unavailable', message: t('notAGithubProject', boardId) };
    const answer = await graphql(ITEMS_QUERY.replace('OWNER', project.owner), { login: project.login, number: project.number, after });
    if (answer.state !== 'ok') return answer;
    const body = itemsShape.safeParse(answer.value);
    if (!body.success) return { state: 'unavailable', message: t('apiUnreadableItems', 'GitHub') };
    spend(body.data.data?.rateLimit);
    const error = body.data.errors?.[0];
    if (error?.type === 'RATE_LIMITED') return { state: 'rate-limited', message: t('apiSlowDown', 'GitHub'), retryAt: deps.clock.now() + 60_000 };
    if (error || !body.data.data?.owner?.projectV2) {
      return { state: 'unavailable', message: t('githubProjectMissing', boardId, error?.message ?? t('notFound')) };
    }
    return { state: 'ok', value: body.data };
  }

  return {
    host: 'github',
    // The usual mistake is a token of the wrong kind for the project's owner: reading the project shows it at once.
    async verify(boardId) {
      const answer = await page(boardId, null);
      return answer.state === 'ok' ? { state: 'ok', value: true } : answer;
    },
    async cardColumns(boardId, cardIds) {
      const wanted = new Set(cardIds);
      const columns: ApiColumns = new Map();
      let after: string | null = null;
      for (let pages = 0; pages < MAX_PAGES && columns.size < wanted.size; pages++) {
        const answer = await page(boardId, after);
        if (answer.state !== 'ok') return answer;
        const items = answer.value.data!.owner!.projectV2!.items;
        for (const item of items.nodes) {
          const id = item?.databaseId == null ? '' : String(item.databaseId);
          // An item with no Status sits in GitHub's "No Status" column.
          if (wanted.has(id) && !item!.isArchived) columns.set(id, { column: item!.status?.name ?? 'No Status' });
        }
        if (!items.pageInfo.hasNextPage) break;
        after = items.pageInfo.endCursor;
      }
      return { state: 'ok', value: columns };
    },
  };
}
