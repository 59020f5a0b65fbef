import { v1 } from './v1';

/** Version 2 added the snapshots table; everything of version 1 is unchanged. */
export const v2 = {
  ...v1,
  snapshots: [{ key: 'exposure', asOf: '2026-11-24', value: { asOf: '2026-11-24', byCurrency: [], byProject: [], mostOverdue: [], overdueCount: 0 } }],
};
