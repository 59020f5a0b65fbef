import type { Catalog, CatalogEntry } from '../unit/i18n/catalogs';

const countedForm = /^(.+)_(one|other)$/;

/** A message's parameters in the order of the $1…$9 its placeholders stand for, as a labelled tuple. */
function parameters(entry: CatalogEntry): string[] {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, { content }]) => ({ name: name.toLowerCase(), index: Number(/^\$(\d)$/.exec(content)?.[1]) }))
    .sort((a, b) => a.index - b.index)
    .map(({ name }) => `${name}: string`);
}

/** lib/ui/messages.ts from the English catalog: typed keys and parameters for t() and tCount(). */
export function messageTypes(catalog: Catalog): string {
  const plain: string[] = [];
  const counted: string[] = [];
  for (const [key, entry] of Object.entries(catalog)) {
    const form = countedForm.exec(key);
    // A counted message's first parameter is the count, which tCount formats itself.
    if (form?.[2] === 'other') counted.push(`  ${form[1]}: [${parameters(entry).slice(1).join(', ')}];`);
    else if (!form) plain.push(`  ${key}: [${parameters(entry).join(', ')}];`);
  }
  return [
    '// Generated from public/_locales/en/messages.json by `npm run i18n:types`; a unit test fails when it is stale.',
    '',
    '/** Every message of the catalogs with its parameters, in placeholder order ($1, $2…). */',
    'export interface Messages {',
    ...plain,
    '}',
    '',
    '/** Messages with a `_one` and an `_other` form; the count is their $1, the rest follow. */',
    'export interface CountedMessages {',
    ...counted,
    '}',
    '',
  ].join('\n');
}
