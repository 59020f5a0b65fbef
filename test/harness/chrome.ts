import { existsSync } from 'node:fs';

/** Where Chrome or Chromium usually lives; CHROME_PATH wins. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return candidates.find((path) => existsSync(path)) ?? null;
}

export const installHint = [
  'No Chrome or Chromium was found.',
  'Install one, for example:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium',
  '  macOS:         brew install --cask chromium',
  'or point CHROME_PATH at an existing Chrome or Chromium binary.',
  'Note: branded Google Chrome 137+ ignores --load-extension; Chromium works.',
].join('\n');
