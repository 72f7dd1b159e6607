import { defineConfig } from 'vitest/config';

// Two projects: `unit` (test/unit: pure logic, no Docker, no network beyond loopback; files run in
// parallel) and `integration` (test/integration: the real CLI, Docker engine, kubectl and helm; files
// run one at a time because they share one Docker engine on 2 cores). `npm run test:unit` runs the
// first, `npm test` both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          pool: 'threads',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          poolOptions: { forks: { maxForks: 2, minForks: 1 } },
        },
      },
    ],
  },
});
