import { useState } from 'preact/hooks';
import { plainPdfDelivery, type Client, type EInvoiceDelivery } from '../lib/db/entities';
import { t } from '../lib/ui/i18n';

const formatLabels = (): Record<EInvoiceDelivery['format'], string> => ({
  pdf: 'PDF',
  facturx: t('einvoiceFacturx'),
  'pdf-xml': t('einvoicePdfXml'),
});
const syntaxLabels: Record<EInvoiceDelivery['syntax'], string> = { ubl: 'UBL 2.1', cii: 'UN/CEFACT CII' };
const customizationLabels = (): Record<EInvoiceDelivery['customization'], string> => ({
  en16931: 'EN 16931',
  xrechnung: t('einvoiceXRechnung'),
  peppol: 'Peppol BIS Billing 3.0',
});

/** The client editor's e-invoice part: how the client receives invoices, read back by readEInvoiceFields. */
export function EInvoiceFields({ client }: { client?: Client }) {
  const initial = client?.einvoice ?? plainPdfDelivery;
  const [format, setFormat] = useState(initial.format);
  const [customization, setCustomization] = useState(initial.customization);
  const leitweg = format === 'pdf-xml' && customization === 'xrechnung';
  return (
    <fieldset class="einvoice-fields">
      <legend>{t('einvoice')}</legend>
      <label>{t('einvoiceReceive')}
        <select name="einvoiceFormat" value={format} onChange={(e) => setFormat(e.currentTarget.value as EInvoiceDelivery['format'])}>
          {Object.entries(formatLabels()).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {format === 'pdf-xml' && (
        <div class="two">
          <label>{t('einvoiceXmlFormat')}
            <select name="einvoiceSyntax" defaultValue={initial.syntax}>
              {Object.entries(syntaxLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
          <label>{t('einvoiceRules')}
            <select name="einvoiceCustomization" value={customization} onChange={(e) => setCustomization(e.currentTarget.value as EInvoiceDelivery['customization'])}>
              {Object.entries(customizationLabels()).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
            </select>
          </label>
        </div>
      )}
      {format !== 'pdf' && (
        <label>{leitweg ? t('buyerReferenceLeitweg') : t('buyerReferenceOptional')}
          <input name="buyerReference" defaultValue={initial.buyerReference} maxLength={100} />
        </label>
      )}
    </fieldset>
  );
}

/** The delivery the fields say; fields not shown keep what the client had. */
export function readEInvoiceFields(form: HTMLFormElement, client?: Client): EInvoiceDelivery {
  const previous = client?.einvoice ?? plainPdfDelivery;
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim();
  return {
    format: (value('einvoiceFormat') ?? previous.format) as EInvoiceDelivery['format'],
    syntax: (value('einvoiceSyntax') ?? previous.syntax) as EInvoiceDelivery['syntax'],
    customization: (value('einvoiceCustomization') ?? previous.customization) as EInvoiceDelivery['customization'],
    buyerReference: value('buyerReference') ?? previous.buyerReference,
  };
}
