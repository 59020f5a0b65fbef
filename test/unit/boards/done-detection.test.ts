import { beforeEach, describe, expect, it } from 'vitest';
import { DoneDetector, SETTLE_MS, type BoardReader, type Clock, type Placement } from '../../../lib/boards/content/done-detection';

/** A clock the test moves by hand: timers run only when the test advances time past them. */
class FakeClock implements Clock {
  private time = 0;
  private timers: { at: number; run: () => void }[] = [];
  now = () => this.time;
  setTimeout(run: () => void, ms: number) {
    this.timers.push({ at: this.time + ms, run });
  }
  advance(ms: number) {
    const end = this.time + ms;
    for (let next = this.nextTimer(end); next; next = this.nextTimer(end)) {
      this.timers.splice(this.timers.indexOf(next), 1);
      this.time = next.at;
      next.run();
    }
    this.time = end;
  }
  private nextTimer(end: number) {
    return this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
  }
}

/** A board as the detector reads it: each card's instances, each in a named column element. */
class FakeBoard implements BoardReader {
  readonly columns = { todo: { name: 'To do' }, doing: { name: 'Doing' }, done: { name: 'Done' } };
  readonly cards = new Map<string, (keyof FakeBoard['columns'])[]>();
  /** Completion marks, as Trello shows them; a card never marked has none (as on other hosts). */
  readonly marks = new Map<string, boolean>();
  readonly passes: string[][] = [];
  placements(cardIds: readonly string[]) {
    this.passes.push([...cardIds]);
    const result = new Map<string, Placement | null>();
    for (const cardId of cardIds) {
      const instances = this.cards.get(cardId) ?? [];
      if (instances.length > 1) result.set(cardId, null);
      else if (instances.length === 1) result.set(cardId, this.placement(cardId)!);
    }
    return result;
  }
  placement(cardId: string): Placement | undefined {
    const [column] = this.cards.get(cardId) ?? [];
    return column && { column: this.columns[column].name, columnKey: this.columns[column], complete: this.marks.get(cardId) };
  }
}

describe('Done detection', () => {
  let clock: FakeClock;
  let board: FakeBoard;
  let reports: string[];
  let detector: DoneDetector;
  /** The card is rendered where the board says: as the page's observer would tell the detector. */
  const render = (cardId: string) => detector.seen(cardId, board.placement(cardId)!);
  const move = (cardId: string, column: keyof FakeBoard['columns']) => {
    board.cards.set(cardId, [column]);
    render(cardId);
  };
  const mark = (cardId: string, complete: boolean) => {
    board.marks.set(cardId, complete);
    render(cardId);
  };

  beforeEach(() => {
    clock = new FakeClock();
    board = new FakeBoard();
    reports = [];
    detector = new DoneDetector(clock, board, (cardId, { column, complete }) => reports.push(`${cardId} ${column}${complete ? ' (complete)' : ''}`));
  });

  it('reports a card that stays in its column for the settle time, once', () => {
    move('a', 'done');
    clock.advance(SETTLE_MS - 1);
    expect(reports).toEqual([]);
    clock.advance(1);
    expect(reports).toEqual(['a Done']);
    render('a');
    clock.advance(SETTLE_MS * 3);
    expect(reports).toEqual(['a Done']);
  });

  it('never reports a card removed before it settled', () => {
    move('a', 'done');
    board.cards.delete('a');
    clock.advance(SETTLE_MS * 5);
    expect(reports).toEqual([]);
  });

  it('waits out a drag: a preview beside the card is not a move, the drop is', () => {
    board.cards.set('a', ['todo', 'done']);
    render('a');
    clock.advance(SETTLE_MS);
    expect(reports).toEqual([]);
    board.cards.set('a', ['done']);
    clock.advance(SETTLE_MS * 3);
    expect(reports).toEqual(['a Done']);
  });

  it('reports only where a card came to rest when it passed through a column', () => {
    move('a', 'doing');
    clock.advance(SETTLE_MS / 2);
    board.cards.set('a', ['done']);
    clock.advance(SETTLE_MS / 2);
    expect(reports).toEqual([]);
    clock.advance(SETTLE_MS);
    expect(reports).toEqual(['a Done']);
  });

  it('never reports a column a card keeps flickering into and out of (optimistic edits rolled back)', () => {
    move('a', 'doing');
    clock.advance(SETTLE_MS);
    for (let i = 0; i < 10; i++) {
      move('a', 'done');
      clock.advance(SETTLE_MS / 2);
      move('a', 'doing');
      clock.advance(SETTLE_MS / 4);
      move('a', 'done');
      clock.advance(SETTLE_MS / 4);
    }
    expect(reports).toEqual(['a Doing']);
    clock.advance(SETTLE_MS);
    expect(reports).toEqual(['a Doing', 'a Done']);
  });

  it('does not count a column renamed under a card as a move', () => {
    move('a', 'doing');
    clock.advance(SETTLE_MS);
    board.columns.doing.name = 'Done';
    render('a');
    clock.advance(SETTLE_MS * 3);
    expect(reports).toEqual(['a Doing']);
  });

  it('does not count a rename during the wait as a move', () => {
    move('a', 'doing');
    board.columns.doing.name = 'Done';
    clock.advance(SETTLE_MS * 3);
    expect(reports).toEqual([]);
  });

  it('follows a column the host re-rendered: a new element with the same name is no move', () => {
    move('a', 'doing');
    clock.advance(SETTLE_MS);
    board.columns.doing = { name: 'Doing' };
    render('a');
    board.columns.doing.name = 'Done';
    render('a');
    clock.advance(SETTLE_MS * 3);
    expect(reports).toEqual(['a Doing']);
  });

  it('does not tell the background a column it already knows, but does tell it a new one', () => {
    board.cards.set('a', ['doing']);
    detector.known('a', 'Doing');
    render('a');
    clock.advance(SETTLE_MS * 3);
    expect(reports).toEqual([]);
    move('a', 'done');
    clock.advance(SETTLE_MS);
    expect(reports).toEqual(['a Done']);
  });

  it('reports every card afresh after a reset (the Done columns changed)', () => {
    move('a', 'done');
    clock.advance(SETTLE_MS);
    detector.reset();
    render('a');
    clock.advance(SETTLE_MS);
    expect(reports).toEqual(['a Done', 'a Done']);
  });

  it('reads every card waiting at the same time in one pass over the board', () => {
    for (const cardId of ['a', 'b', 'c', 'd']) move(cardId, 'done');
    clock.advance(SETTLE_MS);
    expect(board.passes).toEqual([['a', 'b', 'c', 'd']]);
    expect(reports).toHaveLength(4);
  });

  it('gives a card seen later its own full wait', () => {
    move('a', 'done');
    clock.advance(SETTLE_MS / 2);
    move('b', 'done');
    clock.advance(SETTLE_MS / 2);
    expect(reports).toEqual(['a Done']);
    clock.advance(SETTLE_MS / 2 - 1);
    expect(reports).toEqual(['a Done']);
    clock.advance(1);
    expect(reports).toEqual(['a Done', 'b Done']);
  });

  it('forgets an unlinked card and reports nothing once stopped', () => {
    move('a', 'done');
    detector.forget('a');
    clock.advance(SETTLE_MS);
    move('b', 'done');
    detector.stop();
    clock.advance(SETTLE_MS * 2);
    expect(reports).toEqual([]);
  });

  describe('the completion mark', () => {
    beforeEach(() => {
      board.cards.set('a', ['doing']);
      board.marks.set('a', false);
      detector.known('a', 'Doing', false);
    });

    it('reports a card marked complete in its column once it kept the mark for the settle time', () => {
      mark('a', true);
      clock.advance(SETTLE_MS - 1);
      expect(reports).toEqual([]);
      clock.advance(1);
      expect(reports).toEqual(['a Doing (complete)']);
      render('a');
      clock.advance(SETTLE_MS * 3);
      expect(reports).toEqual(['a Doing (complete)']);
    });

    it('does not count a mark that flickers on and off (an optimistic edit rolled back)', () => {
      for (let i = 0; i < 5; i++) {
        mark('a', true);
        clock.advance(SETTLE_MS / 2);
        mark('a', false);
        clock.advance(SETTLE_MS / 4);
      }
      clock.advance(SETTLE_MS * 3);
      expect(reports).toEqual([]);
    });

    it('restarts the wait when the mark changes during it', () => {
      mark('a', true);
      clock.advance(SETTLE_MS / 2);
      mark('a', false);
      clock.advance(SETTLE_MS / 4);
      mark('a', true);
      clock.advance(SETTLE_MS - 1);
      expect(reports).toEqual([]);
      clock.advance(1);
      expect(reports).toEqual(['a Doing (complete)']);
    });

    it('does not tell the background a mark it already knows, but does tell it the mark taken off', () => {
      detector.forget('a');
      board.marks.set('a', true);
      detector.known('a', 'Doing', true);
      render('a');
      clock.advance(SETTLE_MS * 3);
      expect(reports).toEqual([]);
      mark('a', false);
      clock.advance(SETTLE_MS);
      expect(reports).toEqual(['a Doing']);
    });

    it('does not count a rename of the column as a move, but a mark taken during it as a change', () => {
      mark('a', true);
      board.columns.doing.name = 'In review';
      render('a');
      clock.advance(SETTLE_MS * 3);
      expect(reports).toEqual(['a In review (complete)']);
    });
  });
});
