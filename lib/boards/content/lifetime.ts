import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionAlive } from '../../platform/runtime';

// WXT's start announcement, named after our extension id and entrypoint (a private static of WXT 0.20).
const STARTED_EVENT = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;

/**
 * WXT ends a content script when it hears a newer instance's start event on `document`, and any
 * page script can dispatch that event. Hold it back (before it reaches the document) while our
 * extension is alive; an instance left behind by a reloaded or updated extension still hears it
 * and ends, as it should.
 */
export function ignoreForgedRestarts(ctx: ContentScriptContext): void {
  const holdBack = (event: Event) => {
    if (extensionAlive()) event.stopImmediatePropagation();
  };
  window.addEventListener(STARTED_EVENT, holdBack, { capture: true, signal: ctx.signal });
}

// Content scripts of one extension share a world the page cannot see: the claim lives there.
const CLAIM = Symbol.for('milestone-invoicer.board-integration');

/** One board integration per tab: a second copy (injected on soft navigation) stands down. */
export function claimTab(ctx: ContentScriptContext): boolean {
  const world = globalThis as Record<symbol, unknown>;
  if (world[CLAIM]) return false;
  world[CLAIM] = ctx;
  ctx.onInvalidated(() => {
    if (world[CLAIM] === ctx) delete world[CLAIM];
  });
  return true;
}

/**
 * Calls back with the page's address after each in-page navigation has committed (WXT's own
 * `wxt:locationchange` fires before, from the Navigation API's `navigate`).
 */
export function onAddressChange(ctx: ContentScriptContext, callback: (url: URL) => void): void {
  const current = () => callback(new URL(location.href));
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('currententrychange', current, { signal: ctx.signal });
  // Without the Navigation API (Firefox) WXT polls the address, which has committed by then.
  else ctx.addEventListener(window, 'wxt:locationchange', current);
}
