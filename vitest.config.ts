import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    hookTimeout: 20000,
    // better-sqlite3 is a native addon: forks isolate it more safely than worker threads.
    pool: 'forks',
  },
});
