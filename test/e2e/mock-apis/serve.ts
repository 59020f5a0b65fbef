import type { Route } from 'playwright-core';
import type { ExtensionBrowser } from '../../harness/browser';

/** A board's API answered inside the test browser at its real address, as the board pages are. */
export interface MockApi {
  origin: string;
  answer(route: Route): Promise<void>;
}

/** A request one of the mock APIs received: who sent it (the service worker or a page's origin) and where. */
export interface ApiRequest {
  from: string;
  url: string;
}

export function reply(route: Route, status: number, body: unknown): Promise<void> {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
}

/**
 * Answers each API's origin with its mock (registered after the harness's catch-all, so it runs
 * first) and records every request with its sender, for the network assertions.
 */
export async function serveMockApis(browser: ExtensionBrowser, apis: MockApi[]): Promise<ApiRequest[]> {
  const received: ApiRequest[] = [];
  for (const api of apis) {
    await browser.context.route(`${api.origin}/**`, async (route) => {
      const request = route.request();
      received.push({ from: request.serviceWorker() ? 'service-worker' : new URL(request.frame().url()).origin, url: request.url() });
      await api.answer(route);
    });
  }
  return received;
}

/**
 * Grants the extension access to an API's host as the user would on chrome://extensions (the
 * page's own developerPrivate call): the permission prompt a click raises cannot be answered by
 * automation, and with access already granted `permissions.request` resolves without one.
 */
export async function allowHostOnExtensionsPage(browser: ExtensionBrowser, origin: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions/');
  const error = await page.evaluate(
    ([id, host]) =>
      new Promise<string | null>((resolve) => {
        const developer = (globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string, done: () => void): void }; runtime: { lastError?: { message?: string } } } }).chrome;
        developer.developerPrivate.addHostPermission(id!, host!, () => resolve(developer.runtime.lastError?.message ?? null));
      }),
    [browser.extensionId, `${origin}/*`],
  );
  await page.close();
  if (error) throw new Error(`Could not allow ${origin}: ${error}`);
}
