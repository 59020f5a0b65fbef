import { describe, expect, it } from 'vitest';
import { githubApi, githubLimiter } from '../../../lib/connections/github';
import { notionApi, notionLimiter } from '../../../lib/connections/notion';
import { RateLimiter } from '../../../lib/connections/rate-limit';
import { trelloApi, trelloLimiter } from '../../../lib/connections/trello';
import { fakeApi, fakeClock, type Answer } from './fake-api';

const trello = (routes: Record<string, Answer[]>) => {
  const api = fakeApi(routes);
  const clock = fakeClock();
  return { ...api, clock, client: trelloApi({ transport: api.transport, clock }, trelloLimiter(clock), { key: 'k3y', token: 't0ken' }) };
};
// GET /1/cards/{id}?list=true, as Trello documents it (trimmed to the fields we ask for).
const trelloCard = (list: string, extra: object = {}) => ({ id: '5f1a2b3c4d5e6f7a8b9c0d1e', closed: false, dueComplete: false, list: { id: '5f1a2b3c4d5e6f7a8b9c0d99', name: list, closed: false, pos: 3 }, ...extra });

describe('Trello', () => {
  it('reads the list a card is in by its short link, with the key and token in the Authorization header', async () => {
    const { client, requests } = trello({ 'https://api.trello.com/1/cards/AbC123xy': [{ status: 200, body: trelloCard('✅ Done', { dueComplete: true }) }] });
    const answer = await client.cardColumns('BoArD123', ['AbC123xy']);
    expect(answer).toEqual({ state: 'ok', value: new Map([['AbC123xy', { column: '✅ Done', complete: true }]]) });
    expect(requests[0]!.url).toBe('https://api.trello.com/1/cards/AbC123xy?fields=closed,dueComplete&list=true');
    expect(requests[0]!.headers.Authorization).toBe('OAuth oauth_consumer_key="k3y", oauth_token="t0ken"');
    expect(requests[0]!.url).not.toContain('t0ken');
  });

  it('leaves out an archived or deleted card', async () => {
    const { client } = trello({
      'https://api.trello.com/1/cards/Archived': [{ status: 200, body: trelloCard('Done', { closed: true }) }],
      'https://api.trello.com/1/cards/GoneGone': [{ status: 404, body: 'The requested resource was not found.' }],
    });
    expect(await client.cardColumns('B', ['Archived', 'GoneGone'])).toEqual({ state: 'ok', value: new Map() });
  });

  it('says the token expired on 401, without retrying', async () => {
    const { client, requests } = trello({ 'https://api.trello.com/1/boards/BoArD123': [{ status: 401, body: 'invalid token' }] });
    expect(await client.verify('BoArD123')).toMatchObject({ state: 'token-expired', message: 'Trello refused the token: it has expired or was revoked' });
    expect(requests).toHaveLength(1);
  });

  it('waits out a 429 (Trello names no time: its 10 s window) and then answers', async () => {
    const { client, clock } = trello({
      'https://api.trello.com/1/cards/AbC123xy': [{ status: 429, body: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' } }, { status: 200, body: trelloCard('Doing') }],
    });
    expect(await client.cardColumns('B', ['AbC123xy'])).toEqual({ state: 'ok', value: new Map([['AbC123xy', { column: 'Doing', complete: false }]]) });
    expect(clock.slept).toContain(10_000);
  });

  it('retries 5xx and a dropped connection with growing pauses, then reports the API unavailable', async () => {
    const { client, clock, requests } = trello({ 'https://api.trello.com/1/cards/AbC123xy': [{ status: 503 }, 'drop', { status: 502 }] });
    expect(await client.cardColumns('B', ['AbC123xy'])).toEqual({ state: 'unavailable', message: 'Trello is having trouble (HTTP 502)' });
    expect(requests).toHaveLength(3);
    expect(clock.slept).toEqual([500, 2_000]);
  });

  it('recovers when the connection drops once', async () => {
    const { client } = trello({ 'https://api.trello.com/1/cards/AbC123xy': ['drop', { status: 200, body: trelloCard('Done') }] });
    expect(await client.cardColumns('B', ['AbC123xy'])).toMatchObject({ state: 'ok' });
  });

  it('says so when the card comes back in a shape we cannot read', async () => {
    const { client } = trello({ 'https://api.trello.com/1/cards/AbC123xy': [{ status: 200, body: { id: 'x' } }] });
    expect(await client.cardColumns('B', ['AbC123xy'])).toEqual({ state: 'unavailable', message: 'Trello sent a card we could not read' });
  });
});

describe('rate limiter', () => {
  it('keeps 100 requests in any 10 s per token, and tokens apart', () => {
    const clock = fakeClock();
    const limiter = trelloLimiter(clock);
    const waits = Array.from({ length: 101 }, () => limiter.reserve('a'));
    expect(waits.slice(0, 100).every((wait) => wait === 0)).toBe(true);
    expect(waits[100]).toBe(10_000);
    expect(limiter.reserve('b')).toBe(0);
  });

  it('holds a token after the server asked for a pause', () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(3, 1_000, clock);
    limiter.pause('a', clock.now() + 4_000);
    expect(limiter.reserve('a')).toBe(4_000);
    expect(limiter.reserve('b')).toBe(0);
  });

  it('spaces Notion requests to three a second', async () => {
    const clock = fakeClock();
    const page = { status: 200, body: { object: 'page', archived: false, properties: { Status: { id: 'x', type: 'status', status: { id: 's', name: 'Done', color: 'green' } } } } };
    const api = fakeApi({ 'https://api.notion.com/v1/pages/': [page, page, page, page] });
    const client = notionApi({ transport: api.transport, clock }, notionLimiter(clock), 'secret_x');
    const ids = ['a', 'b', 'c', 'd'].map((c) => c.repeat(32));
    expect(await client.cardColumns('db', ids)).toMatchObject({ state: 'ok' });
    expect(clock.slept).toEqual([1_000]);
  });
});

const githubPage = (items: { databaseId: number; status: string | null }[], next: string | null, remaining = 4_990) => ({
  status: 200,
  body: {
    data: {
      owner: { projectV2: { items: {
        nodes: items.map(({ databaseId, status }) => ({ databaseId, isArchived: false, status: status === null ? null : { name: status, optionId: 'f75ad846' } })),
        pageInfo: { hasNextPage: next !== null, endCursor: next },
      } } },
      rateLimit: { cost: 1, remaining, resetAt: '2026-11-25T11:00:00Z' },
    },
  },
});

describe('GitHub', () => {
  it('pages through the project items until it finds every asked item, by its number on the board', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.github.com/graphql': [githubPage([{ databaseId: 1, status: 'Todo' }], 'Y3Vyc29yOjEwMA=='), githubPage([{ databaseId: 4242, status: 'Done' }, { databaseId: 7, status: null }], null)] });
    const client = githubApi({ transport: api.transport, clock }, githubLimiter(clock), 'github_pat_x');
    const answer = await client.cardColumns('orgs/acme/7', ['4242', '7']);
    expect(answer).toEqual({ state: 'ok', value: new Map([['4242', { column: 'Done' }], ['7', { column: 'No Status' }]]) });
    const second = JSON.parse(api.requests[1]!.body!);
    expect(second.variables).toEqual({ login: 'acme', number: 7, after: 'Y3Vyc29yOjEwMA==' });
    expect(second.query).toContain('organization(login: $login)');
    expect(api.requests[0]!.headers.Authorization).toBe('Bearer github_pat_x');
  });

  it('tests a token by reading the project, so a token that cannot see it is refused at once', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.github.com/graphql': [{ status: 200, body: { data: { owner: null }, errors: [{ type: 'INSUFFICIENT_SCOPES', message: "Your token has not been granted the required scopes to execute this query. The 'projectV2' field requires one of the following scopes: ['read:project']" }] } }] });
    const answer = await githubApi({ transport: api.transport, clock }, githubLimiter(clock), 't').verify('users/jane/3');
    expect(answer).toMatchObject({ state: 'unavailable', message: expect.stringContaining("requires one of the following scopes: ['read:project']") });
  });

  it('asks for a user project as a user', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.github.com/graphql': [githubPage([], null)] });
    await githubApi({ transport: api.transport, clock }, githubLimiter(clock), 't').cardColumns('users/jane/3', ['1']);
    expect(JSON.parse(api.requests[0]!.body!).query).toContain('user(login: $login)');
  });

  it('waits for the budget to reset when few points are left', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.github.com/graphql': [githubPage([], 'c', 5), githubPage([{ databaseId: 1, status: 'Done' }], null)] });
    const answer = await githubApi({ transport: api.transport, clock }, githubLimiter(clock), 't').cardColumns('orgs/acme/7', ['1']);
    expect(answer).toMatchObject({ state: 'rate-limited', retryAt: Date.parse('2026-11-25T11:00:00Z') });
    expect(api.requests).toHaveLength(1);
  });

  it('honours a secondary limit (403 with retry-after)', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.github.com/graphql': [{ status: 403, headers: { 'retry-after': '3' }, body: { message: 'You have exceeded a secondary rate limit' } }, githubPage([{ databaseId: 1, status: 'Done' }], null)] });
    const answer = await githubApi({ transport: api.transport, clock }, githubLimiter(clock), 't').cardColumns('orgs/acme/7', ['1']);
    expect(answer).toEqual({ state: 'ok', value: new Map([['1', { column: 'Done' }]]) });
    expect(clock.slept).toContain(3_000);
  });

  it('names a project the token cannot see', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.github.com/graphql': [{ status: 200, body: { data: { owner: { projectV2: null } }, errors: [{ type: 'NOT_FOUND', message: "Could not resolve to a ProjectV2 with the number 7." }] } }] });
    const answer = await githubApi({ transport: api.transport, clock }, githubLimiter(clock), 't').cardColumns('orgs/acme/7', ['1']);
    expect(answer).toEqual({ state: 'unavailable', message: 'GitHub could not show project orgs/acme/7: Could not resolve to a ProjectV2 with the number 7. (does the token have Projects read access?)' });
  });
});

describe('Notion', () => {
  const pageId = '0123456789abcdef0123456789abcdef';
  it('reads the status property of the page, with the 2025-09-03 API version', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.notion.com/v1/pages/01234567-89ab-cdef-0123-456789abcdef': [{ status: 200, body: {
      object: 'page', id: '01234567-89ab-cdef-0123-456789abcdef', archived: false, in_trash: false,
      properties: { Name: { id: 'title', type: 'title', title: [] }, Stage: { id: 'Z%3ClH', type: 'status', status: { id: '86dd', name: 'Complete', color: 'green' } } },
    } }] });
    const answer = await notionApi({ transport: api.transport, clock }, notionLimiter(clock), 'ntn_x').cardColumns('db', [pageId]);
    expect(answer).toEqual({ state: 'ok', value: new Map([[pageId, { column: 'Complete' }]]) });
    expect(api.requests[0]!.headers).toMatchObject({ 'Notion-Version': '2025-09-03', Authorization: 'Bearer ntn_x' });
  });

  it('takes a long Retry-After as rate-limited without waiting it out', async () => {
    const clock = fakeClock();
    const api = fakeApi({ 'https://api.notion.com/v1/pages/': [{ status: 429, headers: { 'Retry-After': '60' }, body: { object: 'error', status: 429, code: 'rate_limited' } }] });
    const answer = await notionApi({ transport: api.transport, clock }, notionLimiter(clock), 'ntn_x').cardColumns('db', [pageId]);
    expect(answer).toMatchObject({ state: 'rate-limited', retryAt: clock.now() + 60_000 });
    expect(api.requests).toHaveLength(1);
  });
});
