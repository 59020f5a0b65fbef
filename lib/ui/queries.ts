import { QueryClient, queryOptions } from '@tanstack/preact-query';
import Dexie from 'dexie';
import type { IsoDate } from '../billing/dates';
import type { MilestoneDatabase } from '../db/database';
import { exposureSummary } from '../db/exposure';
import { projectActivity } from '../db/activity';
import { boardState } from '../db/boards';
import { listClients } from '../db/clients';
import type { BoardHost } from '../db/entities';
import { invoiceFile, projectInvoices } from '../db/invoices';
import { refundablePayments } from '../db/payments';
import { listInvoices } from '../db/invoice-list';
import { listProjects, projectDetail } from '../db/projects';
import { getSetting, type SettingKey } from '../db/settings';

/** Query keys and loaders for the pages, derived in one place. */
export const queries = {
  exposure: (db: MilestoneDatabase, asOf: IsoDate) =>
    queryOptions({ queryKey: ['exposure', asOf], queryFn: () => exposureSummary(db, asOf) }),
  projects: (db: MilestoneDatabase) => queryOptions({ queryKey: ['projects'], queryFn: () => listProjects(db) }),
  clients: (db: MilestoneDatabase) => queryOptions({ queryKey: ['clients'], queryFn: () => listClients(db) }),
  projectDetail: (db: MilestoneDatabase, id: string) =>
    queryOptions({ queryKey: ['projects', id], queryFn: async () => (await projectDetail(db, id)) ?? null }),
  board: (db: MilestoneDatabase, host: BoardHost, boardId: string) =>
    queryOptions({ queryKey: ['boards', host, boardId], queryFn: async () => (await boardState(db, host, boardId)).board }),
  activity: (db: MilestoneDatabase, projectId: string) =>
    queryOptions({ queryKey: ['projects', projectId, 'activity'], queryFn: () => projectActivity(db, projectId) }),
  projectInvoices: (db: MilestoneDatabase, projectId: string) =>
    queryOptions({ queryKey: ['projects', projectId, 'invoices'], queryFn: () => projectInvoices(db, projectId) }),
  invoiceList: (db: MilestoneDatabase, today: IsoDate) =>
    queryOptions({ queryKey: ['invoices', today], queryFn: () => listInvoices(db, today) }),
  /** The stored PDF of one document; null until its PDF is stored. */
  invoiceFile: (db: MilestoneDatabase, invoiceId: string) =>
    queryOptions({ queryKey: ['invoices', 'file', invoiceId], queryFn: async () => (await invoiceFile(db, invoiceId)) ?? null }),
  /** An invoice's payments that can still be refunded. */
  refundablePayments: (db: MilestoneDatabase, invoiceId: string) =>
    queryOptions({ queryKey: ['invoices', 'refundable', invoiceId], queryFn: () => refundablePayments(db, invoiceId) }),
  setting: <K extends SettingKey>(db: MilestoneDatabase, key: K) =>
    queryOptions({ queryKey: ['settings', key], queryFn: () => getSetting(db, key) }),
};

/**
 * A query client for local data: no retries or network checks, and every query refetched when
 * any context (another page, the service worker) writes to the database.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: { queries: { networkMode: 'always', retry: false, staleTime: Infinity } },
  });
  Dexie.on('storagemutated', () => void client.invalidateQueries());
  return client;
}
