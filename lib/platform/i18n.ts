import { browser } from 'wxt/browser';

// WXT types getMessage with its own keys only; ours are typed by lib/ui/messages.ts.
const i18n = () => browser.i18n as unknown as { getMessage(key: string, substitutions: string[]): string };

/** The message `key` from the catalog of the browser's language (English where it has none), $1… filled in; '' for an unknown key. */
export const catalogMessage = (key: string, substitutions: string[]): string => i18n().getMessage(key, substitutions);
