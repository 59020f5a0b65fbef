import type { ApiOutcome } from './outcome';
import type { RateLimiter } from './rate-limit';
import { t } from '../ui/i18n';

/** The one way our code reaches a board's API: the background's fetch, or a fake in unit tests. */
export type ApiFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Response>;

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface HttpDeps {
  transport: ApiFetch;
  clock: Clock;
}

export interface ApiRequest {
  /** "Trello", "GitHub", "Notion": named in every message. */
  api: string;
  url: string;
  method?: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** The limiter and the key (the token's) this request counts against. */
  limiter: RateLimiter;
  key: string;
}

/** Tries a 5xx or a dropped connection this often in all, waiting longer each time. */
const ATTEMPTS = 3;
const BACKOFF_MS = [500, 2_000];
/** A server's pause this short is waited out within the check; a longer one ends the check. */
const LONGEST_WAIT_MS = 10_000;
/** Trello's 429 names no time; its window is 10 s. */
const DEFAULT_PAUSE_MS = 10_000;

/**
 * Sends one API request within the token's rate limit and reads its JSON. A 429 waits out a short
 * Retry-After and tries again; 5xx and network failures back off and retry; 401 and anything
 * still failing become a typed outcome, never a throw.
 */
export async function requestJson(deps: HttpDeps, request: ApiRequest): Promise<ApiOutcome<unknown>> {
  let failure: ApiOutcome<unknown> = { state: 'unavailable', message: t('apiNoAnswer', request.api) };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const wait = request.limiter.reserve(request.key);
    if (wait > LONGEST_WAIT_MS) return rateLimited(request, deps.clock.now() + wait);
    if (wait > 0) await deps.clock.sleep(wait);
    const response = await send(deps, request);
    if (response === null) failure = { state: 'unavailable', message: t('apiUnreachable', request.api) };
    else if (response.status === 401) return { state: 'token-expired', message: t('apiTokenRefused', request.api) };
    else if (response.status === 429 || (response.status === 403 && response.headers.has('retry-after'))) {
      const until = deps.clock.now() + retryAfterMs(response.headers.get('retry-after'), deps.clock.now());
      request.limiter.pause(request.key, until);
      failure = rateLimited(request, until);
      continue;
    } else if (response.status >= 500) failure = { state: 'unavailable', message: t('apiTrouble', request.api, String(response.status)) };
    else if (!response.ok) return { state: 'unavailable', status: response.status, message: t('apiAnswered', request.api, String(response.status), await errorText(response)) };
    else return readJson(request, response);
    if (attempt < ATTEMPTS - 1) await deps.clock.sleep(BACKOFF_MS[attempt] ?? BACKOFF_MS[BACKOFF_MS.length - 1]!);
  }
  return failure;
}

const rateLimited = (request: ApiRequest, retryAt: number): ApiOutcome<never> => ({
  state: 'rate-limited',
  message: t('apiSlowDown', request.api),
  retryAt,
});

async function send(deps: HttpDeps, request: ApiRequest): Promise<Response | null> {
  try {
    return await deps.transport(request.url, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
  } catch {
    return null;
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110); absent, the host's own window. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header === null) return DEFAULT_PAUSE_MS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_PAUSE_MS : Math.max(0, date - now);
}

async function readJson(request: ApiRequest, response: Response): Promise<ApiOutcome<unknown>> {
  try {
    return { state: 'ok', value: await response.json() };
  } catch {
    return { state: 'unavailable', message: t('apiUnreadable', request.api) };
  }
}

async function errorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { message?: unknown; error?: unknown };
    return String(body.message ?? body.error ?? text).slice(0, 200);
  } catch {
    return text.slice(0, 200) || response.statusText;
  }
}
