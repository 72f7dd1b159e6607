// A volume directory as the kubelet prepares it: emptyDir's 0777, and fsGroup's group, setgid directories and
// group-writable files (runtime/volume-ownership.ts, kubelet/container-spec.ts emptyDirOptions).
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setVolumeOwnership } from '../../src/runtime/volume-ownership.js';
import { emptyDirOptions } from '../../src/kubelet/container-spec.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-own-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const mode = (p: string) => fs.statSync(p).mode & 0o7777;

describe('setVolumeOwnership', () => {
  it('gives the directory its mode; with a group, every file and directory belongs to it, directories setgid', () => {
    const v = path.join(root, 'v');
    fs.mkdirSync(path.join(v, 'sub'), { recursive: true, mode: 0o755 });
    fs.writeFileSync(path.join(v, 'sub', 'f'), 'x', { mode: 0o600 });
    fs.symlinkSync('/etc/passwd', path.join(v, 'link'));
    const gid = process.getgid!();
    expect(setVolumeOwnership(v, 0o2777, gid)).toBe(true);
    expect(mode(v)).toBe(0o2777);
    expect(mode(path.join(v, 'sub')) & 0o2070).toBe(0o2070);
    expect(mode(path.join(v, 'sub', 'f'))).toBe(0o660);
    expect(fs.statSync(path.join(v, 'sub', 'f')).gid).toBe(gid);
    expect(fs.lstatSync(path.join(v, 'link')).isSymbolicLink()).toBe(true); // never followed
  });
  it('without a group only the mode; a directory not visible from here is false', () => {
    const v = path.join(root, 'w');
    fs.mkdirSync(v, { mode: 0o755 });
    expect(setVolumeOwnership(v, 0o777, undefined)).toBe(true);
    expect(mode(v)).toBe(0o777);
    expect(setVolumeOwnership(path.join(root, 'absent'), 0o777, undefined)).toBe(false);
  });
});

describe('emptyDirOptions', () => {
  it('0777 as the kubelet makes it; fsGroup: its group and setgid; Memory: a tmpfs with its size', () => {
    expect(emptyDirOptions({ emptyDir: {} })).toEqual({ mode: 0o777 });
    expect(emptyDirOptions({ emptyDir: {} }, 2000)).toEqual({ mode: 0o2777, gid: 2000 });
    expect(emptyDirOptions({ emptyDir: { medium: 'Memory', sizeLimit: '16Mi' } }, 2000)).toEqual({ tmpfs: true, sizeBytes: 16 * 1024 * 1024, mode: 0o2777, gid: 2000 });
  });
});
