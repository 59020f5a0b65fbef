import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

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
});
