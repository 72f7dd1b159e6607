import { defineConfig } from 'vitest/config';

// Two projects: `unit` (test/unit: pure logic, no Docker, no network beyond loopback; files run in
// parallel) and `integration` (test/integration: the real CLI, Docker engine, kubectl and helm; each file
// has its own cluster, two files run at a time). `npm run test:unit` runs the first, `npm test` both.
export default defineConfig({
  test: {
    // Two integration files at a time: they mostly wait on Docker and their own deadlines (the machine has 2 cores).
    maxWorkers: 2,
    minWorkers: 1,
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
        },
      },
    ],
  },
});
