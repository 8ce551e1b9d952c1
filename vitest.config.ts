import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'core/**/*.test.ts',
      'bot/**/*.test.ts',
      'server/**/*.test.ts',
      'tab/**/*.test.ts',
      'tests/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['tests/support/global-setup.ts'],
    // Every language is loaded, as the server loads them (server/http/app.ts); the tab's own
    // loading is tested in tab/src/i18n/load-messages.test.ts.
    setupFiles: ['core/i18n/all-locales.ts'],
    testTimeout: 60_000,
    // Browser and process tests poll for what a person would see; on a busy 2-core machine that
    // can take longer than vitest's 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
  },
});
