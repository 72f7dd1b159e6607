// The control-plane lock: one owner per KBX_HOME; a dead owner's lock is taken over by exactly one
// starter and nobody ever deletes the lock of a live one.
import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { tryLock, processStart, ownerAlive } from '../../src/controlplane/lock.js';

const tmp = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-lock-')), 'control-plane.owner');
const me = { pid: process.pid, start: processStart(process.pid) };
/** A pid that is certainly dead: a child that has exited and been reaped. */
const deadPid = () => spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
const dead = () => ({ pid: Number(deadPid()), start: '1' });

describe('control-plane lock', () => {
  it('the first starter takes generation 1; the same process asking again still holds it', () => {
    const dir = tmp();
    expect(tryLock(dir, me)).toEqual({ held: true, generation: 1 });
    expect(tryLock(dir, me)).toEqual({ held: true, generation: 1 });
  });

  it('a live owner keeps it: a second starter is refused and deletes nothing', () => {
    const dir = tmp();
    tryLock(dir, me);
    const other = dead();
    const r = tryLock(dir, other);
    expect(r).toEqual({ held: false, owner: me });
    expect(fs.readdirSync(dir)).toEqual(['1']);
  });

  it('a dead owner is replaced by the next generation, and the old file removed by the new owner', () => {
    const dir = tmp();
    expect(tryLock(dir, dead())).toEqual({ held: true, generation: 1 });
    expect(tryLock(dir, me)).toEqual({ held: true, generation: 2 });
    expect(fs.readdirSync(dir)).toEqual(['2']);
  });

  it('a recycled pid is not the owner: the start time must match', () => {
    expect(ownerAlive(me)).toBe(true);
    expect(ownerAlive({ pid: process.pid, start: 'not-' + me.start })).toBe(processStart(process.pid) === '');
  });

  it('only the highest generation counts: a lower one left behind by a racing starter does not make it owner', () => {
    const dir = tmp();
    tryLock(dir, dead()); // 1
    tryLock(dir, dead()); // 2 (replaces 1: its owner is dead too)
    expect(tryLock(dir, me)).toEqual({ held: true, generation: 3 });
    // Someone who read "1 is the highest and dead" before 3 existed now links 2 (removed by us): it must not win.
    const stale = dead();
    fs.writeFileSync(path.join(dir, '2'), `${stale.pid} ${stale.start}\n`);
    const r = tryLock(dir, stale);
    expect(r).toEqual({ held: false, owner: me });
    expect(tryLock(dir, me)).toEqual({ held: true, generation: 3 });
  });
});
