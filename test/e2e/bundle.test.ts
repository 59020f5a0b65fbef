import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionDir } from '../harness/browser';

const contentScripts = ['trello', 'github', 'notion'].map((host) => `${extensionDir}/content-scripts/${host}.js`);

describe('the production bundle', () => {
  it.each(contentScripts)('keeps %s under 40 KB minified', (path) => {
    expect(statSync(path).size).toBeLessThan(40 * 1024);
  });

  it.each(contentScripts)('keeps the database, PDF and validation libraries out of %s', (path) => {
    const code = readFileSync(path, 'utf8');
    for (const marker of ['Dexie', 'indexedDB', 'jsPDF', 'ZodError']) expect(code, marker).not.toContain(marker);
  });
});
