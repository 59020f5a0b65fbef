import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file of the extension (not tests, fixtures or generated output). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const files = ['lib', 'components', 'entrypoints'].flatMap(sources);
const offenders = (pattern: RegExp, except: (path: string) => boolean = () => false) =>
  files.filter((path) => !except(path) && pattern.test(readFileSync(path, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '')));

describe('the shape of the source', () => {
  it('never builds HTML from strings: card titles and user text are always text', () => {
    expect(offenders(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/)).toEqual([]);
  });

  it('asks with the app’s own dialog, never the browser’s confirm(), alert() or prompt()', () => {
    expect(offenders(/(?<![\w.])(window\.)?(confirm|alert|prompt)\(/)).toEqual([]);
  });

  it('runs no code from strings', () => {
    expect(offenders(/\beval\(|new Function\(/)).toEqual([]);
  });

  it('calls the extension APIs and fetch only from the platform layer', () => {
    const platform = (path: string) => path.startsWith('lib/platform/');
    expect(offenders(/\bbrowser\.[a-z]+\.|\bchrome\.[a-z]+\./, platform)).toEqual([]);
    expect(offenders(/\bfetch\(/, platform)).toEqual([]);
  });

  it('keeps the database out of content-script code', () => {
    // Type-only imports are erased; a value import would pull Dexie into every board page.
    const valueImportOfDb = /^import (?!type)[^;]*from '(\.\.\/)+db\/(database|boards|projects|invoices|delivery)'/m;
    expect(offenders(valueImportOfDb, (path) => !path.startsWith('lib/boards/content/'))).toEqual([]);
  });
});
