import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * Checks EN 16931 documents against the official CEN business rules (test/fixtures/en16931/): each syntax's Schematron-as-XSLT is compiled once to a SaxonJS SEF file, cached by
 * the rules' hash under node_modules/.cache/, then run on every document in memory.
 */
export type Syntax = 'ubl' | 'cii';

export interface FailedRule {
  id: string;
  text: string;
}

interface SaxonJs {
  transform(options: { stylesheetInternal: unknown; sourceText: string; destination: 'serialized' }, mode: 'sync'): { principalResult: string };
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(path.join(repoRoot, 'package.json'));
const cacheDir = path.join(repoRoot, 'node_modules/.cache/en16931');

/**
 * The rules: a copy of the release kept in test/fixtures/en16931/ (EUPL 1.2, as shipped), so a
 * clean clone tests on its own.
 */
export function rulesFolder(): string {
  return path.join(repoRoot, 'test/fixtures/en16931');
}

const compiled = new Map<Syntax, Promise<unknown>>();

/** The parsed SEF of one syntax's rules, compiled on first use (about 20 s a syntax) and cached on disk. */
function stylesheet(syntax: Syntax): Promise<unknown> {
  let sef = compiled.get(syntax);
  if (!sef) {
    sef = compile(syntax).then((file) => JSON.parse(readFileSync(file, 'utf8')));
    compiled.set(syntax, sef);
  }
  return sef;
}

async function compile(syntax: Syntax): Promise<string> {
  const xslt = path.join(rulesFolder(), syntax, `EN16931-${syntax.toUpperCase()}-validation.xslt`);
  const hash = createHash('sha256').update(readFileSync(xslt)).digest('hex').slice(0, 16);
  const sef = path.join(cacheDir, `${syntax}-${hash}.sef.json`);
  if (existsSync(sef)) return sef;
  mkdirSync(cacheDir, { recursive: true });
  // A private temporary name, renamed at the end: parallel test workers never read a half-written file.
  const partial = `${sef}.${process.pid}.tmp`;
  await promisify(execFile)(process.execPath, [require.resolve('xslt3/xslt3.js'), `-xsl:${xslt}`, `-export:${partial}`, '-nogo']);
  renameSync(partial, sef);
  return sef;
}

/**
 * Vitest's global setup: compiles both syntaxes' rules once, before the test workers start, so
 * parallel test files find them cached instead of each compiling them.
 */
export async function compileRules(): Promise<void> {
  await Promise.all([compile('ubl'), compile('cii')]);
}

/** Loads both syntaxes' rules, for a beforeAll. */
export async function loadRules(): Promise<void> {
  await Promise.all([stylesheet('ubl'), stylesheet('cii')]);
  // SaxonJS's first run of a stylesheet is several times slower than the next: pay it here, not in a test.
  for (const root of ['<Invoice/>', '<CrossIndustryInvoice/>']) await fatalRules(root);
}

export const syntaxOf = (xml: string): Syntax => (/<(\w+:)?CrossIndustryInvoice\b/.test(xml.slice(0, 2000)) ? 'cii' : 'ubl');

/** The fatal business rules the document breaks (BR-CO-15, BR-AE-02…); empty when it is valid. */
export async function fatalRules(xml: string): Promise<FailedRule[]> {
  const saxon = require('saxon-js') as SaxonJs;
  const report = saxon.transform({ stylesheetInternal: await stylesheet(syntaxOf(xml)), sourceText: xml, destination: 'serialized' }, 'sync').principalResult;
  return [...report.matchAll(/<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g)]
    .filter(([, attrs]) => (/\bflag="([^"]+)"/.exec(attrs!)?.[1] ?? 'fatal') === 'fatal')
    .map(([, attrs, body]) => ({
      id: /\bid="([^"]+)"/.exec(attrs!)?.[1] ?? '?',
      text: body!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
    }));
}

/** The ids of the fatal rules broken, for readable assertions (`expect(await brokenRules(xml)).toEqual([])`). */
export async function brokenRules(xml: string): Promise<string[]> {
  return (await fatalRules(xml)).map((rule) => `${rule.id}: ${rule.text}`);
}
