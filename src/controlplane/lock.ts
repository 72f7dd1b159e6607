// Exactly one control plane per $KBX_HOME, whatever races, without flock (Node has none).
//
// The lock is a directory of generations: `<dir>/<n>` holds "pid starttime" of the process that took
// generation n. The owner is whoever holds the highest generation while that process lives. To take
// over, a starter that finds the highest generation's process dead creates generation n+1 with an
// atomic link(2) (it fails if the file exists, so of many starters exactly one wins each generation)
// and then checks that no higher generation appeared meanwhile (it gives its own back if one did).
// Nobody ever deletes the highest generation — the only lock file that matters — so two starters can
// never each delete the other's fresh lock; the owner removes the lower, dead generations it replaced.
// Liveness is the pid plus its start time (a recycled pid is not the owner).
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { pidAlive } from '../config/home.js';

export interface LockOwner {
  pid: number;
  /** Process start time as the OS reports it (Linux: clock ticks since boot), '' where unknown. */
  start: string;
}

export type LockResult = { held: true; generation: number } | { held: false; owner?: LockOwner };

/** The start time of a process, to tell it from a later one with the same pid. */
export function processStart(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return ''; // no /proc (macOS): the pid alone
  }
}

export function ownerAlive(o: LockOwner): boolean {
  if (!pidAlive(o.pid)) return false;
  if (!o.start) return true;
  const now = processStart(o.pid);
  return now === '' || now === o.start;
}

function generations(dir: string): number[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d+$/.test(f))
    .map(Number)
    .sort((a, b) => b - a);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const [pid, start] = fs.readFileSync(file, 'utf8').trim().split(' ');
    return { pid: Number(pid), start: start ?? '' };
  } catch {
    return undefined;
  }
}

/** Takes the lock in `dir` for this process's lifetime, or says who holds it. */
export function tryLock(dir: string, me: LockOwner = { pid: process.pid, start: processStart(process.pid) }): LockResult {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 50; attempt++) {
    const top = generations(dir)[0];
    if (top !== undefined) {
      const owner = readOwner(path.join(dir, String(top)));
      if (!owner) continue; // a lower generation removed under us: look again
      if (owner.pid === me.pid && owner.start === me.start) return { held: true, generation: top };
      if (ownerAlive(owner)) return { held: false, owner };
    }
    const next = (top ?? 0) + 1;
    const tmp = path.join(dir, `.${me.pid}.${randomBytes(4).toString('hex')}.tmp`);
    fs.writeFileSync(tmp, `${me.pid} ${me.start}\n`, { mode: 0o600 });
    try {
      fs.linkSync(tmp, path.join(dir, String(next)));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      continue; // another starter took this generation
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    const highest = generations(dir)[0]!;
    if (highest > next) {
      // We read a stale listing: a newer generation exists. Ours never counted; give it back.
      fs.rmSync(path.join(dir, String(next)), { force: true });
      continue;
    }
    for (const g of generations(dir)) if (g < next) fs.rmSync(path.join(dir, String(g)), { force: true });
    return { held: true, generation: next };
  }
  return { held: false };
}
