import type { ApiFetch, Clock } from '../../../lib/connections/http';

/** One recorded answer: a status, a JSON body, headers; or `drop` for a connection that breaks. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'drop';

/** A fake API: answers in order per path prefix, and records every request. */
export function fakeApi(routes: Record<string, Answer[]>) {
  const requests: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
  const transport: ApiFetch = async (url, init) => {
    requests.push({ url, ...init });
    const route = Object.keys(routes).find((prefix) => url.startsWith(prefix));
    const answer = route ? routes[route]!.shift() : undefined;
    if (!answer) throw new Error(`No answer left for ${url}`);
    if (answer === 'drop') throw new TypeError('Failed to fetch');
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status, headers: answer.headers });
  };
  return { transport, requests };
}

/** A clock that only moves when the code under test sleeps. */
export function fakeClock(start = Date.parse('2026-11-25T10:00:00Z')): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  };
}
