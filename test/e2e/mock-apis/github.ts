import type { Route } from 'playwright-core';
import { reply, type MockApi } from './serve';

/** Items per page: small, so the client's paging is exercised. */
const PAGE = 2;

/**
 * GitHub's GraphQL API as documented, for the items of one organisation project:
 * `organization.projectV2.items` with `fieldValueByName(name: "Status")`, paged by cursor.
 */
export class MockGitHub implements MockApi {
  readonly origin = 'https://api.github.com';
  /** Each item's Status, by the item's number on the board (its databaseId), in project order. */
  readonly statuses = new Map<number, string>();
  readonly validTokens = new Set<string>();

  async answer(route: Route): Promise<void> {
    const request = route.request();
    const token = /^Bearer (.+)$/.exec((await request.allHeaders()).authorization ?? '')?.[1];
    if (!token || !this.validTokens.has(token)) return reply(route, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/graphql' });
    const { query, variables } = request.postDataJSON() as { query: string; variables: { after?: string | null } };
    const rateLimit = { cost: 1, remaining: 4_990, resetAt: new Date(Date.now() + 3_600_000).toISOString() };
    const items = [...this.statuses];
    const start = variables.after ? Number(atob(variables.after)) : 0;
    const page = items.slice(start, start + PAGE);
    const next = start + PAGE < items.length ? btoa(String(start + PAGE)) : null;
    return reply(route, 200, {
      data: {
        owner: { projectV2: { items: {
          nodes: page.map(([databaseId, name]) => ({ databaseId, isArchived: false, status: { name, optionId: `opt-${name.length}` } })),
          pageInfo: { hasNextPage: next !== null, endCursor: next },
        } } },
        rateLimit,
      },
    });
  }
}
