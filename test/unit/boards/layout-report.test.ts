// @vitest-environment node
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readBoard, type BoardAdapter } from '../../../lib/boards/adapter';
import { githubAdapter } from '../../../lib/boards/github/adapter';
import { layoutReport } from '../../../lib/boards/layout-report';
import { notionAdapter } from '../../../lib/boards/notion/adapter';
import { trelloAdapter } from '../../../lib/boards/trello/adapter';
import { fixtures, readFixture, type Fixture } from '../../harness/fixtures';

async function open(fixture: Fixture, url: string) {
  const dom = new JSDOM(readFixture(fixture), { url, runScripts: 'dangerously', pretendToBeVisual: true });
  await new Promise((resolve) => dom.window.setTimeout(resolve, 20));
  return dom.window.document;
}

/** Every piece of the page's content a report must never carry: titles, names, the address. */
function contentOf(adapter: BoardAdapter, document: Document): string[] {
  const root = adapter.boardRoot(document)!;
  const { columns, cards } = readBoard(adapter, root);
  const open = adapter.openCard(document);
  const shownTitles = [...document.querySelectorAll('[data-testid="card-name"], h3, [data-content-editable-leaf]')].map((node) => node.textContent!.trim());
  return [...columns, ...cards.map((card) => card.title), ...shownTitles, adapter.boardName(document), open?.title ?? '', document.location.pathname.split('/').at(-1)!]
    .filter((text) => text.length > 2);
}

const pages = [
  { name: 'Trello board', adapter: trelloAdapter, fixture: fixtures.trelloBoard, url: `${fixtures.trelloBoard.url}?instant`, kind: 'board', cards: 8 },
  { name: 'GitHub board view', adapter: githubAdapter, fixture: fixtures.githubBoard, url: `${fixtures.githubBoard.url}?instant`, kind: 'board', cards: 5 },
  {
    name: 'GitHub issue in the viewer', adapter: githubAdapter, fixture: fixtures.githubBoard, kind: 'board, with a card open', cards: 5,
    url: `${fixtures.githubBoard.url}?instant&pane=issue&itemId=88110012&issue=acme%7Csite%7C32`,
  },
  { name: 'Notion board', adapter: notionAdapter, fixture: fixtures.notionBoard, url: `${fixtures.notionBoard.url}?instant`, kind: 'board', cards: 4 },
  {
    name: 'Notion peek', adapter: notionAdapter, fixture: fixtures.notionBoard, kind: 'board, with a card open', cards: 4,
    url: `${fixtures.notionBoard.url}?instant&p=aaaaaaaa111141118111000000000003&pm=s`,
  },
];

describe('the layout report', () => {
  it.each(pages)('on the $name: host, page kind, version and every anchor with its count, and no content', async ({ adapter, fixture, url, kind, cards }) => {
    const document = await open(fixture, url);
    const report = layoutReport(adapter, document, '1.4.2');
    expect(report).toContain(`Host: ${adapter.pages.label} (${adapter.host})`);
    expect(report).toContain(`Page kind: ${kind}`);
    expect(report).toContain('Extension version: 1.4.2');
    expect(report).toContain(`cards read: ${cards}`);
    for (const [role, alternatives] of Object.entries(adapter.selectors)) {
      for (const { generation, css } of alternatives) {
        expect(report).toContain(`  ${role} · ${generation} · ${document.querySelectorAll(css).length} · ${css}`);
      }
    }
    const content = contentOf(adapter, document);
    expect(content.length).toBeGreaterThan(cards);
    for (const text of content) expect(report, text).not.toContain(text);
  });

  it('says which generation matched: the 2026 board root, not the 2023 one', async () => {
    const report = layoutReport(trelloAdapter, await open(fixtures.trelloBoard, `${fixtures.trelloBoard.url}?instant`), '1.4.2');
    expect(report).toContain('  boardRoot · 2026 evidence · 1 · ul#board[data-testid="lists"]');
    expect(report).toContain('  boardRoot · 2023 React · 0 · ol#board');
  });

  it('reports an unrecognised layout with zero matches, and a page that is not a board', () => {
    const { document } = new JSDOM('<main><div class="redesigned"><h2>Done</h2><article>Secret card</article></div></main>', { url: fixtures.trelloBoard.url }).window;
    const report = layoutReport(trelloAdapter, document, '1.4.2');
    expect(report).toContain('Board root: not found; columns read: 0; cards read: 0');
    expect(report).toContain('  card · 2023 React · 0 · li[data-testid="list-card"]');
    expect(report).not.toContain('Secret card');
    const elsewhere = new JSDOM('<main></main>', { url: 'https://trello.com/u/someone/boards' }).window.document;
    expect(layoutReport(trelloAdapter, elsewhere, '1.4.2')).toContain('Page kind: not a board page');
  });
});
