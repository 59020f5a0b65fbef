import { v5 } from './v5';

/** Version 6 gave clients their e-invoice delivery: format, XML syntax and customisation, buyer reference. */
export const v6 = {
  ...v5,
  clients: v5.clients.map((client) => ({
    ...client,
    einvoice: { format: 'pdf-xml', syntax: 'ubl', customization: 'xrechnung', buyerReference: '04011000-12345-34' },
  })),
};
