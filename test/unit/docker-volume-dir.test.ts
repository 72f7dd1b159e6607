// A volumeMount's subPath never leaves its volume through a symlink written there (runtime/docker/volume-dir.ts).
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSubPathInside } from '../../src/runtime/docker/volume-dir.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-subpath-'));
const vol = path.join(root, '_data');
fs.mkdirSync(path.join(vol, 'logs', 'app'), { recursive: true });
fs.symlinkSync('/', path.join(vol, 'escape'));
fs.symlinkSync('logs', path.join(vol, 'inside'));
fs.symlinkSync('/nonexistent-kbx-target', path.join(vol, 'dangling'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('checkSubPathInside', () => {
  it.each(['logs', 'logs/app', 'new/dir', 'inside/app', 'inside/missing'])('%s stays inside', (p) => {
    expect(() => checkSubPathInside(vol, p)).not.toThrow();
  });
  it.each(['escape', 'escape/etc', 'escape/missing/deeper', 'dangling', 'dangling/x'])('%s is refused', (p) => {
    expect(() => checkSubPathInside(vol, p)).toThrow(`failed to prepare subPath "${p}": it resolves outside of its volume`);
  });
  it('an engine whose files are not visible from here is left to resolve the path', () => {
    expect(() => checkSubPathInside('/nonexistent-kbx-engine/volumes/v/_data', 'escape')).not.toThrow();
  });
});
