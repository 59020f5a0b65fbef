import { defineConfig } from 'vitest/config';

// JSX is compiled by esbuild with tsconfig's jsxImportSource (preact), so no Vite plugin is needed.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/setup.ts'],
          // The EN 16931 rules are compiled once per run (cached across runs), not once per test file.
          globalSetup: ['test/unit/einvoice/compile-rules.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One Chromium at a time: CI has two cores.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          // A move reaches the user as an invoice after the 400 ms settle, a service-worker wake and a
          // PDF render: seconds on a busy two-core machine, so polls wait up to 15 s (they end at success).
          expect: { poll: { timeout: 15_000 } },
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
