import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import type { ExtensionBrowser } from '../harness/browser';

/** On failure, print what the browser saw: console errors, refused requests, a screenshot. */
export function reportOnFailure(browser: ExtensionBrowser, page: Page, name: string): void {
  onTestFailed(async () => {
    mkdirSync('test-results', { recursive: true });
    const path = `test-results/${name.replace(/\W+/g, '-')}.png`;
    await page.screenshot({ path, fullPage: true }).catch(() => undefined);
    console.error(
      [`Screenshot: ${path}`, `Console errors:`, ...browser.errors.map((e) => `  ${e}`), 'Refused requests:', ...browser.blocked.map((u) => `  ${u}`)].join('\n'),
    );
  });
}

/** The text of the in-board marker, read through its shadow root. */
export function markerText(page: Page) {
  return page.locator('milestone-invoicer-marker [role="status"]');
}
