// package-lock.json carries every platform's optional packages (rollup's and esbuild's native binaries), so
// `npm ci` installs unchanged on macOS and Linux, arm64 and x64, whichever machine last wrote the lock.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const lock = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as { packages: Record<string, { optionalDependencies?: Record<string, string>; os?: string[]; cpu?: string[] }> };
const pkgs = lock.packages;

/** Where node would find `dep` from the package at `from` (its node_modules, then each parent's). */
function resolves(from: string, dep: string): boolean {
  let base = from;
  for (;;) {
    if (pkgs[`${base ? base + '/' : ''}node_modules/${dep}`]) return true;
    if (!base) return false;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

describe('package-lock.json', () => {
  it('every optional dependency of every package has its entry', () => {
    const missing: string[] = [];
    for (const [p, v] of Object.entries(pkgs)) for (const d of Object.keys(v.optionalDependencies ?? {})) if (!resolves(p, d)) missing.push(`${p} → ${d}`);
    expect(missing).toEqual([]);
  });

  it.each([
    ['darwin', 'arm64'],
    ['darwin', 'x64'],
    ['linux', 'arm64'],
    ['linux', 'x64'],
  ])('rollup and esbuild have a native package for %s/%s', (os, cpu) => {
    for (const prefix of ['node_modules/@rollup/rollup-', 'node_modules/@esbuild/']) {
      const fits = Object.entries(pkgs).filter(([p, v]) => p.startsWith(prefix) && v.os?.includes(os) && v.cpu?.includes(cpu));
      expect(fits.length, `${prefix}* for ${os}/${cpu}`).toBeGreaterThan(0);
    }
  });
});
