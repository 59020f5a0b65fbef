import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

const firefoxDir = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

/** Library code paths the linter cannot know we never call: Preact's dangerouslySetInnerHTML, zod's eval probe, jsPDF's HTML plugin. */
const knownLibraryWarnings = new Set(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']);

describe('the Firefox build', () => {
  it('passes web-ext lint with no errors and no warnings about our own code', async () => {
    const { cmd } = await import('web-ext');
    const result = (await cmd.lint({ sourceDir: firefoxDir, output: 'none', selfHosted: false }, { shouldExitProgram: false })) as {
      errors: unknown[];
      warnings: { code: string; file: string }[];
    };
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((warning) => !knownLibraryWarnings.has(warning.code))).toEqual([]);
  });

  it('shows the workspace as a sidebar and asks for no Chrome-only permission', () => {
    const manifest = JSON.parse(readFileSync(`${firefoxDir}/manifest.json`, 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.permissions).not.toContain('sidePanel');
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });

  // web-ext leaves its Firefox running when the add-on is refused: stop any it started.
  afterAll(() => void execSync('pkill -f -- "[-]start-debugger-server" || true'));

  // CI installs Firefox ESR (.ci/run); elsewhere this runs when Firefox is there.
  const firefox = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => existsSync(path));
  it.skipIf(!firefox && !process.env.CI)('loads in Firefox as a temporary add-on', async () => {
    const { cmd } = await import('web-ext');
    // Rejects if Firefox refuses the add-on (bad manifest, missing files, wrong permissions).
    const runner = await cmd.run(
      { sourceDir: firefoxDir, firefox: firefox!, noInput: true, noReload: true, args: ['--headless'], target: ['firefox-desktop'] },
      { shouldExitProgram: false },
    );
    await runner.exit();
  }, 90_000);
});
