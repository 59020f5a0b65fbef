/** Column names that mean "done" when the user has not chosen the Done columns of a board. */
export const defaultDoneNames = ['done', 'complete', 'completed', 'shipped', 'delivered', 'finished'];

/**
 * "✅ Done!" -> "done": case, emoji, punctuation and spacing never decide whether a column is Done.
 * A name of emoji or symbols only ("✅", "🚀") keeps them (minus spacing and emoji variation
 * selectors), so it never becomes empty and can still be chosen as a Done column.
 */
export function normaliseColumnName(name: string): string {
  const folded = name.normalize('NFKC').toLocaleLowerCase('en');
  const words = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return words || folded.replace(/[\s\p{Cf}\uFE0E\uFE0F]+/gu, '');
}

/** Whether a card in this column has been delivered, given the board's chosen Done columns (null: defaults). */
export function isDoneColumn(column: string, chosen: readonly string[] | null): boolean {
  const name = normaliseColumnName(column);
  if (!name) return false;
  const doneNames = chosen ? chosen.map(normaliseColumnName) : defaultDoneNames;
  return doneNames.includes(name);
}
