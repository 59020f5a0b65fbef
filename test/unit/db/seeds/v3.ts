import { v2 } from './v2';

/** Version 3 added the register of issued numbers; everything of version 2 is unchanged. */
export const v3 = {
  ...v2,
  issuedNumbers: [{ number: 'INV-2026-0001', invoiceId: 'i1' }],
};
