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
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      const lists = () => document.querySelectorAll('[data-testid="list-wrapper"] ol');
      const cards = () => document.querySelectorAll('[data-testid="list-card"]');
      const linked = () => document.querySelector('a[href^="/c/F1nalL1v/"]')!.closest('li')!;
      const done = () => [...lists()].at(-1)!;
      const operations = [
        // A drag preview: a copy of the linked card shows in Done for a moment, then goes.
        async () => { const copy = linked().cloneNode(true) as Element; done().append(copy); await frame(); copy.remove(); },
        // An unrelated card is archived.
        async () => { const card = pick(cards()); if (!card.querySelector('a[href^="/c/F1nalL1v/"]')) card.remove(); },
        // The linked card is scrolled away and back (removed, re-inserted where it was).
        async () => { const card = linked(); const parent = card.parentElement!; card.remove(); await frame(); parent.append(card); },
        // The whole list holding the linked card re-renders.
        async () => { const list = linked().closest('ol')!; list.replaceWith(list.cloneNode(true)); },
        // Junk the host adds: tooltips, skeletons, text.
        async () => { const junk = document.createElement('div'); junk.textContent = 'Loading…'; pick(lists()).append(junk); if (next() < 0.5) junk.remove(); },
        // A list is renamed Done for a moment.
        async () => { const name = linked().closest('[data-testid="list-wrapper"]')!.querySelector('h2')!; const old = name.textContent; name.textContent = 'Done'; await frame(); name.textContent = old; },
      ];
      for (let i = 0; i < 300; i++) await pick(operations)();
    });
    await settle(board);
    await settle(board);

    expect(await deliveries(browser)).toEqual(before);
    expect(await milestoneState(board, 'Final delivery').textContent()).toBe('In progress');
    expect(browser.errors).toEqual([]);
  });
});
