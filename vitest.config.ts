import { defineConfig } from 'vitest/config'

// Test projects by how long they take (ARCHITECTURE.md "Tests, by how long they take").
// No retries anywhere: a failing test is never retried into a pass.
export default defineConfig({
  test: {
    retry: 0,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A browser on a busy 2-core machine can take more than the default 1 s to show a change;
          // a poll still fails fast when the change never comes.
          expect: { poll: { timeout: 10_000, interval: 50 } },
        },
      },
      { test: { name: 'chaos', include: ['test/chaos/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 30_000 } },
    ],
  },
})
