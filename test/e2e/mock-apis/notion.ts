import type { Route } from 'playwright-core';
import { reply, type MockApi } from './serve';

/**
 * Notion's API as documented for version 2025-09-03: GET /v1/users/me and GET /v1/pages/{id}
 * with a status property. Like the real API it sends no CORS headers: only the extension's
 * background, with host access, can read it.
 */
export class MockNotion implements MockApi {
  readonly origin = 'https://api.notion.com';
  /** Each page's Status, by its dashed page id. */
  readonly statuses = new Map<string, string>();
  readonly validTokens = new Set<string>();

  async answer(route: Route): Promise<void> {
    const request = route.request();
    const headers = await request.allHeaders();
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    if (!token || !this.validTokens.has(token)) return reply(route, 401, { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' });
    if (headers['notion-version'] !== '2025-09-03') return reply(route, 400, { object: 'error', status: 400, code: 'missing_version', message: 'Notion-Version header failed validation' });
    const path = new URL(request.url()).pathname;
    if (path === '/v1/users/me') return reply(route, 200, { object: 'user', id: '9188c6a5-7381-452f-b3dc-d4865aa89bdf', type: 'bot', bot: {} });
    const pageId = /^\/v1\/pages\/([0-9a-f-]{36})$/.exec(path)?.[1];
    const status = pageId && this.statuses.get(pageId);
    if (!status) return reply(route, 404, { object: 'error', status: 404, code: 'object_not_found', message: 'Could not find page.' });
    return reply(route, 200, {
      object: 'page', id: pageId, archived: false, in_trash: false,
      parent: { type: 'data_source_id', data_source_id: 'a1d8501e-1ac1-43e9-a6bd-ea9fe6c8822b' },
      properties: {
        Name: { id: 'title', type: 'title', title: [{ type: 'text', plain_text: 'Card' }] },
        Status: { id: 'Z%3ClH', type: 'status', status: { id: '86ddb6ec', name: status, color: 'default' } },
      },
    });
  }
}
