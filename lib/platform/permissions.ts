import { browser } from 'wxt/browser';

/**
 * Asks the user for access to one API's host (an optional host permission). Must run in a click
 * handler of an extension page: the browser shows its prompt only for a user gesture.
 */
export function requestHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
}

export function releaseHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [`${origin}/*`] }).catch(() => false);
}

export function hasHostAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false);
}
