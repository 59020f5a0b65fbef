import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { findChrome, installHint } from './chrome';
import { fixtureFor, readFixture } from './fixtures';

export const extensionDir = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Console errors and uncaught exceptions from every page and the service worker. */
  errors: string[];
  /** Requests that tried to leave the machine and were refused, as "<who asked> <url>". */
  blocked: string[];
  /** Where downloads land, under the names Chrome gives them (as for a user). */
  downloadsDir: string;
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Keep the profile (and its IndexedDB) in this folder instead of a throwaway one. */
  profileDir?: string;
  /** The browser's interface language ("de", "fr"), which the extension's texts follow; the system's when unset. */
  language?: string;
}

/**
 * Chromium with the built extension loaded. Board fixtures are answered at their real URLs;
 * any other request to the network is refused and recorded, and DNS resolves nothing.
 */
export async function launchExtension({ headless = true, profileDir, language }: LaunchOptions = {}): Promise<ExtensionBrowser> {
  // Lets route() and the 'request' event see the service worker's own requests too.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const executablePath = findChrome();
  if (!executablePath) throw new Error(installHint);
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'milestone-invoicer-'));
  const downloadsDir = join(userDataDir, 'Downloads');
  writeDownloadPreferences(userDataDir, downloadsDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 800 },
    ...(language ? languageOptions(language) : {}),
    args: [
      ...(language ? [`--lang=${language}`] : []),
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Nothing may reach the real network: Chromium's own background traffic is switched off and
      // every hostname resolves to nothing; board pages are answered by route() below.
      '--host-resolver-rules=MAP * ~NOTFOUND',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });

  const errors: string[] = [];
  const blocked: string[] = [];
  const watch = (source: string) => (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') errors.push(`${source}: ${message.text()}`);
  };
  context.on('console', watch('page'));
  context.on('weberror', (error) => errors.push(`page: ${error.error().message}`));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    const fixture = fixtureFor(url);
    if (fixture) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFixture(fixture) });
    blocked.push(`${requester(route.request())} ${url}`);
    return route.abort('blockedbyclient');
  });

  // Playwright would keep downloads under random names; let Chrome name them as it does for users,
  // in the profile's own download folder (set in its Preferences before launch).
  const page = context.pages()[0] ?? (await context.newPage());
  await (await context.newCDPSession(page)).send('Browser.setDownloadBehavior', { behavior: 'default' });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  worker.on('console', watch('service worker'));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    errors,
    blocked,
    downloadsDir,
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!profileDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * --lang picks the extension's catalog (headless Chromium ignores LANGUAGE, and its getUILanguage()
 * stays en-US); the page locale makes navigator.language, which formats amounts, agree with it.
 */
const languageOptions = (language: string) => ({ locale: language });

/** Points a new profile's downloads at its own folder, without asking where to save. */
function writeDownloadPreferences(userDataDir: string, downloadsDir: string): void {
  const preferences = join(userDataDir, 'Default', 'Preferences');
  if (existsSync(preferences)) return;
  mkdirSync(join(userDataDir, 'Default'), { recursive: true });
  writeFileSync(preferences, JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }));
}

/** Who made a request: the service worker, or the page (by origin) whose frame asked. */
function requester(request: Request): string {
  if (request.serviceWorker()) return 'service-worker';
  try {
    return new URL(request.frame().url()).origin;
  } catch {
    return 'unknown';
  }
}
