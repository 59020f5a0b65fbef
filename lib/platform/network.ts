import type { ApiFetch } from '../connections/http';

/** The background's only network access: a board's API, never with cookies, never from cache. */
export const apiFetch: ApiFetch = (url, init) => fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });

export const systemClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};
