/**
 * What the dormant GitHub script (entrypoints/github-wake.ts) costs a GitHub page that is not a
 * project: its size, and the page's main-thread script time with the extension against the same
 * page in a Chromium without it.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { extensionDir, launchExtension } from '../harness/browser';
import { findChrome, installHint } from '../harness/chrome';
import { fixtureFor, fixtures, readFixture } from '../harness/fixtures';
import { report } from './measure';

const LOADS = 9;

/** Median main-thread script time (ms) of loading the repository page, each load in a fresh tab. */
async function scriptMsPerLoad(context: BrowserContext): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(fixtures.githubRepository.url, { waitUntil: 'load' });
    // Content scripts run at document_idle, just after load: leave them time to finish.
    await page.waitForTimeout(500);
    const { metrics } = await cdp.send('Performance.getMetrics');
    times.push(metrics.find((metric) => metric.name === 'ScriptDuration')!.value * 1000);
    await page.close();
  }
  return times.sort((a, b) => a - b)[Math.floor(LOADS / 2)]!;
}

/** The same Chromium and fixture routing as the harness, without the extension. */
async function withoutExtension<T>(run: (context: BrowserContext) => Promise<T>): Promise<T> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(installHint);
  const userDataDir = mkdtempSync(join(tmpdir(), 'milestone-invoicer-bare-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--host-resolver-rules=MAP * ~NOTFOUND', '--disable-background-networking', '--no-first-run', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  await context.route('**/*', (route) => {
    const fixture = fixtureFor(route.request().url());
    return fixture ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFixture(fixture) }) : route.abort('blockedbyclient');
  });
  try {
    return await run(context);
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

export async function benchGithubNonProjectPage(): Promise<void> {
  report('github-non-project-page-script-bytes', statSync(`${extensionDir}/github-wake.js`).size, 'bytes');
  const bare = await withoutExtension(scriptMsPerLoad);
  const browser = await launchExtension();
  try {
    const withExtension = await scriptMsPerLoad(browser.context);
    report('github-non-project-page.main-thread-script.no-extension', bare, 'ms');
    report('github-non-project-page.main-thread-script.with-extension', withExtension, 'ms');
    report('github-non-project-page.main-thread-script.added', withExtension - bare, 'ms');
  } finally {
    await browser.close();
  }
}
