import { z } from 'zod';
import { hostOfUrl } from '../boards/hosts';
import type { BoardHost } from '../db/entities';
import { InputError, PartialFailure } from '../db/errors';
import { EarlierDateError } from '../db/invoices';
import type { MessageSender } from '../platform/runtime';
import { t } from '../ui/i18n';
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
 * Checks who is asking before anything runs: only our own extension; our pages for page
 * messages; for board messages, the top frame of a tab on the very host the message names. A
 * board page may ask about any board of its own site (it can open any of them anyway), and keeps
 * that right through in-page navigation, which `sender.url` does not follow.
 */
function senderProblem(type: MessageType, payload: unknown, sender: MessageSender, trust: Trust): string | null {
  if (sender.id !== trust.extensionId) return 'Messages from other extensions are not accepted';
  const fromOurPage = sender.url?.startsWith(trust.extensionOrigin) ?? false;
  if (messages[type].audience === 'extension') return fromOurPage ? null : `"${type}" is only accepted from the extension's pages`;
  if (fromOurPage) return null;
  if (sender.frameId !== 0) return `"${type}" is only accepted from the page itself, not from a frame inside it`;
  const { host } = payload as { host: BoardHost };
  if (siteOf(sender) !== host) return `"${type}" for ${host} was sent from another site`;
  return null;
}

/** True when the sender is our content script in the top frame of a page of `host` (see senderProblem). */
export function speaksForSite(host: BoardHost, sender: MessageSender, trust: Trust): boolean {
  return sender.id === trust.extensionId && sender.frameId === 0 && siteOf(sender) === host;
}

/** The board host serving the sender's document, read from the address in-page navigation cannot change: its origin. */
function siteOf(sender: MessageSender): BoardHost | null {
  const address = sender.origin ?? sender.tabUrl ?? sender.url;
  return address?.startsWith('https://') ? hostOfUrl(address) : null;
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
      if (error instanceof EarlierDateError) return { ok: false, error: error.message, earlierDate: { issueDate: error.issueDate, lastNumber: error.later.number, lastDate: error.later.issueDate } };
      if (error instanceof InputError || error instanceof PartialFailure) return { ok: false, error: error.message };
      console.error(`[milestone-invoicer] "${type}" failed`, error);
      return { ok: false, error: t('somethingWentWrong') };
    }
  };
}
