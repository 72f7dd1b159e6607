import { defineConfig } from 'vitest/config';

// Two projects: `unit` (test/unit: pure logic, no Docker, no network beyond loopback; files run in
// parallel) and `integration` (test/integration: the real CLI, Docker engine, kubectl and helm; each file
// has its own cluster, files run one at a time). `npm run test:unit` runs the first, `npm test` both.
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
          // One file at a time: two at once took 11 instead of ~17 minutes, but a worker blocked in a long
          // spawnSync then missed vitest's RPC deadline ("Timeout calling onTaskUpdate") in one CI run of two.
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
