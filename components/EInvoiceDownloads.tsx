import { useQuery } from '@tanstack/preact-query';
import type { MilestoneDatabase } from '../lib/db/database';
import { plainPdfDelivery } from '../lib/db/entities';
import { offeredKinds, type EInvoiceKind } from '../lib/invoicing/einvoice/kinds';
import { queries } from '../lib/ui/queries';

const labels: Record<EInvoiceKind, string> = { facturx: 'Download Factur-X PDF', ubl: 'Download XML (UBL)', cii: 'Download XML (CII)' };

/** An invoice row's e-invoice downloads: those its client's delivery format asks for, none for the PDF alone. */
export function EInvoiceDownloads({ db, clientId, disabled, onDownload }: { db: MilestoneDatabase; clientId: string; disabled: boolean; onDownload: (kind: EInvoiceKind) => void }) {
  const clients = useQuery(queries.clients(db));
  const delivery = clients.data?.find((client) => client.id === clientId)?.einvoice ?? plainPdfDelivery;
  return (
    <>
      {offeredKinds(delivery).map((kind) => <button key={kind} disabled={disabled} onClick={() => onDownload(kind)}>{labels[kind]}</button>)}
    </>
  );
}
