import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { request } from '../messaging/client';
import type { HostPages } from './page';

const STYLE = `
  :host { all: initial; }
  .marker { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; padding: 6px 12px;
    border-radius: 16px; font: 12px/1.4 system-ui, sans-serif; background: #0b6e4f; color: #fff;
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%); }
  .marker.problem { background: #b42318; }
`;

/**
 * Shows which project a board page is bound to, asking the background each time the page
 * becomes a (different) board. Everything is owned by `ctx`, so it is torn down with the script.
 */
export function startBoardMarker(ctx: ContentScriptContext, pages: HostPages): void {
  let ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  let generation = 0;

  async function refresh() {
    const mine = ++generation;
    ui?.remove();
    ui = undefined;
    const page = pages.boardPage(new URL(location.href));
    if (!page) return;
    const reply = await request('board.state', page).catch((error: unknown) => ({ ok: false as const, error: String(error) }));
    if (mine !== generation || ctx.isInvalid) return;
    const text = !reply.ok
      ? `Milestone Invoicer: ${reply.error}`
      : reply.value.detail
        ? `Milestone Invoicer · ${reply.value.detail.project.name} · ${reply.value.detail.links.length} linked cards`
        : `Milestone Invoicer · no project bound to this ${pages.label} board`;
    ui = await createShadowRootUi(ctx, {
      name: 'milestone-invoicer-marker',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      onMount(container) {
        const style = document.createElement('style');
        style.textContent = STYLE;
        const marker = document.createElement('div');
        marker.className = reply.ok ? 'marker' : 'marker problem';
        marker.setAttribute('role', 'status');
        marker.dataset.host = pages.host;
        marker.textContent = text;
        container.append(style, marker);
        return marker;
      },
    });
    if (mine === generation) ui.mount();
  }

  void refresh();
  ctx.addEventListener(window, 'wxt:locationchange', () => void refresh());
}
