import { z } from 'zod';
import { hostOfUrl, hostPages } from '../boards/hosts';
import type { BoardHost } from '../db/entities';
import { InputError, PartialFailure } from '../db/errors';
import type { MessageSender } from '../platform/runtime';
import { handlers, type HandlerContext } from './handlers';
import { messages, type MessageType, type Reply } from './protocol';

const envelope = z.object({
  type: z.enum(Object.keys(messages) as [MessageType, ...MessageType[]]),
  payload: z.unknown(),
});

export interface Trust {
  extensionId: string;
  /** Our own pages' origin, e.g. chrome-extension://<id>/ */
  extensionOrigin: string;
}

/**
 * Checks who is asking before anything runs: only our own extension, our pages for page
 * messages, and for board messages a tab on the very host the message names.
 */
function senderProblem(type: MessageType, payload: unknown, sender: MessageSender, trust: Trust): string | null {
  if (sender.id !== trust.extensionId) return 'Messages from other extensions are not accepted';
  const fromOurPage = sender.url?.startsWith(trust.extensionOrigin) ?? false;
  if (messages[type].audience === 'extension') return fromOurPage ? null : `"${type}" is only accepted from the extension's pages`;
  if (fromOurPage) return null;
  const { host, boardId } = payload as { host: BoardHost; boardId: string };
  if (hostOfUrl(sender.url) !== host) return `"${type}" for ${host} was sent from another site`;
  // A board page speaks only for its own board; a card opened over it (Trello's /c/) names none.
  const url = new URL(sender.url!);
  const page = hostPages[host].boardPage(url);
  if (page ? page.boardId === boardId : hostPages[host].overlaysBoard?.(url)) return null;
  return `"${type}" for board ${boardId} was sent from another page`;
}

export function createRouter(ctx: HandlerContext, trust: Trust) {
  return async function route(raw: unknown, sender: MessageSender): Promise<Reply<MessageType>> {
    const parsed = envelope.safeParse(raw);
    if (!parsed.success) return { ok: false, error: 'Unknown message' };
    const { type } = parsed.data;
    const payload = messages[type].payload.safeParse(parsed.data.payload ?? {});
    if (!payload.success) return { ok: false, error: `Invalid "${type}" message: ${payload.error.issues[0]?.message}` };
    const refused = senderProblem(type, payload.data, sender, trust);
    if (refused) return { ok: false, error: refused };
    try {
      const handle = handlers[type] as (payload: unknown, ctx: HandlerContext) => Promise<unknown>;
      return { ok: true, value: (await handle(payload.data, ctx)) as never };
    } catch (error) {
      if (error instanceof InputError || error instanceof PartialFailure) return { ok: false, error: error.message };
      console.error(`[milestone-invoicer] "${type}" failed`, error);
      return { ok: false, error: 'Something went wrong; your data is unchanged' };
    }
  };
}
