import { z } from 'zod';
import { t } from '../ui/i18n';
import type { MilestoneDatabase } from './database';
import { InputError } from './errors';
import { partySchema, paymentTermsSchema, taxPolicySchema } from './entities';
import { bicProblem, electronicBic, electronicIban, ibanProblem } from '../billing/bank-account';
import { isCurrency } from '../billing/money';
import { validateFolder } from '../billing/file-names';
import { sharedNumber, validatePattern, validateRule, type NumberingRule } from '../billing/numbering';
import { reminderSteps } from '../billing/reminders';

/** A bank code stored in electronic form, refused with a plain message when `problem` finds one. */
const bankCode = (normalise: (text: string) => string, problem: (code: string) => string | undefined) =>
  z.string().transform(normalise).superRefine((code, ctx) => {
    const found = problem(code);
    if (found) ctx.addIssue({ code: 'custom', message: found });
  }).optional();

const numberingPattern = z.string().superRefine((pattern, ctx) => {
  const checked = validatePattern(pattern);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error });
});

/** Each setting's schema and default; a stored value that no longer parses falls back to the default. */
export const settingDefinitions = {
  businessProfile: {
    schema: partySchema.extend({
      paymentInstructions: z.string().max(2000, { error: () => t('paymentInstructionsTooLong') }),
      iban: bankCode(electronicIban, ibanProblem),
      bic: bankCode(electronicBic, bicProblem),
      paymentLink: z.union([z.literal(''), z.url({ protocol: /^https$/, error: () => t('paymentLinkHttps') })]).default(''),
      /** A PNG or JPEG data URL, drawn in the invoice header. */
      logo: z.string().regex(/^data:image\/(png|jpeg);base64,/, { error: () => t('logoType') }).max(300_000, { error: () => t('logoTooLarge') }).optional(),
    }),
    fallback: { name: '', address: '', taxId: '', email: '', paymentInstructions: '', paymentLink: '' },
  },
  invoiceNumbering: {
    schema: z.object({
      pattern: numberingPattern,
      yearlyReset: z.boolean(),
    }),
    fallback: { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true },
  },
  creditNoteNumbering: {
    schema: z.object({
      pattern: numberingPattern,
      yearlyReset: z.boolean(),
    }),
    fallback: { pattern: 'CN-{YYYY}-{seq:4}', yearlyReset: true },
  },
  invoiceFiles: {
    schema: z.object({
      /** Subfolder of the browser's download folder; empty for the folder itself. */
      folder: z.string().max(100, { error: () => t('folderTooLong') }).regex(/^[^:*?"<>|]*$/, { error: () => t('folderChars') }),
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
  /** What a new project starts with; defaults saved before taxes were part of them read as untaxed. */
  defaults: {
    schema: z.object({
      currency: z.string().refine(isCurrency, { error: () => t('currencyCode') }),
      locale: z.string(),
      terms: paymentTermsSchema,
      invoiceOn: z.enum(['done', 'acceptance']),
      taxes: taxPolicySchema.pick({ mode: true, rates: true }).default({ mode: 'exclusive', rates: [] }),
    }),
    fallback: { currency: 'EUR', locale: 'en', terms: { kind: 'net', days: 14 }, invoiceOn: 'done', taxes: { mode: 'exclusive', rates: [] } },
  },
} as const satisfies Record<string, { schema: z.ZodType; fallback: unknown }>;

type Definitions = typeof settingDefinitions;
export type SettingKey = keyof Definitions;
export type SettingValue<K extends SettingKey> = z.output<Definitions[K]['schema']>;

/** A setting's value until the user saves one. */
export const settingFallback = <K extends SettingKey>(key: K) => settingDefinitions[key].fallback as unknown as SettingValue<K>;

export async function getSetting<K extends SettingKey>(db: MilestoneDatabase, key: K): Promise<SettingValue<K>> {
  const parsed = settingDefinitions[key].schema.safeParse((await db.settings.get(key))?.value);
  return parsed.success ? (parsed.data as SettingValue<K>) : settingFallback(key);
}

/** A setting refused, naming the field the user should change ("pattern", "folder"…). */
export class SettingError extends InputError {
  constructor(readonly field: string | undefined, message: string) {
    super(message);
  }
}

/**
 * The first problem with a setting's value, with the field it concerns: its schema, then what a
 * user may no longer save or restore (a stored value from before is still read, and made safe where used).
 */
export function settingProblem<K extends SettingKey>(key: K, value: unknown): SettingError | undefined {
  const parsed = settingDefinitions[key].schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return new SettingError(issue.path[0] === undefined ? undefined : String(issue.path[0]), issue.message);
  }
  if (key !== 'invoiceFiles') return undefined;
  const folder = validateFolder((parsed.data as SettingValue<'invoiceFiles'>).folder);
  return folder.ok ? undefined : new SettingError('folder', folder.error);
}

/** Every refused field of one setting, for a form that marks each beside its field. */
export function settingFieldProblems<K extends SettingKey>(key: K, value: unknown): SettingError[] {
  const parsed = settingDefinitions[key].schema.safeParse(value);
  if (!parsed.success) return parsed.error.issues.map((issue) => new SettingError(issue.path[0] === undefined ? undefined : String(issue.path[0]), issue.message));
  const problem = settingProblem(key, value);
  return problem ? [problem] : [];
}

const otherSeries = { invoiceNumbering: 'creditNoteNumbering', creditNoteNumbering: 'invoiceNumbering' } as const;
type SeriesKey = keyof typeof otherSeries;

/** A numbering rule that could give a number twice: in two years, or in both series (`other` is the other series' rule). */
export function numberingProblem(key: SeriesKey, rule: NumberingRule, other: NumberingRule): SettingError | undefined {
  const valid = validateRule(rule);
  if (!valid.ok) return new SettingError('pattern', valid.error);
  if (sharedNumber(rule.pattern, other.pattern) === undefined) return undefined;
  return new SettingError('pattern', key === 'invoiceNumbering' ? t('invoiceNumbersRepeat', other.pattern) : t('creditNoteNumbersRepeat', other.pattern));
}

const isSeries = (key: SettingKey): key is SeriesKey => key in otherSeries;

export type SettingValues = { [K in SettingKey]?: SettingValue<K> };

/** Every problem with a set of settings, by setting; numbering is checked against the other series as it will be. */
export async function settingsProblems(db: MilestoneDatabase, values: SettingValues): Promise<{ key: SettingKey; problem: SettingError }[]> {
  const problems: { key: SettingKey; problem: SettingError }[] = [];
  for (const key of Object.keys(values) as SettingKey[]) {
    const value = values[key];
    const problem = settingProblem(key, value)
      ?? (isSeries(key) ? numberingProblem(key, value as NumberingRule, values[otherSeries[key]] ?? (await getSetting(db, otherSeries[key]))) : undefined);
    if (problem) problems.push({ key, problem });
  }
  return problems;
}

/** Saves several settings at once, all or none: the options page's one Save. */
export async function putSettings(db: MilestoneDatabase, values: SettingValues) {
  await db.transaction('rw', db.settings, async () => {
    const [first] = await settingsProblems(db, values);
    if (first) throw first.problem;
    for (const key of Object.keys(values) as SettingKey[]) {
      await db.settings.put({ key, value: settingDefinitions[key].schema.parse(values[key]) });
    }
  });
}

export async function putSetting<K extends SettingKey>(db: MilestoneDatabase, key: K, value: SettingValue<K>) {
  await putSettings(db, { [key]: value } as SettingValues);
}
