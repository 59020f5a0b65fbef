import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  // Explicit imports only: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Milestone Invoicer',
    description:
      'Milestone billing on your Trello, GitHub Projects and Notion boards: an invoice when a card reaches Done, unpaid exposure at a glance.',
    permissions: browser === 'firefox' ? [] : ['sidePanel'],
    commands: {
      'open-workspace': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Open the Milestone Invoicer workspace',
      },
    },
    action: { default_title: 'Milestone Invoicer: unpaid exposure' },
    browser_specific_settings:
      browser === 'firefox' ? { gecko: { id: 'milestone-invoicer@example.org' } } : undefined,
  }),
});
