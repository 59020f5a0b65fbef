import { useQuery } from '@tanstack/preact-query';
import type { MilestoneDatabase } from '../lib/db/database';
import { plainPdfDelivery } from '../lib/db/entities';
import { offeredKinds, type EInvoiceKind } from '../lib/invoicing/einvoice/kinds';
import { queries } from '../lib/ui/queries';
import { t } from '../lib/ui/i18n';

const labels = (): Record<EInvoiceKind, string> => ({ facturx: t('downloadFacturx'), ubl: t('downloadUbl'), cii: t('downloadCii') });

/** An invoice row's e-invoice downloads: those its client's delivery format asks for, none for the PDF alone. */
export function EInvoiceDownloads({ db, clientId, disabled, onDownload }: { db: MilestoneDatabase; clientId: string; disabled: boolean; onDownload: (kind: EInvoiceKind) => void }) {
  const clients = useQuery(queries.clients(db));
  const delivery = clients.data?.find((client) => client.id === clientId)?.einvoice ?? plainPdfDelivery;
  return (
    <>
      {offeredKinds(delivery).map((kind) => <button key={kind} disabled={disabled} onClick={() => onDownload(kind)}>{labels()[kind]}</button>)}
    </>
  );
}
