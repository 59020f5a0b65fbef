/**
 * `npm start`: opens Chromium with the built extension on the bundled demo Trello board, with
 * demo data loaded. `npm start -- --headless --screenshot demo.png` works without a display;
 * `npm start -- --lang=de` starts the browser in German (or fr).
 */
import { parseArgs } from 'node:util';
import { launchExtension } from './browser';
import { fixtures } from './fixtures';

const { values } = parseArgs({
  options: { headless: { type: 'boolean', default: false }, screenshot: { type: 'string' }, lang: { type: 'string' } },
});
const headless = values.headless ?? false;

if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. On a machine without one, run:\n  npm start -- --headless --screenshot demo.png');
  process.exit(1);
}

try {
  const browser = await launchExtension({ headless, language: values.lang });
  const seeder = await browser.extensionPage('options.html');
  await seeder.evaluate(() => chrome.runtime.sendMessage({ type: 'demo.seed', payload: {} }));
  await seeder.close();

  const board = browser.context.pages()[0] ?? (await browser.context.newPage());
  await board.goto(fixtures.trelloBoard.url);
  await board.locator('milestone-invoicer-badge').first().waitFor();

  if (values.screenshot) {
    await board.screenshot({ path: values.screenshot });
    console.log(`Saved a screenshot of the demo board to ${values.screenshot}`);
  }
  if (headless) {
    await browser.close();
  } else {
    console.log(
      [
        'Milestone Invoicer is running on the demo Trello board with sample data.',
        'Click the puzzle-piece icon, pin Milestone Invoicer, and open its popup; Alt+Shift+M opens the workspace.',
        'Close the browser window to stop.',
      ].join('\n'),
    );
    await new Promise((resolve) => browser.context.on('close', resolve));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
