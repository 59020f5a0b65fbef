/** How long a card must stay in a column before its move counts: drag previews never do. */
export const SETTLE_MS = 400;

/** Where a card's one rendered instance sits: the column's name, and its element (null: unknown). */
export interface Placement {
  column: string;
  /** The column's identity on the page: the same element under another name is a rename, not a move. */
  columnKey: object | null;
}

/** Reads the board for the cards asked about, in one pass over the board, not one per card. */
export interface BoardReader {
  /** Each card's placement; null while it shows twice (a drag preview beside it); absent when gone. */
  placements(cardIds: readonly string[]): Map<string, Placement | null>;
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): void;
}

interface Settling {
  due: number;
  /** Where the card was when this wait began; undefined after an ambiguous reading. */
  seen?: Placement;
}

const renamed = (before: Placement | undefined, after: Placement) =>
  before !== undefined && before.columnKey !== null && before.columnKey === after.columnKey && before.column !== after.column;

/**
 * Decides when a linked card has moved: a card seen fully rendered in a column, seen nowhere else
 * since, and in that same column again SETTLE_MS later, is reported once per column. A removed card is never a move, and a
 * column renamed under its cards moves none of them. All waiting cards are read in one pass.
 */
export class DoneDetector {
  /** The column each card was last reported in (or the background told us it knows). */
  private readonly reported = new Map<string, Placement>();
  private readonly settling = new Map<string, Settling>();
  private timerDue: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly reader: BoardReader,
    private readonly report: (cardId: string, column: string) => void,
    private readonly settleMs = SETTLE_MS,
  ) {}

  /** A linked card was seen rendered in a column. */
  seen(cardId: string, placement: Placement): void {
    const reported = this.reported.get(cardId);
    if (reported?.column === placement.column) {
      // Back where it was reported (a rolled-back edit): nothing to wait for. And the host may
      // have re-rendered that column: keep following it.
      this.settling.delete(cardId);
      reported.columnKey = placement.columnKey;
      return;
    }
    // Seen elsewhere while waiting: the wait starts again, so a card must stay put for all of it.
    if (this.settling.get(cardId)?.seen?.column !== placement.column) this.wait(cardId, placement);
  }

  /** The background already has this card in this column: no need to tell it again. */
  known(cardId: string, column: string): void {
    if (!this.reported.has(cardId)) this.reported.set(cardId, { column, columnKey: null });
  }

  /** The card was unlinked. */
  forget(cardId: string): void {
    this.reported.delete(cardId);
    this.settling.delete(cardId);
  }

  /** The Done columns changed: every card is reported afresh. */
  reset(): void {
    this.reported.clear();
  }

  stop(): void {
    this.stopped = true;
    this.settling.clear();
  }

  private wait(cardId: string, seen?: Placement): void {
    const due = this.clock.now() + this.settleMs;
    this.settling.set(cardId, { due, seen });
    if (this.timerDue === null) this.arm(due);
  }

  private arm(due: number): void {
    this.timerDue = due;
    this.clock.setTimeout(() => this.onTimer(), Math.max(0, due - this.clock.now()));
  }

  private onTimer(): void {
    if (this.stopped) return;
    const now = this.clock.now();
    const due = [...this.settling].filter(([, settling]) => settling.due <= now);
    const placements = this.reader.placements(due.map(([cardId]) => cardId));
    for (const [cardId, { seen }] of due) {
      this.settling.delete(cardId);
      this.check(cardId, seen, placements.get(cardId));
    }
    this.timerDue = null;
    const next = Math.min(...[...this.settling.values()].map((settling) => settling.due));
    if (Number.isFinite(next)) this.arm(next);
  }

  private check(cardId: string, seen: Placement | undefined, now: Placement | null | undefined): void {
    // Gone (deleted, archived, filtered out, virtualised away): a removal is never a move.
    if (now === undefined) return;
    // Shown twice: a drag in progress. Look again.
    if (now === null) return this.wait(cardId);
    if (renamed(seen, now)) return;
    if (seen?.column !== now.column) return this.wait(cardId, now);
    this.settled(cardId, now);
  }

  private settled(cardId: string, placement: Placement): void {
    const reported = this.reported.get(cardId);
    this.reported.set(cardId, placement);
    if (reported?.column === placement.column || renamed(reported, placement)) return;
    this.report(cardId, placement.column);
  }
}
