// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { readBoard, type BoardAdapter } from '../../../lib/boards/adapter';
import { anchorCounts } from '../../../lib/boards/layout-report';
import { githubAdapter } from '../../../lib/boards/github/adapter';
import { githubSelectors } from '../../../lib/boards/github/selectors';
import { notionAdapter } from '../../../lib/boards/notion/adapter';
import { notionSelectors } from '../../../lib/boards/notion/selectors';
import { trelloAdapter } from '../../../lib/boards/trello/adapter';
import { fixtures, readFixture, type Fixture } from '../../harness/fixtures';

/** A fixture page at its real URL, with its own script run, as the content script would see it. */
async function open(fixture: Fixture, url = `${fixture.url}?instant`) {
  const dom = new JSDOM(readFixture(fixture), { url, runScripts: 'dangerously', pretendToBeVisual: true });
  await new Promise((resolve) => dom.window.setTimeout(resolve, 20));
  return dom.window.document;
}

function board(adapter: BoardAdapter, document: Document) {
  const root = adapter.boardRoot(document);
  expect(root, 'board root').not.toBeNull();
  return readBoard(adapter, root!);
}

/** How many elements each selector alternative matches on the page, keyed "role · generation": a layout change shows up here. */
const counts = (adapter: BoardAdapter, document: Document) =>
  Object.fromEntries(anchorCounts(adapter.selectors, document).map(({ role, generation, matches }) => [`${role} · ${generation}`, matches]));

type TrelloFixture = { move(a: string, b: string): void; complete(a: string, done: boolean): void; addCard(list: string, title: string): string };
const trelloFixture = (document: Document) => (document.defaultView as unknown as { trelloFixture: TrelloFixture }).trelloFixture;
const trelloCard = (document: Document, title: string) =>
  [...document.querySelectorAll('li[data-testid="list-card"]')].find((card) => card.querySelector('[data-testid="card-name"]')?.textContent === title)!;

describe('Trello adapter', () => {
  it('matches the expected number of elements per selector alternative on the saved board', async () => {
    const document = await open(fixtures.trelloBoard);
    expect(counts(trelloAdapter, document)).toEqual({
      'boardRoot · 2026 evidence': 1, 'boardRoot · 2023 React': 0, 'boardName · 2023 React': 1,
      'column · 2023 React': 5, 'columnName · 2023 React': 5, 'card · 2023 React': 12, 'cardLink · 2023 React': 9, 'cardFront · 2026 evidence': 11,
      'cardName · 2023 React': 9, 'cardName · 2026 evidence': 2, 'mirrorCard · 2026 evidence': 1, 'separatorCard · 2026 evidence': 1,
      'completion · 2026 evidence': 7, 'completed · 2026 evidence': 1, 'cardBadges · 2023 React': 7,
      'dialog · 2023 React': 0, 'dialogTitle · 2023 React': 0, 'darkMode · 2023 React': 0,
    });
  });

  it('reads columns, collapsed ones included, and cards keyed by short link, with absolute card URLs', async () => {
    const document = await open(fixtures.trelloBoard);
    const { columns, cards } = board(trelloAdapter, document);
    expect(columns).toEqual(['Backlog', 'Doing', 'Review', '✅ Done', 'Someday']);
    expect(cards.map((card) => card.cardId)).toEqual(['Kx81LmQa', 'Vb27PqRs', 'F1nalL1v', 'Hn45TyUi', 'Qw12ErTy', 'Pr0toT1p', 'Zx98CvBn', 'Mn1malFv']);
    expect(cards.find((card) => card.cardId === 'Pr0toT1p')).toEqual({
      cardId: 'Pr0toT1p', title: 'Clickable prototype', column: '✅ Done', url: 'https://trello.com/c/Pr0toT1p/6-clickable-prototype', complete: false,
    });
    expect(cards.find((card) => card.cardId === 'Mn1malFv')).toMatchObject({ title: 'Favicon', column: '✅ Done' });
    expect(trelloAdapter.cardIds(trelloAdapter.boardRoot(document)!).map((card) => card.cardId)).toEqual(cards.map((card) => card.cardId));
    expect(trelloAdapter.boardName(document)).toBe('Acme website redesign');
    expect(trelloAdapter.cardInstances(trelloAdapter.boardRoot(document)!, 'Pr0toT1p').map((card) => card.localName)).toEqual(['li']);
  });

  it('reads the open card from the dialog at a /c/ URL, and dark mode', async () => {
    const document = await open(fixtures.trelloBoard, 'https://trello.com/c/F1nalL1v/3-launch-production-site?instant&theme=dark');
    expect(trelloAdapter.openCard(document)).toMatchObject({ cardId: 'F1nalL1v' });
    expect(trelloAdapter.darkMode(document)).toBe(true);
    expect(trelloAdapter.pages.overlaysBoard?.(new URL(document.location.href))).toBe(true);
  });

  it('offers to open full-cover and link cards, whose span names carry no short link, and links them where the address shows it', async () => {
    const document = await open(fixtures.trelloBoard);
    const cover = trelloCard(document, 'Hero photography');
    expect(trelloAdapter.readCard(cover, 'Backlog')).toBeNull();
    expect(trelloAdapter.cardToOpen!(trelloCard(document, 'https://acme.example/brand-guide'))?.title).toBe('https://acme.example/brand-guide');
    const opener = trelloAdapter.cardToOpen!(cover)!;
    expect(opener.title).toBe('Hero photography');
    opener.open();
    expect(document.location.pathname).toBe('/c/Cv3rPh0t');
    expect(trelloAdapter.openCard(document)).toMatchObject({ cardId: 'Cv3rPh0t', title: 'Hero photography' });
    expect(trelloAdapter.cardToOpen!(trelloCard(document, 'Clickable prototype'))).toBeNull();
  });

  it('reads a full-cover and a link card by the long id their link keeps, in their column, and no unknown one', async () => {
    const document = await open(fixtures.trelloBoard);
    const root = trelloAdapter.boardRoot(document)!;
    const cover = trelloCard(document, 'Hero photography');
    const linkCard = trelloCard(document, 'https://acme.example/brand-guide');
    const longId = (card: Element) => card.querySelector('[data-card-id]')!.getAttribute('data-card-id')!;
    trelloAdapter.learn!([
      { cardId: 'Cv3rPh0t', url: 'https://trello.com/c/Cv3rPh0t', hostCardId: longId(cover) },
      { cardId: 'Pr0toT1p', url: 'https://trello.com/c/Pr0toT1p/6-clickable-prototype' },
    ]);
    try {
      expect(trelloAdapter.readCard(cover, 'Backlog')).toMatchObject({ cardId: 'Cv3rPh0t', title: 'Hero photography', column: 'Backlog', url: 'https://trello.com/c/Cv3rPh0t' });
      expect(trelloAdapter.readCard(linkCard, 'Backlog')).toBeNull();
      expect(trelloAdapter.cardInstances(root, 'Cv3rPh0t')).toEqual([cover]);
      const read = board(trelloAdapter, document).cards;
      expect(read.filter((card) => card.cardId === 'Cv3rPh0t').map((card) => card.column)).toEqual(['Backlog']);
      expect(read.map((card) => card.title)).not.toContain('https://acme.example/brand-guide');

      trelloAdapter.learn!([
        { cardId: 'Cv3rPh0t', url: 'https://trello.com/c/Cv3rPh0t', hostCardId: longId(cover) },
        { cardId: 'L1nkBrnd', url: 'https://trello.com/c/L1nkBrnd', hostCardId: longId(linkCard) },
      ]);
      expect(trelloAdapter.readCard(linkCard, 'Backlog')).toMatchObject({ cardId: 'L1nkBrnd', column: 'Backlog' });
      trelloFixture(document).move('Cv3rPh0t', '✅ Done');
      // The fixture re-adds a moved card on the next animation frame; the wait allows for a busy machine.
      await vi.waitFor(() => expect(board(trelloAdapter, document).cards.find((card) => card.cardId === 'Cv3rPh0t')?.column).toBe('✅ Done'), { timeout: 5_000 });
      expect(trelloAdapter.cardIds(root).filter((card) => card.cardId === 'Cv3rPh0t')).toHaveLength(1);
    } finally {
      trelloAdapter.learn!([]);
    }
  });

  it('keeps the long id of a card opened from its front with the open card, and not with the next card opened', async () => {
    const document = await open(fixtures.trelloBoard);
    const cover = trelloCard(document, 'Hero photography');
    const longId = cover.querySelector('[data-card-id]')!.getAttribute('data-card-id');
    trelloAdapter.cardToOpen!(cover)!.open();
    expect(trelloAdapter.openCard(document)).toMatchObject({ cardId: 'Cv3rPh0t', hostCardId: longId });
    document.defaultView!.history.back();
    await vi.waitFor(() => expect(trelloAdapter.openCard(document)).toBeNull(), { timeout: 5_000 });
    (trelloCard(document, 'Clickable prototype').querySelector('a') as HTMLElement).click();
    const next = trelloAdapter.openCard(document);
    expect(next).toMatchObject({ cardId: 'Pr0toT1p' });
    expect(next?.hostCardId).toBeUndefined();
  });

  it('never reads a separator as a card, nor a mirror of another board\'s card as one of this board', async () => {
    const document = await open(fixtures.trelloBoard);
    const root = trelloAdapter.boardRoot(document)!;
    const separator = document.querySelector('[data-testid="separator-card"]')!.closest('li')!;
    expect(trelloAdapter.readCard(separator, 'Doing')).toBeNull();
    expect(trelloAdapter.cardToOpen!(separator)).toBeNull();
    const mirror = trelloCard(document, 'Legal sign-off (Acme legal board)');
    expect(trelloAdapter.readCard(mirror, 'Review')).toBeNull();
    expect(trelloAdapter.cardToOpen!(mirror)).toBeNull();
    expect(trelloAdapter.cardIds(root).map((card) => card.cardId)).not.toContain('M1rr0rLg');
    expect(trelloAdapter.cardInstances(root, 'M1rr0rLg')).toEqual([]);
  });

  it("reports Trello's completion checkmark as the card shows it", async () => {
    const document = await open(fixtures.trelloBoard);
    const complete = (title: string) => trelloAdapter.readCard(trelloCard(document, title), 'any')?.complete;
    expect(complete('Kick-off workshop & brief')).toBe(true);
    expect(complete('Clickable prototype')).toBe(false);
    trelloFixture(document).complete('Pr0toT1p', true);
    expect(complete('Clickable prototype')).toBe(true);
  });

  it('reads a new card once its href arrives by a later attribute change, and cards whose address ends at the short link', async () => {
    const document = await open(fixtures.trelloBoard);
    const short = trelloFixture(document).addCard('Doing', 'Fresh card');
    expect(trelloAdapter.readCard(trelloCard(document, 'Fresh card'), 'Doing')).toBeNull();
    // The fixture sets the href 300 ms later; the wait allows for a busy machine.
    await vi.waitFor(() => expect(trelloAdapter.readCard(trelloCard(document, 'Fresh card'), 'Doing')?.cardId).toBe(short), { timeout: 5_000 });
    trelloCard(document, 'Fresh card').querySelector('a')!.setAttribute('href', `/c/${short}`);
    expect(trelloAdapter.cardInstances(trelloAdapter.boardRoot(document)!, short)).toEqual([trelloCard(document, 'Fresh card')]);
  });
});

type GithubFixture = { move(id: string, status: string): void; virtualise(id: string): void };
const githubFixture = (document: Document) => (document.defaultView as unknown as { githubFixture: GithubFixture }).githubFixture;

describe('GitHub Projects adapter', () => {
  it('matches the expected number of elements per selector alternative', async () => {
    const document = await open(fixtures.githubBoard);
    expect(counts(githubAdapter, document)).toEqual({
      'boardRoot · memex 2022+': 1, 'boardName · memex 2022+': 1, 'column · memex 2022+': 3, 'card · memex 2022+': 5, 'cardTitle · memex 2022+': 5,
      'tableHeader · memex 2022+': 0, 'tableRow · 2026 evidence': 0, 'tableRow · memex 2022+': 0, 'tableFieldCell · 2026 evidence': 0,
      'tableHeaderCell · memex 2022+': 0, 'tableCell · memex 2022+': 0,
      'pane · memex 2024+': 0, 'pane · 2026 issue viewer': 0, 'paneContainer · 2026 issue viewer': 0, 'paneContainer · 2026 evidence': 0,
      'paneTitle · memex 2024+': 0, 'paneTitle · 2026 issue viewer': 0, 'paneContent · memex 2024+': 0, 'paneContent · 2026 issue viewer': 0,
    });
  });

  it('reads column names from the attribute, keys by item id, and skips virtualised shells', async () => {
    const document = await open(fixtures.githubBoard);
    githubFixture(document).virtualise('88110014');
    const { columns, cards } = board(githubAdapter, document);
    expect(columns).toEqual(['Todo', 'In Progress 🚧', 'Done']);
    expect(cards.map((card) => card.cardId)).toEqual(['88110011', '88110015', '88110012', '88110013']);
    expect(cards[0]).toMatchObject({ title: 'Checkout redesign', column: 'Todo', url: 'https://github.com/acme/site/issues/31' });
    expect(cards[1]!.url).toBe('https://github.com/orgs/acme/projects/7/views/1?pane=issue&itemId=88110015');
    const shell = document.querySelector('[data-board-card-id="88110014"]')!;
    expect(githubAdapter.readCard(shell, 'In Progress 🚧')).toBeNull();
    expect(githubAdapter.columnOf(shell)).toBe('In Progress 🚧');
    expect(githubAdapter.cardInstances(githubAdapter.boardRoot(document)!, '88110014')).toEqual([shell]);
  });
});

describe("GitHub Projects adapter, the open item's pane", () => {
  /** Opens an item the way a click on it does, so the address is the one GitHub writes. */
  async function openItem(title: string, view = 1) {
    const document = await open(fixtures.githubBoard, `https://github.com/orgs/acme/projects/7/views/${view}?instant`);
    const opener = [...document.querySelectorAll<HTMLElement>('[data-board-card-id] a, [role="gridcell"] a, [role="gridcell"] button')].find((node) => node.textContent === title)!;
    opener.click();
    return document;
  }

  it('reads an issue in the new issue viewer, which has no side-panel-title, by the issue its address names', async () => {
    const document = await openItem('Search results page');
    expect(document.location.search).toBe('?pane=issue&itemId=88110012&issue=acme%7Csite%7C32');
    expect(document.querySelector('[data-testid="side-panel-title"]')).toBeNull();
    const open = githubAdapter.openCard(document)!;
    expect(open).toMatchObject({ cardId: '88110012', title: 'Search results page', url: 'https://github.com/acme/site/issues/32' });
    expect(open.slot.querySelector('[data-testid="issue-header"]')).not.toBeNull();
    expect(counts(githubAdapter, document)).toMatchObject({
      'pane · memex 2024+': 0, 'pane · 2026 issue viewer': 1, 'paneContainer · 2026 issue viewer': 1, 'paneContainer · 2026 evidence': 1,
      'paneTitle · 2026 issue viewer': 1, 'paneContent · 2026 issue viewer': 1,
    });
  });

  it("reads the issue from the viewer's header when the address has no issue, and from the container when the header lost its test id", async () => {
    const document = await openItem('Search results page');
    document.defaultView!.history.replaceState(null, '', '?pane=issue&itemId=88110012');
    expect(githubAdapter.openCard(document)).toMatchObject({ cardId: '88110012', title: 'Search results page', url: 'https://github.com/acme/site/issues/32' });
    document.querySelector('[data-testid="issue-header"]')!.removeAttribute('data-testid');
    expect(githubAdapter.openCard(document)).toMatchObject({ cardId: '88110012', title: 'Search results page', url: 'https://github.com/acme/site/issues/32' });
  });

  it('reads no item while the pane still shows the previous one: GitHub changes the address first', async () => {
    const document = await openItem('Mobile navigation', 2);
    expect(githubAdapter.openCard(document)).toMatchObject({ cardId: '88110014', title: 'Mobile navigation' });
    document.defaultView!.history.pushState(null, '', '?pane=issue&itemId=88110013');
    expect(githubAdapter.openCard(document)).toBeNull();
    // The app's router then renders the pane for the address.
    document.defaultView!.dispatchEvent(new document.defaultView!.PopStateEvent('popstate'));
    expect(githubAdapter.openCard(document)).toMatchObject({ cardId: '88110013', title: 'Design tokens', url: 'https://github.com/acme/site/pull/28' });
  });

  it('reads pull requests and drafts in the pane header, from the table view too', async () => {
    const pullRequest = await openItem('Design tokens', 2);
    expect(githubAdapter.openCard(pullRequest)).toMatchObject({ cardId: '88110013', title: 'Design tokens', url: 'https://github.com/acme/site/pull/28' });
    const draft = await openItem('Draft: pricing page', 2);
    expect(githubAdapter.openCard(draft)).toMatchObject({
      cardId: '88110015', title: 'Draft: pricing page', url: 'https://github.com/orgs/acme/projects/7/views/2?pane=issue&itemId=88110015',
    });
    const issue = await openItem('Mobile navigation', 2);
    expect(githubAdapter.openCard(issue)).toMatchObject({ cardId: '88110014', url: 'https://github.com/acme/site/issues/34' });
  });
});

describe('GitHub Projects adapter, table view', () => {
  const tableUrl = 'https://github.com/orgs/acme/projects/7/views/2?instant';
  const linked = [
    { cardId: '88110012', url: 'https://github.com/acme/site/issues/32' },
    { cardId: '88110013', url: 'https://github.com/acme/site/pull/28' },
    { cardId: '88110015', url: 'https://github.com/orgs/acme/projects/7/views/1?pane=issue&itemId=88110015' },
  ];
  const row = (document: Document, title: string) =>
    [...document.querySelectorAll('[role="row"]')].find((candidate) => candidate.textContent?.includes(title))!;
  const expectedCards = [
    { cardId: '88110012', title: 'Search results page', url: 'https://github.com/acme/site/issues/32', column: 'In Progress 🚧' },
    { cardId: '88110013', title: 'Design tokens', url: 'https://github.com/acme/site/pull/28', column: 'Done' },
  ];

  it('matches the expected number of elements per selector alternative', async () => {
    const document = await open(fixtures.githubBoard, tableUrl);
    expect(counts(githubAdapter, document)).toMatchObject({
      'boardRoot · memex 2022+': 1, 'column · memex 2022+': 0, 'card · memex 2022+': 0, 'tableHeader · memex 2022+': 5,
      'tableRow · 2026 evidence': 5, 'tableRow · memex 2022+': 6, 'tableFieldCell · 2026 evidence': 25, 'tableHeaderCell · memex 2022+': 6, 'tableCell · memex 2022+': 30,
    });
  });

  it("pairs by GitHub's cell test ids, where pairing header and grid cells by position is off by one", async () => {
    const document = await open(fixtures.githubBoard, tableUrl);
    const header = document.querySelector('[role="columnheader"]')!.closest('[role="row"]')!;
    expect(header.firstElementChild!.getAttribute('role')).toBe('cell');
    const naive = [...header.querySelectorAll('[role="columnheader"]')].findIndex((cell) => cell.getAttribute('data-testid') === 'TableColumnHeader{id: Status}');
    expect(row(document, 'Search results page').querySelectorAll('[role="gridcell"]')[naive]!.textContent).toBe('client');
    githubAdapter.learn!(linked);
    const { columns, cards } = board(githubAdapter, document);
    expect(columns).toEqual(['Todo', 'In Progress 🚧', 'Done']);
    expect(cards).toEqual(expectedCards);
    const root = githubAdapter.boardRoot(document)!;
    expect(githubAdapter.cardInstances(root, '88110012')).toEqual([row(document, 'Search results page')]);
    expect(githubAdapter.columnElementOf(row(document, 'Search results page'))).toBeNull();
    expect(githubAdapter.badgeSlot(row(document, 'Search results page')).getAttribute('data-testid')).toBe('TableCell{row: 2, column: Title}');
  });

  it('falls back to positions, counting the header dummy and hidden columns, when cells and rows carry no test ids', async () => {
    const document = await open(fixtures.githubBoard, tableUrl);
    for (const node of document.querySelectorAll('[role="gridcell"][data-testid], [role="row"][data-testid]')) node.removeAttribute('data-testid');
    githubAdapter.learn!(linked);
    expect(board(githubAdapter, document)).toEqual({ columns: ['Todo', 'In Progress 🚧', 'Done'], cards: expectedCards });
    expect(githubAdapter.badgeSlot(row(document, 'Search results page')).textContent).toBe('Search results page');
  });

  it('reads no Status from a hidden Status column, which stays in the page', async () => {
    const document = await open(fixtures.githubBoard, tableUrl);
    for (const node of document.querySelectorAll('[data-testid="TableColumnHeader{id: Status}"], [data-testid$="column: Status}"]')) node.setAttribute('hidden', '');
    githubAdapter.learn!(linked);
    expect(document.querySelectorAll('[data-testid$="column: Status}"]')).toHaveLength(5);
    expect(githubAdapter.columnOf(row(document, 'Search results page'))).toBeNull();
    expect(board(githubAdapter, document)).toEqual({ columns: [], cards: [] });
  });

  it('offers to open an unlinked row, and never reads the header row or a linked pull request as the item', async () => {
    const document = await open(fixtures.githubBoard, tableUrl);
    githubAdapter.learn!([{ cardId: '1', url: 'https://github.com/acme/site/pull/900' }]);
    const checkout = row(document, 'Checkout redesign');
    expect(githubAdapter.readCard(checkout, 'Todo')).toBeNull();
    expect(githubAdapter.cardToOpen!(checkout)?.title).toBe('Checkout redesign');
    const header = document.querySelector('[role="row"]')!;
    expect(githubAdapter.columnOf(header)).toBeNull();
    expect(githubAdapter.cardToOpen!(header)).toBeNull();
  });

  it('follows a Status edited in place, and forgets rows once the links are gone', async () => {
    const document = await open(fixtures.githubBoard, tableUrl);
    githubAdapter.learn!(linked);
    githubFixture(document).move('88110012', 'Done');
    expect(githubAdapter.columnOf(row(document, 'Search results page'))).toBe('Done');
    githubAdapter.learn!([]);
    expect(board(githubAdapter, document).cards).toEqual([]);
  });
});

describe('Notion adapter', () => {
  const notionUrl = (query: string) => `${fixtures.notionBoard.url}?instant${query}`;
  const notionCard = (document: Document, title: string) =>
    [...document.querySelectorAll('.notion-collection-item')].find((card) => card.querySelector('[data-content-editable-leaf]')?.textContent === title)!;

  it('matches the expected number of elements per selector alternative', async () => {
    const document = await open(fixtures.notionBoard);
    expect(counts(notionAdapter, document)).toEqual({
      'boardRoot · 2020+': 1, 'boardName · 2020+ full-page database': 1, 'boardName · 2020+ inline database': 0, 'column · 2020+': 3,
      'groupOptions · 2026 evidence': 3, 'groupHeader · 2026 evidence': 3, 'card · 2020+': 4, 'cardLink · 2020+': 4, 'cardTitle · 2026 evidence': 4,
      'cardExtras · 2020+': 8, 'peek · 2020+': 0, 'peekClose · 2026 redesign': 0, 'peekClose · 2020+': 0, 'peekTitle · 2020+': 0, 'peekTitle · 2024+': 0,
      'darkMode · 2020+': 0,
    });
  });

  it("names columns exactly as their headers show the group, without the count, the options button or the row's extras", async () => {
    const document = await open(fixtures.notionBoard);
    expect(document.querySelector('.board-header')!.textContent).toContain('Hidden groups');
    const { columns, cards } = board(notionAdapter, document);
    expect(columns).toEqual(['Not started', 'In progress', 'Done']);
    expect(notionAdapter.cardInstances(notionAdapter.boardRoot(document)!, 'aaaaaaaa111141118111000000000002')).toHaveLength(1);
    expect(cards.map((card) => [card.title, card.column])).toEqual([
      ['Brand guidelines', 'Not started'], ['Photo shoot brief 📸', 'Not started'], ['Landing page copy ✍️', 'In progress'], ['Mood board', 'Done'],
    ]);
    expect(cards.find((card) => card.title === 'Landing page copy ✍️')).toEqual({
      cardId: 'aaaaaaaa111141118111000000000002',
      title: 'Landing page copy ✍️',
      column: 'In progress',
      url: 'https://www.notion.so/acme/Landing-page-copy--aaaaaaaa111141118111000000000002',
    });
  });

  it("reads a card's title without the pills its link also wraps, with or without the title leaf", async () => {
    const document = await open(fixtures.notionBoard);
    const card = notionCard(document, 'Landing page copy ✍️');
    expect(card.querySelector('a')!.textContent).toContain('Acme');
    card.querySelector('[data-content-editable-leaf]')!.removeAttribute('data-content-editable-leaf');
    expect(notionAdapter.readCard(card, 'In progress')?.title).toBe('Landing page copy ✍️');
  });

  it('pairs each sub-group\'s groups with the one header row', async () => {
    const document = await open(fixtures.notionBoard, notionUrl('&subgroups'));
    expect(counts(notionAdapter, document)).toMatchObject({ 'column · 2020+': 6, 'groupOptions · 2026 evidence': 3, 'card · 2020+': 4 });
    const { columns, cards } = board(notionAdapter, document);
    expect(columns).toEqual(['Not started', 'In progress', 'Done']);
    expect(cards.map((card) => [card.title, card.column])).toEqual([
      ['Brand guidelines', 'Not started'], ['Landing page copy ✍️', 'In progress'], ['Photo shoot brief 📸', 'Not started'], ['Mood board', 'Done'],
    ]);
  });

  it('falls back to the header row above the groups when headers have no options button', async () => {
    const document = await open(fixtures.notionBoard);
    for (const button of document.querySelectorAll('[aria-label="More group options"]')) button.remove();
    expect(board(notionAdapter, document).columns).toEqual(['Not started', 'In progress', 'Done']);
    expect(notionAdapter.columnOf(notionCard(document, 'Mood board'))).toBe('Done');
  });

  it('finds the 2026 peek from its close button, up to the page title, and the 2020 peek renderer', async () => {
    const document = await open(fixtures.notionBoard, notionUrl('&p=aaaaaaaa111141118111000000000003&pm=s'));
    expect(document.querySelector('.notion-peek-renderer')).toBeNull();
    const peek = notionAdapter.openCard(document)!;
    expect(peek).toMatchObject({ cardId: 'aaaaaaaa111141118111000000000003', title: 'Mood board' });
    expect(peek.slot.querySelector('.peek-top-hover-area')).not.toBeNull();
    expect(counts(notionAdapter, document)).toMatchObject({ 'peek · 2020+': 0, 'peekClose · 2026 redesign': 1, 'peekTitle · 2024+': 1 });
    peek.slot.querySelector('h1')!.remove();
    expect(notionAdapter.openCard(document)).toBeNull();
    const old = await open(fixtures.notionBoard, notionUrl('&p=aaaaaaaa111141118111000000000003&pm=s&peek=2020'));
    expect(notionAdapter.openCard(old)).toMatchObject({ cardId: 'aaaaaaaa111141118111000000000003', title: 'Mood board' });
  });
});

describe('an unknown layout', () => {
  it('finds no board root, so nothing can be delivered', () => {
    const { document } = new JSDOM('<main><div class="redesigned"><h2>Done</h2><article>Card</article></div></main>', { url: fixtures.trelloBoard.url }).window;
    for (const adapter of [trelloAdapter, githubAdapter, notionAdapter]) expect(adapter.boardRoot(document)).toBeNull();
  });
});
