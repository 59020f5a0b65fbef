import { z } from 'zod';
import { connectionSchema } from '../connections/entity';
import * as entities from '../db/entities';

/**
 * The backup file: every table but the derived snapshots, invoice PDFs included as base64 with
 * their SHA-256. Its JSON Schema (public/backup.schema.json) is generated from this definition.
 */
export const BACKUP_FORMAT = 'milestone-invoicer-backup';
export const BACKUP_VERSION = 1;

const fileInBackup = entities.invoiceFileSchema.omit({ bytes: true }).extend({ bytes: z.base64() });

export const backupData = z.object({
  clients: z.array(entities.clientSchema),
  projects: z.array(entities.projectSchema),
  milestones: z.array(entities.milestoneSchema),
  boards: z.array(entities.boardSchema),
  cardLinks: z.array(entities.cardLinkSchema),
  invoices: z.array(entities.invoiceSchema),
  invoiceFiles: z.array(fileInBackup),
  payments: z.array(entities.paymentSchema),
  settings: z.array(entities.settingSchema.extend({ value: z.json() })),
  counters: z.array(entities.counterSchema),
  activity: z.array(entities.activitySchema.extend({ id: z.number().int() })),
});

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime(),
  /** Decimals of each currency's amounts (ISO 4217); files from before it used the browser's Intl digits. */
  currencyExponents: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().int().min(0).max(4)).optional(),
  data: backupData,
  /** Connected boards with their tokens: only in a file whose maker chose to include them. */
  connections: z.array(connectionSchema).optional(),
});

export type Backup = z.infer<typeof backupSchema>;
export type BackupTable = keyof Backup['data'];
export const backupTables = Object.keys(backupData.shape) as BackupTable[];

/** The JSON Schema of the file, for other tools (and the README). */
export function backupJsonSchema(): object {
  return z.toJSONSchema(backupSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
}
