// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/preact-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClientEditor } from '../../../components/ClientEditor';
import { EInvoiceDownloads } from '../../../components/EInvoiceDownloads';
import { saveClient } from '../../../lib/db/clients';
import { freshDatabase } from '../db/helpers';

afterEach(cleanup);
const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save client' }));
const client = { name: 'Acme Retail GmbH', email: '', address: 'Hafenstraße 3\n20457 Hamburg\nGermany', taxId: 'DE987654321', currency: 'EUR', locale: 'de-DE' };

describe('client editor: how they receive e-invoices', () => {
  it('saves Factur-X with their buyer reference', async () => {
    const db = freshDatabase();
    const saved = await saveClient(db, client);
    const onDone = vi.fn();
    render(<ClientEditor db={db} client={saved} onDone={onDone} />);
    expect(screen.getByLabelText<HTMLSelectElement>('How they receive invoices').value).toBe('pdf');
    expect(screen.queryByLabelText(/Buyer reference/)).toBeNull();
    choose('How they receive invoices', 'facturx');
    type(/Buyer reference/, 'PO-4711');
    save();
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect((await db.clients.get(saved.id))!.einvoice).toEqual({ format: 'facturx', syntax: 'cii', customization: 'en16931', buyerReference: 'PO-4711' });
  });

  it('refuses XRechnung XML without the Leitweg-ID, saying so, and saves nothing', async () => {
    const db = freshDatabase();
    const saved = await saveClient(db, client);
    const onDone = vi.fn();
    render(<ClientEditor db={db} client={saved} onDone={onDone} />);
    choose('How they receive invoices', 'pdf-xml');
    choose('XML format', 'ubl');
    choose('Rules it follows', 'xrechnung');
    expect(screen.getByLabelText('Buyer reference (Leitweg-ID, required)')).toBeTruthy();
    save();
    expect((await screen.findByRole('alert')).textContent).toContain('XRechnung needs the buyer reference (Leitweg-ID) the client gave you');
    expect(onDone).not.toHaveBeenCalled();
    expect((await db.clients.get(saved.id))!.einvoice).toBeUndefined();
  });
});

describe('invoice row: e-invoice downloads', () => {
  it.each([
    [{ format: 'facturx', syntax: 'cii', customization: 'en16931', buyerReference: '' }, ['Download Factur-X PDF']],
    [{ format: 'pdf-xml', syntax: 'ubl', customization: 'peppol', buyerReference: '' }, ['Download XML (UBL)']],
    [{ format: 'pdf', syntax: 'cii', customization: 'en16931', buyerReference: '' }, []],
  ] as const)('offers what the client chose (%o)', async (einvoice, labels) => {
    const db = freshDatabase();
    const saved = await saveClient(db, { ...client, einvoice });
    const onDownload = vi.fn();
    const queries = new QueryClient();
    render(<QueryClientProvider client={queries}><EInvoiceDownloads db={db} clientId={saved.id} disabled={false} onDownload={onDownload} /></QueryClientProvider>);
    // The clients are read before anything is judged, so "no button" means the PDF alone, not "not loaded yet".
    await waitFor(() => {
      expect(queries.getQueryState(['clients'])?.status).toBe('success');
      expect(screen.queryAllByRole('button').map((button) => button.textContent)).toEqual(labels);
    });
    if (labels.length) fireEvent.click(screen.getByRole('button', { name: labels[0] }));
    expect(onDownload).toHaveBeenCalledTimes(labels.length);
  });
});
