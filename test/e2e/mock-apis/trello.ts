import type { Route } from 'playwright-core';
import { reply, type MockApi } from './serve';

/**
 * Trello's REST API as documented, for the cards of one test: GET /1/boards/{shortLink} and
 * GET /1/cards/{shortLink}?list=true, key and token read from the OAuth Authorization header.
 */
export class MockTrello implements MockApi {
  readonly origin = 'https://api.trello.com';
  /** Each card's list, by short link; the test moves cards here as a teammate would on trello.com. */
  readonly lists = new Map<string, string>();
  readonly validTokens = new Set<string>();

  move(shortLink: string, list: string): void {
    this.lists.set(shortLink, list);
  }

  async answer(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const token = /oauth_token="([^"]*)"/.exec((await request.allHeaders()).authorization ?? '')?.[1];
    if (!token || !this.validTokens.has(token)) return reply(route, 401, 'invalid token');
    if (/^\/1\/boards\/[A-Za-z0-9]{8}$/.test(url.pathname)) return reply(route, 200, { id: '5f0000000000000000000001', name: 'Acme website redesign' });
    const card = /^\/1\/cards\/([A-Za-z0-9]+)$/.exec(url.pathname)?.[1];
    const list = card && this.lists.get(card);
    if (!list) return reply(route, 404, 'The requested resource was not found.');
    return reply(route, 200, {
      id: '5f1a2b3c4d5e6f7a8b9c0d1e',
      closed: false,
      dueComplete: false,
      list: { id: '5f1a2b3c4d5e6f7a8b9c0d99', name: list, closed: false, pos: 16384 },
    });
  }
}
