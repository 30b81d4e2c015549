import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // The CLI tests start real processes; a loaded 2-core machine needs headroom.
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
