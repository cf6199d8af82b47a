import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', 'kiosk/ui/dist/**'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Integration and end-to-end tests start servers and browsers; two cores, so keep the pool small.
    maxWorkers: 2,
    // The end-to-end tests run the compiled kiosk: built once, here, for the whole run.
    globalSetup: ['test/support/build-once.ts'],
  },
});
