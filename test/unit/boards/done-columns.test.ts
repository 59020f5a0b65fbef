import { describe, expect, it } from 'vitest';
import { isDoneColumn, normaliseColumnName } from '../../../lib/boards/done-columns';

describe('Done columns', () => {
  it.each(['Done', 'DONE', '✅ Done', 'Done!', '  done  ', 'Complete', 'Completed 🎉', 'Shipped', 'Delivered', 'Finished.', '🚀 Shipped 🚀'])(
    '"%s" is Done by default',
    (name) => expect(isDoneColumn(name, null)).toBe(true),
  );

  it.each(['Doing', 'Done-ish', 'Not done', 'In review', 'Almost done', '', '✅', 'Backlog'])('"%s" is not Done by default', (name) => {
    expect(isDoneColumn(name, null)).toBe(false);
  });

  it('uses only the columns the user chose, when they chose', () => {
    expect(isDoneColumn('Live 🟢', ['Live'])).toBe(true);
    expect(isDoneColumn('Done', ['Live'])).toBe(false);
    expect(isDoneColumn('Anything', [])).toBe(false);
  });

  it('normalises names for comparison', () => {
    expect(normaliseColumnName('In Progress 🚧')).toBe('in progress');
    expect(normaliseColumnName('Ｄｏｎｅ')).toBe('done');
  });

  it('counts an emoji-only column as Done when the user chose it, however the emoji is written', () => {
    expect(isDoneColumn('✅', ['✅'])).toBe(true);
    expect(isDoneColumn('✅\ufe0f ', ['✅'])).toBe(true);
    expect(isDoneColumn('🚀', ['🚀', 'Shipped'])).toBe(true);
    expect(isDoneColumn('🚀', ['✅'])).toBe(false);
    expect(isDoneColumn('✅ Done', ['✅'])).toBe(false);
    expect(normaliseColumnName('🚀')).toBe('🚀');
  });
});
