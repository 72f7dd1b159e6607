// The torture suite's CI size (`node scripts/torture.mjs --short`): lock and CLI stampedes, writes under SIGKILL,
// SIGKILL mid-rollout, WAL/snapshot corruption (API fuzzing and faults behind kbx's back are test/unit/api-fuzz.test.ts
// and faults.test.ts in the same suite) — every scenario with no failure and no
// acknowledged write lost. (`npm run torture` is the full size; its figures are in the README.)
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './harness.js';

describe('npm run torture -- --short', () => {
  it('every scenario: trials, no failures, no acknowledged write lost', { timeout: 180_000 }, () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'torture.mjs'), '--short'], { cwd: ROOT, encoding: 'utf8', timeout: 170_000 });
    console.log(r.stdout);
    expect(r.stdout).toContain('no failures, no acknowledged write lost');
    for (const s of ['stampede', 'kill9', 'crash', 'corruption']) expect(r.stdout).toMatch(new RegExp(`^${s} +trials +[1-9]\\d* +failures 0 +acknowledged writes lost 0`, 'm'));
    expect(r.status, r.stderr).toBe(0);
  });
});
