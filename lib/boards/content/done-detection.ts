/** How long a card must stay in a column before its move counts: drag previews never do. */
export const SETTLE_MS = 400;

/** Where a card's one rendered instance sits: the column's name, its element (null: unknown) and its completion mark. */
export interface Placement {
  column: string;
  /** The column's identity on the page: the same element under another name is a rename, not a move. */
  columnKey: object | null;
  /** The host's completion mark (Trello's checkmark); undefined on hosts that show none. */
  complete?: boolean;
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

/** Same column, same completion mark: nothing for the background to hear. */
const samePlace = (before: Placement | undefined, after: Placement): before is Placement =>
  before !== undefined && before.column === after.column && before.complete === after.complete;

const renamed = (before: Placement | undefined, after: Placement) =>
  before !== undefined && before.columnKey !== null && before.columnKey === after.columnKey && before.column !== after.column && before.complete === after.complete;

/**
 * Decides when a linked card has moved: a card seen fully rendered in a column, seen nowhere else
 * since, and in that same column again SETTLE_MS later, is reported once per column. A change of
 * its completion mark counts like a change of column. A removed card is never a move, and a
 * column renamed under its cards moves none of them. All waiting cards are read in one pass.
 */
export class DoneDetector {
  /** Where each card was last reported (or the background told us it knows). */
  private readonly reported = new Map<string, Placement>();
  private readonly settling = new Map<string, Settling>();
  private timerDue: number | null = null;
  private stopped = false;

  constructor(
    private readonly clock: Clock,
    private readonly reader: BoardReader,
    private readonly report: (cardId: string, placement: Placement) => void,
    private readonly settleMs = SETTLE_MS,
  ) {}

  /** A linked card was seen rendered in a column. */
  seen(cardId: string, placement: Placement): void {
    const reported = this.reported.get(cardId);
    if (samePlace(reported, placement)) {
      // Back where it was reported (a rolled-back edit): nothing to wait for. And the host may
      // have re-rendered that column: keep following it.
      this.settling.delete(cardId);
      reported.columnKey = placement.columnKey;
      return;
    }
    // Seen elsewhere while waiting: the wait starts again, so a card must stay put for all of it.
    if (!samePlace(this.settling.get(cardId)?.seen, placement)) this.wait(cardId, placement);
  }

  /** The background already has this card in this column, with this mark: no need to tell it again. */
  known(cardId: string, column: string, complete?: boolean): void {
    if (!this.reported.has(cardId)) this.reported.set(cardId, { column, columnKey: null, complete });
  }

  /** The card was unlinked. */
  forget(cardId: string): void {
    this.reported.delete(cardId);
    this.settling.delete(cardId);
  }

  /** What counts as Done changed: every card is reported afresh. */
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
    if (!samePlace(seen, now)) return this.wait(cardId, now);
    this.settled(cardId, now);
  }

  private settled(cardId: string, placement: Placement): void {
    const reported = this.reported.get(cardId);
    this.reported.set(cardId, placement);
    if (samePlace(reported, placement) || renamed(reported, placement)) return;
    this.report(cardId, placement);
  }
}
