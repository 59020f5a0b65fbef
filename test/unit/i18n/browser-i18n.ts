import { readCatalog, resolveMessage, type Catalog, type Language } from './catalogs';

let catalog: Catalog = readCatalog('en');

/** The browser's i18n API for unit tests, reading public/_locales as Chrome does (English for keys a language lacks). */
const i18n = {
  getMessage: (key: string, substitutions: string[] = []) => {
    const entry = catalog[key];
    return entry ? resolveMessage(entry, substitutions) : '';
  },
};

// wxt/browser keeps the `chrome` object it finds at import, so the object stays and only its catalog changes.
const global = globalThis as { chrome?: Record<string, unknown> };
global.chrome = { ...global.chrome, i18n };

/** Makes the tests that follow run as in a browser set to `next` (call it in beforeAll or at the top of a test file). */
export function useLanguage(next: Language): void {
  catalog = { ...readCatalog('en'), ...readCatalog(next) };
}
