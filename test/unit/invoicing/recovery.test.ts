import { afterEach, describe, expect, it, vi } from 'vitest';
import { bindBoard, linkCard } from '../../../lib/db/boards';
import { attachInvoiceFile } from '../../../lib/db/invoices';
import { putSetting } from '../../../lib/db/settings';
import { invoiceMilestone, invoicePdf } from '../../../lib/invoicing/engine';
import { saveMissingPdfs } from '../../../lib/invoicing/service';
import { createRouter } from '../../../lib/messaging/router';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { handlerContext } from '../messaging/context';
import { pdfText } from './support';

// The PDF write is the step a full disk or a stopped worker interrupts: let each test make it fail.
vi.mock('../../../lib/db/invoices', async (original) => {
  const actual = await original<typeof import('../../../lib/db/invoices')>();
  return { ...actual, attachInvoiceFile: vi.fn(actual.attachInvoiceFile) };
});
const attach = vi.mocked(attachInvoiceFile);
const diskFull = () => attach.mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

const trust = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const fromPage = { id: 'ext', url: 'chrome-extension://ext/sidepanel.html' };
const fromTrello = { id: 'ext', url: 'https://trello.com/b/B1aaaaaa/board', frameId: 0, tabId: 1 };
const profile = { name: 'Northwind', address: 'Berlin', taxId: 'DE1', email: '', paymentInstructions: 'IBAN DE89', paymentLink: '' };

async function setup() {
  const db = freshDatabase();
  const made = await clientAndProject(db);
  await putSetting(db, 'businessProfile', profile);
  const ctx = handlerContext(db);
  return { db, ctx, route: createRouter(ctx, trust), ...made };
}

afterEach(() => vi.useRealTimers());

describe('an invoice whose PDF was not stored', () => {
  it('is rendered again byte for byte as its first rendering, however later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { db, ctx, milestones } = await setup();
    const first = await invoiceMilestone(ctx.invoices.engine(), milestones[0]!.id);
    await db.invoiceFiles.clear();
    vi.setSystemTime(new Date('2027-03-01T23:59:59Z'));
    const again = await invoicePdf(ctx.invoices.engine(), first.invoice.id);
    expect(again.file.sha256).toBe(first.file.sha256);
    expect(again.file.bytes).toEqual(first.file.bytes);
    expect(again.file.filename).toBe(first.file.filename);
  });

  it('keeps the invoice when the PDF write fails, says so plainly, and stores the PDF on the next download', async () => {
    const { db, ctx, route, milestones } = await setup();
    diskFull();
    const reply = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id } }, fromPage);
    expect(reply).toEqual({
      ok: false,
      error: 'INV-2026-0001 was issued; saving its PDF failed: the browser’s storage is full. It will be saved again when you download it.',
    });
    const [invoice] = await db.invoices.toArray();
    expect(invoice).toMatchObject({ number: 'INV-2026-0001', gross: 39_600 });
    expect((await db.milestones.get(milestones[0]!.id))!.invoiceId).toBe(invoice!.id);
    expect(await db.invoiceFiles.count()).toBe(0);

    const downloaded = await route({ type: 'invoice.download', payload: { invoiceId: invoice!.id } }, fromPage);
    const stored = (await db.invoiceFiles.get(invoice!.id))!;
    expect(downloaded).toEqual({ ok: true, value: { sha256: stored.sha256 } });
    expect(ctx.sent.downloads).toEqual([{ filename: 'Invoices/INV-2026-0001 Acme Retail GmbH - Deposit.pdf', bytes: stored.bytes.length }]);
    const [page] = await pdfText(stored.bytes);
    expect(page).toContain('INV-2026-0001');
    expect(page).toContain('396,00 €');
    expect(await db.invoices.count()).toBe(1);
  });

  it('keeps a credit note whose PDF write failed, and renders it on download', async () => {
    const { db, route, milestones } = await setup();
    const issued = await route({ type: 'milestone.invoice', payload: { milestoneId: milestones[0]!.id } }, fromPage);
    const invoiceId = issued.ok ? (issued.value as { invoiceId: string }).invoiceId : '';
    diskFull();
    const voided = await route({ type: 'invoice.void', payload: { invoiceId } }, fromPage);
    expect(voided).toEqual({ ok: false, error: expect.stringMatching(/^CN-2026-0001 was issued; saving its PDF failed: the browser’s storage is full\./) });
    const creditNote = (await db.invoices.where('kind').equals('credit-note').first())!;
    expect((await db.invoices.get(invoiceId))!.voidedBy).toBe(creditNote.id);

    expect(await route({ type: 'invoice.download', payload: { invoiceId: creditNote.id } }, fromPage)).toMatchObject({ ok: true });
    const [page] = await pdfText((await db.invoiceFiles.get(creditNote.id))!.bytes);
    expect(page).toContain('CN-2026-0001');
    expect(page).toContain('INV-2026-0001');
  });

  it('tells the user of a delivered card that the invoice was issued but its PDF not saved', async () => {
    const { db, ctx, route, project, milestones } = await setup();
    await bindBoard(db, { host: 'trello', boardId: 'B1aaaaaa', name: 'Board', projectId: project.id });
    await linkCard(db, { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1', milestoneId: milestones[1]!.id, title: 'Proto', url: 'https://trello.com/c/C1aaaaaa/1-p' });
    diskFull();
    const placed = await route({ type: 'card.placed', payload: { host: 'trello', boardId: 'B1aaaaaa', cardId: 'C1', column: 'Done' } }, fromTrello);
    expect(placed).toEqual({ ok: true, value: 'delivered' });
    expect(ctx.sent.notices).toEqual([
      {
        title: '“Prototype” delivered and invoiced',
        message: 'INV-2026-0001 was issued; saving its PDF failed: the browser’s storage is full. It will be saved again when you download it.',
      },
    ]);
  });

  it('is saved and announced at the next start of the worker, once; invoices issued since are left alone', async () => {
    const { db, ctx, milestones } = await setup();
    diskFull();
    await expect(invoiceMilestone(ctx.invoices.engine(), milestones[0]!.id)).rejects.toThrow(/INV-2026-0001 was issued/);
    const startedAt = ctx.now().getTime() + 1;
    const issuedSince = { ...ctx.invoices, engine: () => ({ ...ctx.invoices.engine(), now: startedAt + 5 }) };
    diskFull();
    await expect(invoiceMilestone(issuedSince.engine(), milestones[1]!.id)).rejects.toThrow(/INV-2026-0002 was issued/);

    expect(await saveMissingPdfs(ctx.invoices, startedAt)).toEqual(['INV-2026-0001']);
    expect(ctx.sent.issued).toEqual([{ number: 'INV-2026-0001', folder: 'Invoices', now: true }]);
    const [stored] = await db.invoiceFiles.toArray();
    expect((await db.invoices.get(stored!.invoiceId))!.number).toBe('INV-2026-0001');
    expect(await saveMissingPdfs(ctx.invoices, startedAt)).toEqual([]);
    expect(ctx.sent.issued).toHaveLength(1);
  });
});
