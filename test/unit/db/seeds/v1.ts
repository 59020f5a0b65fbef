/** A realistic database as schema version 1 stored it: one row or more in every table. */
export const v1 = {
  clients: [{ id: 'c1', name: 'Acme Retail GmbH', email: 'ap@acme.example', address: 'Hamburg', taxId: 'DE1', currency: 'EUR', locale: 'de-DE', createdAt: 1 }],
  projects: [{
    id: 'p1', clientId: 'c1', name: 'Website', contractRef: 'C-1', currency: 'EUR', total: 1_200_000,
    taxes: { mode: 'exclusive', rates: [{ name: 'VAT', basisPoints: 1900 }], reverseCharge: false },
    terms: { kind: 'net', days: 14 }, invoiceOn: 'done', createdAt: 1,
  }],
  milestones: [
    { id: 'm1', projectId: 'p1', position: 0, title: 'Deposit', deliverable: '', share: { kind: 'percent', basisPoints: 3000 }, amount: 360_000, state: 'invoiced', invoiceId: 'i1' },
    { id: 'm2', projectId: 'p1', position: 1, title: 'Prototype', deliverable: 'Clickable', share: { kind: 'percent', basisPoints: 7000 }, amount: 840_000, state: 'delivered', startedOn: '2026-10-01', deliveredOn: '2026-11-01' },
  ],
  boards: [{ id: 'trello:MiDemo01', host: 'trello', boardId: 'MiDemo01', name: 'Demo', projectId: 'p1', doneColumns: ['Shipped'] }],
  cardLinks: [{ id: 'trello:Pr0toT1p', host: 'trello', boardId: 'MiDemo01', cardId: 'Pr0toT1p', milestoneId: 'm2', title: 'Prototype', url: 'https://trello.com/c/Pr0toT1p/7-p', linkedAt: 2 }],
  invoices: [{
    id: 'i1', kind: 'invoice', number: 'INV-2026-0001', series: 'invoice:2026', sequence: 1, projectId: 'p1', clientId: 'c1', milestoneId: 'm1',
    currency: 'EUR', issueDate: '2026-10-01', supplyDate: '2026-10-01', dueDate: '2026-10-15',
    seller: { name: 'Studio', address: 'Berlin', taxId: 'DE2', email: 's@x.example' }, buyer: { name: 'Acme', address: 'Hamburg', taxId: 'DE1', email: '' },
    lines: [{ description: 'Website: Deposit', amount: 360_000 }], taxLines: [{ name: 'VAT', basisPoints: 1900, base: 360_000, amount: 68_400 }],
    reverseCharge: false, net: 360_000, tax: 68_400, gross: 428_400, createdAt: 3,
  }],
  invoiceFiles: [{ invoiceId: 'i1', bytes: new Uint8Array([37, 80, 68, 70]), sha256: 'a'.repeat(64), filename: 'INV-2026-0001.pdf' }],
  payments: [{ id: 'pay1', invoiceId: 'i1', amount: 100_000, date: '2026-10-10', method: 'Bank transfer', note: '' }],
  settings: [{ key: 'invoiceNumbering', value: { pattern: 'INV-{YYYY}-{seq:4}', yearlyReset: true } }],
  counters: [{ series: 'invoice:2026', last: 1 }],
  activity: [{ id: 1, at: 3, kind: 'issued', projectId: 'p1', milestoneId: 'm1', summary: 'Invoice INV-2026-0001 issued' }],
};
