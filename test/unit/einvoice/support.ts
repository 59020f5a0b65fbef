import type { TaxPolicy } from '../../../lib/billing/tax';
import { advanceMilestone } from '../../../lib/db/milestones';
import { putSetting } from '../../../lib/db/settings';
import type { EngineContext } from '../../../lib/invoicing/engine';
import { clientAndProject, freshDatabase } from '../db/helpers';
import { testFonts } from '../invoicing/support';

export const seller = {
  name: 'Northwind Design Studio', address: 'Kastanienallee 12\n10435 Berlin\nGermany', taxId: 'DE123456789', email: 'billing@northwind.example',
  paymentInstructions: 'IBAN DE89 3704 0044 0532 0130 00', paymentLink: '',
};

/** Standard 19 %, reduced 7 %, an exempt rate with its wording: the project's taxes for mixed lines. */
export const mixedRates = (mode: TaxPolicy['mode'] = 'exclusive'): TaxPolicy => ({
  mode,
  reverseCharge: false,
  rates: [
    { name: 'VAT', basisPoints: 1900, category: 'standard' },
    { name: 'VAT', basisPoints: 700, category: 'reduced' },
    { name: 'VAT', basisPoints: 0, category: 'exempt', exemption: 'Exempt under § 4 Nr. 21 UStG (schooling)' },
  ],
});

/** A German seller, a client in Hamburg and a 12,000 EUR contract, 30/40/30, with the given taxes. */
export async function contract(taxes: TaxPolicy, client: { address?: string; taxId?: string } = {}) {
  const db = freshDatabase();
  const made = await clientAndProject(db, {
    total: 1_200_000,
    contractRef: 'ACME-2026-07',
    taxes,
    milestones: [
      { title: 'Upfront deposit', share: { kind: 'percent', basisPoints: 3000 } },
      { title: 'Functional prototype', share: { kind: 'percent', basisPoints: 4000 } },
      { title: 'Final delivery', share: { kind: 'percent', basisPoints: 3000 } },
    ],
  });
  await db.clients.update(made.client.id, { address: client.address ?? 'Hafenstraße 3\n20457 Hamburg\nGermany', taxId: client.taxId ?? 'DE987654321' });
  await putSetting(db, 'businessProfile', seller);
  const ctx: EngineContext = { db, fonts: testFonts, today: '2026-11-24', locale: 'en-US', now: 1_000 };
  const [deposit, prototype, final] = made.milestones.map((m) => m.id) as [string, string, string];
  const deliver = (id: string) => advanceMilestone(db, id, 'delivered', '2026-11-20');
  return { db, ctx, deposit, prototype, final, deliver, client: made.client, project: made.project };
}

