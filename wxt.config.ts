import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { GITHUB_PROJECT_MATCHES } from './lib/boards/github/pages';
import { FONT_FILES } from './lib/invoicing/fonts';
import { invoiceFontFiles } from './lib/invoicing/font-subset';

export default defineConfig({
  // Explicit imports only: a newcomer can follow every name to its file.
  imports: false,
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: Object.fromEntries(['html2canvas', 'dompurify', 'canvg'].map((name) => [name, resolve('lib/invoicing/jspdf-unused.ts')])),
    },
  }),
  hooks: {
    // The invoice fonts come from npm, cut to the scripts invoices print (see font-subset.ts).
    'build:publicAssets': async (wxt, files) => {
      const dir = join(wxt.config.wxtDir, 'fonts');
      await mkdir(dir, { recursive: true });
      for (const [face, bytes] of Object.entries(await invoiceFontFiles())) {
        const file = FONT_FILES[face as keyof typeof FONT_FILES];
        await writeFile(join(dir, file), bytes);
        files.push({ absoluteSrc: join(dir, file), relativeDest: `fonts/${file}` });
      }
    },
    // The dormant GitHub script (entrypoints/github-wake.ts) runs on every other github.com page.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['https://github.com/*'], exclude_matches: GITHUB_PROJECT_MATCHES, js: ['github-wake.js'] },
      ];
    },
  },
  manifest: ({ browser }) => ({
    // Texts come from public/_locales in the browser's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['alarms', 'downloads', 'notifications', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // Injecting the GitHub integration when a project is reached by soft navigation.
    host_permissions: ['https://github.com/*'],
    // A board's own API, asked for only when the user connects that board (lib/connections/).
    optional_host_permissions: ['https://api.trello.com/*', 'https://api.github.com/*', 'https://api.notion.com/*'],
    commands: {
      'open-workspace': {
        suggested_key: { default: 'Alt+Shift+M' },
        description: '__MSG_commandOpenWorkspace__',
      },
    },
    action: { default_title: '__MSG_actionTitle__' },
    browser_specific_settings:
      browser === 'firefox'
        ? // Nothing leaves the machine, so Firefox is told no data is collected.
          { gecko: { id: 'milestone-invoicer@example.org', data_collection_permissions: { required: ['none'] } } }
        : undefined,
  }),
});
