import { addDays, localDate } from '../billing/dates';
import { milestoneInvoiceDraft } from '../billing/invoice-draft';
import { bindBoard, linkCard } from '../db/boards';
import { saveClient } from '../db/clients';
import type { MilestoneDatabase } from '../db/database';
import { issueInvoice } from '../db/invoices';
import { recordPayment } from '../db/payments';
import { createProject, listProjects } from '../db/projects';
import { advanceMilestone } from '../db/milestones';
import { getSetting, putSetting } from '../db/settings';
import { demoBoard } from './board';

/**
 * Fills an empty database with a sample studio: one client, a 30/40/30 project bound to the demo
 * Trello board, an overdue part-paid deposit and a delivered prototype. Never touches real data:
 * on a database that already has projects it does nothing.
 */
export async function seedDemo(db: MilestoneDatabase, now: Date): Promise<{ seeded: boolean }> {
  if ((await listProjects(db)).length > 0) return { seeded: false };
  const today = localDate(now);

  await putSetting(db, 'businessProfile', {
    name: 'Northwind Design Studio',
    address: 'Kastanienallee 12\n10435 Berlin\nGermany',
    taxId: 'DE123456789',
    email: 'billing@northwind.example',
    paymentInstructions: 'Northwind Design Studio, Commerzbank Berlin',
    iban: 'DE89370400440532013000',
    bic: 'COBADEFFXXX',
    paymentLink: 'https://pay.northwind.example/acme',
  });
  const client = await saveClient(db, {
    name: 'Acme Retail GmbH',
    email: 'accounts@acme.example',
    address: 'Hafenstraße 3\n20457 Hamburg\nGermany',
    taxId: 'DE987654321',
    currency: 'EUR',
    locale: 'de-DE',
  });
  const { project, milestones } = await createProject(db, {
    clientId: client.id,
    name: 'Acme website redesign',
    contractRef: 'ACME-2026-07',
    currency: 'EUR',
    total: 1_200_000,
    taxes: { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 1900 }], reverseCharge: false },
    terms: { kind: 'net', days: 14 },
    invoiceOn: 'done',
    milestones: [
      { title: 'Upfront deposit', share: { kind: 'percent', basisPoints: 3000 } },
      { title: 'Functional prototype', deliverable: 'Clickable prototype of all page templates', share: { kind: 'percent', basisPoints: 4000 } },
      { title: 'Final delivery', deliverable: 'Production site live and handed over', share: { kind: 'percent', basisPoints: 3000 } },
    ],
  });
  const [deposit, prototype, final] = milestones as [typeof milestones[0], typeof milestones[0], typeof milestones[0]];

  await bindBoard(db, { host: 'trello', boardId: demoBoard.boardId, name: demoBoard.name, projectId: project.id });
  for (const card of demoBoard.linkedCards) {
    const milestoneId = card.milestone === 'prototype' ? prototype.id : final.id;
    await linkCard(db, { host: 'trello', boardId: demoBoard.boardId, cardId: card.cardId, milestoneId, title: card.title, url: card.url });
  }

  const seller = await getSetting(db, 'businessProfile');
  const depositDay = addDays(today, -40);
  const { invoice } = await issueInvoice(
    db,
    milestoneInvoiceDraft({ seller, buyer: client, project, milestone: deposit, issueDate: depositDay, supplyDate: depositDay }),
    await getSetting(db, 'invoiceNumbering'),
  );
  await recordPayment(db, { invoiceId: invoice.id, amount: 150_000, date: addDays(today, -20), method: 'Bank transfer', note: '' });
  await advanceMilestone(db, prototype.id, 'in-progress', addDays(today, -30));
  await advanceMilestone(db, prototype.id, 'delivered', addDays(today, -3));
  await advanceMilestone(db, final.id, 'in-progress', addDays(today, -2));
  return { seeded: true };
}
