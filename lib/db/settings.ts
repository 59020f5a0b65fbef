import { z } from 'zod';
import type { MilestoneDatabase } from './database';
import { parseOrThrow } from './errors';
import { partySchema, paymentTermsSchema } from './entities';
import { validatePattern } from '../billing/numbering';
import { reminderSteps } from '../billing/reminders';

/** Each setting's schema and default; a stored value that no longer parses falls back to the default. */
export const settingDefinitions = {
  businessProfile: {
    schema: partySchema.extend({
      paymentInstructions: z.string().max(2000),
      paymentLink: z.union([z.literal(''), z.url({ protocol: /^https$/, error: 'The payment link must start with https://' })]).default(''),
      /** A PNG or JPEG data URL, drawn in the invoice header. */
      logo: z.string().regex(/^data:image\/(png|jpeg);base64,/, 'The logo must be a PNG or JPEG image').max(300_000).optional(),
    }),
    fallback: { name: '', address: '', taxId: '', email: '', paymentInstructions: '', paymentLink: '' },
  },
  invoiceNumbering: {
    schema: z.object({
      pattern: z.string().refine((p) => validatePattern(p).ok, 'Invalid numbering pattern'),
      yearlyReset: z.boolean(),
    }),
    fallback: { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true },
  },
  creditNoteNumbering: {
    schema: z.object({
      pattern: z.string().refine((p) => validatePattern(p).ok, 'Invalid numbering pattern'),
      yearlyReset: z.boolean(),
    }),
    fallback: { pattern: 'CN-{YYYY}-{seq:4}', yearlyReset: true },
  },
  invoiceFiles: {
    schema: z.object({
      /** Subfolder of the browser's download folder; empty for the folder itself. */
      folder: z.string().max(100).regex(/^[^\\:*?"<>|]*$/, 'A folder name cannot contain \\ : * ? " < > |'),
      downloadOnIssue: z.boolean(),
    }),
    fallback: { folder: 'Invoices', downloadOnIssue: true },
  },
  reminders: {
    schema: z.object({ enabled: z.array(z.enum(reminderSteps)) }),
    fallback: { enabled: [...reminderSteps] },
  },
  /** Reminder steps already sent (or passed while asleep): never sent again. */
  remindersFired: {
    schema: z.object({ keys: z.array(z.string()) }),
    fallback: { keys: [] },
  },
  lastBackup: {
    schema: z.object({ on: z.string().nullable() }),
    fallback: { on: null },
  },
  defaults: {
    schema: z.object({
      currency: z.string(),
      locale: z.string(),
      terms: paymentTermsSchema,
      invoiceOn: z.enum(['done', 'acceptance']),
    }),
    fallback: { currency: 'EUR', locale: 'en', terms: { kind: 'net', days: 14 }, invoiceOn: 'done' },
  },
} as const satisfies Record<string, { schema: z.ZodType; fallback: unknown }>;

type Definitions = typeof settingDefinitions;
export type SettingKey = keyof Definitions;
export type SettingValue<K extends SettingKey> = z.output<Definitions[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: MilestoneDatabase, key: K): Promise<SettingValue<K>> {
  const { schema, fallback } = settingDefinitions[key];
  const parsed = schema.safeParse((await db.settings.get(key))?.value);
  return (parsed.success ? parsed.data : fallback) as SettingValue<K>;
}

export async function putSetting<K extends SettingKey>(db: MilestoneDatabase, key: K, value: SettingValue<K>) {
  const parsed = parseOrThrow(settingDefinitions[key].schema, value, key);
  await db.settings.put({ key, value: parsed });
}
