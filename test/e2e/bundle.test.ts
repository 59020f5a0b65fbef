import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '../harness/browser';

const contentScripts = ['trello', 'github', 'notion'].map((host) => `${extensionDir}/content-scripts/${host}.js`);

// Every board page pays for these bytes. 48 KB holds the closed, trusted in-board UI, binding an
// existing project, amounts typed in the user's locale and the layout report (about 42 KB in
// 2026-11); a jump past it means a library slipped in, which the next test names.
const CONTENT_SCRIPT_BUDGET = 48 * 1024;

describe('the production bundle', () => {
  it.each(contentScripts)('keeps %s under 48 KB minified', (path) => {
    expect(statSync(path).size).toBeLessThan(CONTENT_SCRIPT_BUDGET);
  });

  it.each(contentScripts)('keeps the database, PDF and validation libraries out of %s', (path) => {
    const code = readFileSync(path, 'utf8');
    for (const marker of ['Dexie', 'indexedDB', 'jsPDF', 'ZodError']) expect(code, marker).not.toContain(marker);
  });

  it('loads the Factur-X PDF library (pdf-lib) in the service worker only, never in a page or a content script', () => {
    const chunks = readdirSync(`${extensionDir}/chunks`).map((name) => `${extensionDir}/chunks/${name}`);
    // pdf-lib's own names for the PDF/A-3 attachment relationship and the XMP it writes.
    const carries = (path: string) => /AFRelationship|pdfaid:conformance/.test(readFileSync(path, 'utf8'));
    expect(carries(`${extensionDir}/background.js`)).toBe(true);
    expect([...chunks, ...contentScripts].filter(carries)).toEqual([]);
  });
});
