import { z } from 'zod';
import { boardHost } from '../db/entities';
import { t } from '../ui/i18n';

export const connectionStates = ['ok', 'token-expired', 'rate-limited', 'unavailable'] as const;

/** A card the page showed in Done while its board's API placed it elsewhere: shown, never invoiced. */
export const disagreementSchema = z.object({
  cardId: z.string().min(1).max(200),
  pageColumn: z.string().max(200),
  /** Where the API says the card is; null when the API shows no such card. */
  apiColumn: z.string().max(200).nullable(),
  at: z.number().int().nonnegative(),
});
export type Disagreement = z.infer<typeof disagreementSchema>;

/** A board's link to its own API, made by the user and off until then. One per board. */
export const connectionSchema = z.object({
  /** `${host}:${boardId}`, as the board's own id. */
  id: z.string().min(1),
  host: boardHost,
  boardId: z.string().min(1).max(200),
  /** Never sent to a board page, never shown again in full, left out of backups. */
  credentials: z.object({
    token: z.string().trim().min(1, { error: () => t('pasteToken') }).max(500).regex(/^[\x21-\x7e]+$/, { error: () => t('tokenCharacters') }),
    key: z.string().trim().min(1, { error: () => t('pasteApiKey') }).max(200).regex(/^[\x21-\x7e]+$/, { error: () => t('apiKeyCharacters') }).optional(),
  }),
  state: z.enum(connectionStates),
  /** The last failure, in plain language; absent while the connection works. */
  message: z.string().max(500).optional(),
  connectedAt: z.number().int().nonnegative(),
  checkedAt: z.number().int().nonnegative().optional(),
  /** After a 429: no request before this instant. */
  retryAt: z.number().int().nonnegative().optional(),
  disagreements: z.array(disagreementSchema).max(200),
});
export type Connection = z.infer<typeof connectionSchema>;
