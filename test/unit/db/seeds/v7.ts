import { v6 } from './v6';

/** Version 7 added boards connected to their own API. */
export const v7 = {
  ...v6,
  connections: [
    {
      id: 'trello:AbC123xy',
      host: 'trello',
      boardId: 'AbC123xy',
      credentials: { key: '0123456789abcdef0123456789abcdef', token: 'ATTA0123456789abcdef' },
      state: 'token-expired',
      message: 'Trello refused the token: it has expired or was revoked',
      connectedAt: 1_764_000_000_000,
      checkedAt: 1_764_000_300_000,
      disagreements: [{ cardId: 'Zx9Yw8Vu', pageColumn: 'Done', apiColumn: 'Doing', at: 1_764_000_200_000 }],
    },
  ],
};
