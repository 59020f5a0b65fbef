import { browser, type Browser } from 'wxt/browser';

/** The only module that talks to the extension runtime; the rest of lib/ stays testable in Node. */
export interface MessageSender {
  /** The id of the extension that sent it; ours unless another extension is knocking. */
  id?: string;
  /** The page that sent it: a board page for content scripts, our own page for the popup. */
  url?: string;
  /** Set for content scripts and for extension pages open in a tab. */
  tabId?: number;
  /** 0 for a tab's top frame; iframes have other ids. */
  frameId?: number;
  /** The sending document's origin (Chromium), which in-page navigation cannot change. */
  origin?: string;
  /** The tab's current address, which follows history.pushState (sender.url does not). */
  tabUrl?: string;
}

export const extensionId = (): string => browser.runtime.id;
/** False in a content script left behind by a reloaded, updated or removed extension. */
export const extensionAlive = (): boolean => browser.runtime?.id != null;
// WXT types getURL with the bundle's known paths; any of our page paths is fine here.
export const extensionUrl = (path = ''): string => (browser.runtime.getURL as (path: string) => string)(path);

export function sendRuntimeMessage<T>(message: unknown): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

/**
 * Answers runtime messages with an async handler. Chromium drops a promise returned from the
 * listener, so the reply goes through sendResponse and the listener returns true.
 */
export function onRuntimeMessage(handle: (message: unknown, sender: MessageSender) => Promise<unknown>): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender, sendResponse) => {
    handle(message, senderOf(sender)).then(sendResponse);
    return true;
  });
}

function senderOf({ id, url, frameId, origin, tab }: Browser.runtime.MessageSender): MessageSender {
  return { id, url, frameId, origin, tabId: tab?.id, tabUrl: tab?.url };
}

/** From a content script: asks the background (listening with injectOnRequest) to inject a script into this tab. */
export function askForInjection(portName: string): void {
  browser.runtime.connect({ name: portName });
}

/** Injects `file` into the asking tab's top frame, when `allowed` accepts who asked on the port `portName`. */
export function injectOnRequest(portName: string, file: string, allowed: (sender: MessageSender) => boolean): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== portName) return;
    const sender = senderOf(port.sender ?? {});
    port.disconnect();
    if (sender.tabId === undefined || !allowed(sender)) return;
    browser.scripting
      // WXT types `files` with the bundle's known paths; the caller names a built content script.
      .executeScript({ target: { tabId: sender.tabId, frameIds: [0] }, files: [file as never] })
      .catch((error: unknown) => console.error(`[milestone-invoicer] could not start ${file}`, error));
  });
}

export function onKeyboardCommand(name: string, run: (tab?: Browser.tabs.Tab) => void): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === name) run(tab);
  });
}

/** Opens the workspace beside the page: Chrome's side panel, Firefox's sidebar; `hash` points it at one item. */
export async function openWorkspace(windowId?: number, hash = ''): Promise<void> {
  const path = `sidepanel.html${hash ? `#${hash}` : ''}`;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void>; setPanel(details: { panel: string }): Promise<void> } }).sidebarAction;
  // Not awaited: open() must still run within the click's user gesture.
  if (browser.sidePanel && windowId !== undefined) {
    void browser.sidePanel.setOptions({ path });
    await browser.sidePanel.open({ windowId });
  } else if (sidebar) {
    void sidebar.setPanel({ panel: path });
    await sidebar.open();
  }
}

export async function currentWindowId(): Promise<number | undefined> {
  return (await browser.windows.getCurrent()).id;
}

/** Sends a query to the content script of a tab; null when no content script answers there. */
export async function queryTab<T>(tabId: number, message: unknown): Promise<T | null> {
  return (browser.tabs.sendMessage(tabId, message) as Promise<T>).catch(() => null);
}

/** Sends a query to every open tab; tabs without our content script are skipped. */
export async function queryEveryTab(message: unknown): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? null : queryTab(tab.id, message))));
}

/** Answers one kind of query from our pages in a content script, synchronously. */
export function answerQueries(type: string, answer: () => unknown, signal: AbortSignal): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    if ((message as { type?: unknown })?.type !== type) return undefined;
    sendResponse(answer());
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));
}

export async function activeTabId(): Promise<number | undefined> {
  return (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
}

/** Calls back when the user switches tabs or the active tab finishes loading. Returns the unsubscribe. */
export function onActiveTabChange(callback: () => void): () => void {
  const activated = () => callback();
  const updated = (_id: number, change: { status?: string }) => change.status === 'complete' && callback();
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
  };
}

/** The number on the toolbar icon; empty hides it. */
export async function setToolbarBadge(text: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  await browser.action.setBadgeBackgroundColor({ color: '#c9372c' });
}

/** Runs `task` on a repeating alarm (which Chrome fires once on wake if the machine slept) and at browser start. */
export async function everyDayAndAtStartup(name: string, task: () => void): Promise<void> {
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === name && task());
  browser.runtime.onStartup.addListener(task);
  if (!(await browser.alarms.get(name))) await browser.alarms.create(name, { periodInMinutes: 24 * 60, delayInMinutes: 1 });
}

export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/** Runs `task` when the extension is first installed: not on updates, reloads or browser starts. */
export function onFirstInstall(task: () => void): void {
  browser.runtime.onInstalled.addListener(({ reason }) => reason === 'install' && task());
}

/** Opens one of our pages ("welcome.html") in a new tab. */
export async function openExtensionTab(path: string): Promise<void> {
  await browser.tabs.create({ url: extensionUrl(path) });
}

/** Our version, as the manifest states it. */
export const extensionVersion = (): string => browser.runtime.getManifest().version;

/** Puts text on the clipboard; false when the browser refuses (no focus, no user gesture, a policy). */
export async function copyText(text: string): Promise<boolean> {
  return navigator.clipboard.writeText(text).then(
    () => true,
    () => false,
  );
}
