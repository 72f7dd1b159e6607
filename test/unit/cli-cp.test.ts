// kbx cp's pure parts: file specs, the tar archives, where unpacked entries go.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileSpec, localEntries, untarTargets } from '../../src/cli/commands/cp.js';
import { packTar, unpackTar } from '../../src/cli/tar.js';

describe('fileSpec', () => {
  it.each([
    ['pod:/tmp/x', { pod: 'pod', file: '/tmp/x' }],
    ['ns/pod:/tmp/x', { namespace: 'ns', pod: 'pod', file: '/tmp/x' }],
    ['./local', { file: './local' }],
  ])('%s', (arg, want) => expect(fileSpec(arg)).toEqual(want));
  it('refuses a/b/c:x', () => expect(() => fileSpec('a/b/c:x')).toThrow('unexpected fileSpec format: a/b/c:x'));
});

describe('tar', () => {
  const long = `${'d'.repeat(120)}/${'f'.repeat(90)}`;
  const entries = [
    { name: 'dir', type: 'dir' as const, mode: 0o755, mtime: 1_700_000_000, data: Buffer.alloc(0) },
    { name: 'dir/a.txt', type: 'file' as const, mode: 0o644, mtime: 1_700_000_000, data: Buffer.from('hello\n') },
    { name: long, type: 'file' as const, mode: 0o600, mtime: 1_700_000_000, data: Buffer.alloc(1000, 7) },
  ];

  it('round-trips, long names through the ustar prefix', () => {
    const back = unpackTar(packTar(entries));
    expect(back.map((e) => [e.name, e.type, e.mode, e.data.length])).toEqual([['dir', 'dir', 0o755, 0], ['dir/a.txt', 'file', 0o644, 6], [long, 'file', 0o600, 1000]]);
    expect(back[1]!.data.toString()).toBe('hello\n');
  });

  it('is read by the system tar, and reads what it writes', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-tar-'));
    try {
      const file = path.join(dir, 'a.tar');
      fs.writeFileSync(file, packTar(entries));
      const list = spawnSync('tar', ['tf', file], { encoding: 'utf8' });
      expect(list.status).toBe(0);
      expect(list.stdout.split('\n').filter(Boolean)).toEqual(['dir/', 'dir/a.txt', long]);
      fs.mkdirSync(path.join(dir, 'src/sub'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src/sub/b'), 'b');
      const gnu = spawnSync('tar', ['cf', '-', '-C', dir, 'src'], { maxBuffer: 1 << 24 });
      expect(unpackTar(gnu.stdout).map((e) => e.name)).toEqual(['src', 'src/sub', 'src/sub/b']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('cp paths', () => {
  it('local entries are named under the destination name', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-cp-'));
    try {
      fs.mkdirSync(path.join(dir, 'd/sub'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'd/sub/x'), 'x');
      expect(localEntries(path.join(dir, 'd'), 'target').map((e) => `${e.type}:${e.name}`)).toEqual(['dir:target', 'dir:target/sub', 'file:target/sub/x']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('entries of `tar cf - /tmp/d` land under the destination, nothing outside it', () => {
    const e = (name: string) => ({ name, type: 'file' as const, mode: 0o644, mtime: 0, data: Buffer.alloc(0) });
    const out = untarTargets([e('tmp/d'), e('tmp/d/a'), e('tmp/d/../../etc/passwd'), e('other/x')], '/tmp/d', '/home/me/out');
    expect(out.map((o) => o.target)).toEqual(['/home/me/out', '/home/me/out/a']);
  });
});
