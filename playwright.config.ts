import { defineConfig } from '@playwright/test';
import type { Target } from './tests/e2e/support/app.ts';
import { electronBinary } from './tests/e2e/support/targets.ts';

// The same specs run in Debian's Chromium against the loopback bridge, and — where an Electron
// binary exists (a developer laptop) — in the real app through Playwright's Electron launcher.
export default defineConfig<{ target: Target }>({
  testDir: 'tests/e2e',
  tsconfig: './tsconfig.playwright.json',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', use: { target: 'chromium' as const } },
    ...(electronBinary() ? [{ name: 'electron', use: { target: 'electron' as const } }] : []),
  ],
});
