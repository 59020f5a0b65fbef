import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../harness/browser';
import { fixtures } from '../harness/fixtures';
import { deliveries, milestoneState, reportOnFailure, settle } from './support';

let browser: ExtensionBrowser;
beforeAll(async () => {
  browser = await launchExtension();
});
afterAll(() => browser?.close());

describe('random DOM mutations on a board', () => {
  it('never let an exception escape and never deliver a card that did not move', async () => {
    const options = await browser.extensionPage('options.html');
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'dom-fuzz');
    await board.goto(fixtures.trelloBoard.url);
    await board.locator('milestone-invoicer-badge').nth(1).waitFor();
    const before = await deliveries(browser);

    await board.evaluate(async () => {
      let seed = 2026;
      const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      const pick = <T,>(items: ArrayLike<T>) => items[Math.floor(next() * items.length)]!;
      // A transient state lasts one task: a timer queued before the session's settle timer fires
      // first however busy the machine, where a frame can come later than SETTLE_MS.
      const briefly = () => new Promise((resolve) => setTimeout(resolve, 0));
      const lists = () => document.querySelectorAll('[data-testid="list-wrapper"] ol');
      const cards = () => document.querySelectorAll('[data-testid="list-card"]');
      const linked = () => document.querySelector('a[href^="/c/F1nalL1v/"]')!.closest('li')!;
      const done = () => [...lists()].at(-1)!;
      const operations = [
        // A drag preview: a copy of the linked card shows in Done for a moment, then goes.
        async () => { const copy = linked().cloneNode(true) as Element; done().append(copy); await briefly(); copy.remove(); },
        // An unrelated card is archived.
        async () => { const card = pick(cards()); if (!card.querySelector('a[href^="/c/F1nalL1v/"]')) card.remove(); },
        // The linked card is scrolled away and back (removed, re-inserted where it was).
        async () => { const card = linked(); const parent = card.parentElement!; card.remove(); await briefly(); parent.append(card); },
        // The whole list holding the linked card re-renders.
        async () => { const list = linked().closest('ol')!; list.replaceWith(list.cloneNode(true)); },
        // Junk the host adds: tooltips, skeletons, text.
        async () => { const junk = document.createElement('div'); junk.textContent = 'Loading…'; pick(lists()).append(junk); if (next() < 0.5) junk.remove(); },
        // A list is renamed Done for a moment.
        async () => { const name = linked().closest('[data-testid="list-wrapper"]')!.querySelector('h2')!; const old = name.textContent; name.textContent = 'Done'; await briefly(); name.textContent = old; },
      ];
      for (let i = 0; i < 300; i++) await pick(operations)();
    });
    await settle(board);
    await settle(board);

    expect(await deliveries(browser)).toEqual(before);
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('In progress');
    expect(browser.errors).toEqual([]);
  });

  it("on GitHub's table view too, where a row's Status is text rewritten in place", async () => {
    const options = await browser.extensionPage('options.html');
    const send = (type: string, payload: unknown) => options.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const);
    const created = (await send('board.create-project', {
      host: 'github', boardId: 'orgs/acme/7', boardName: 'Acme client work', clientName: 'Fuzz client', currency: 'EUR', total: 900_000, templateId: '30-40-30',
    })) as { value: { detail: { milestones: { id: string }[] } } };
    const milestoneId = created.value.detail.milestones[2]!.id;
    await send('card.link', { host: 'github', boardId: 'orgs/acme/7', cardId: '88110014', milestoneId, title: 'Mobile navigation', url: 'https://github.com/acme/site/issues/34' });
    const board = await browser.context.newPage();
    reportOnFailure(browser, board, 'dom-fuzz-github-table');
    await board.goto('https://github.com/orgs/acme/projects/7/views/2');
    await board.locator('[role="row"] milestone-invoicer-badge').waitFor();
    const before = await deliveries(browser);

    await board.evaluate(async () => {
      let seed = 7;
      const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      const pick = <T,>(items: ArrayLike<T>) => items[Math.floor(next() * items.length)]!;
      // A transient state lasts one task: a timer queued before the session's settle timer fires
      // first however busy the machine, where a frame can come later than SETTLE_MS.
      const briefly = () => new Promise((resolve) => setTimeout(resolve, 0));
      const fixture = (window as unknown as { githubFixture: Record<string, (...args: string[]) => void> }).githubFixture;
      const rows = () => document.querySelectorAll('[role="row"][data-testid]');
      const linked = () => [...rows()].find((row) => row.querySelector('a[href="/acme/site/issues/34"]')?.closest('[data-testid$="column: Title}"]'))!;
      const status = (row: Element) => row.querySelector('.token')!.firstChild as Text;
      const operations = [
        // An optimistic Status edit rolled back a moment later.
        async () => { const text = status(linked()); const old = text.nodeValue; text.nodeValue = 'Done'; await briefly(); text.nodeValue = old; },
        // The linked row is virtualised away and rendered again.
        async () => { const row = linked(); const parent = row.parentElement!; const at = row.nextSibling; row.remove(); await briefly(); parent.insertBefore(row, at); },
        // A re-sort, and back: each row element shows another item for a while.
        async () => { fixture.reverseTable!(); await briefly(); fixture.reverseTable!(); },
        // Another row, whose Linked pull requests cell points at the linked issue, is set to Done.
        async () => {
          const row = pick(rows());
          if (row === linked()) return;
          row.querySelector('[data-testid$="column: Linked pull requests}"]')!.innerHTML = '<a href="/acme/site/issues/34">acme/site#34</a>';
          status(row).nodeValue = 'Done';
        },
        // Junk text the host writes into cells.
        async () => { pick(rows()).querySelector('[role="gridcell"]')!.append(document.createTextNode(' ')); },
      ];
      for (let i = 0; i < 300; i++) await pick(operations)();
    });
    await settle(board);
    await settle(board);

    expect(await deliveries(browser)).toEqual(before);
    expect(await board.locator('[role="row"] milestone-invoicer-badge').count()).toBe(1);
    expect(browser.errors).toEqual([]);
  });
});
