// Long-lived `sh` sessions inside a pod's infrastructure container, for http and tcp probes when the host cannot
// route to container IPs (Docker Desktop). The infra container holds the pod's network namespace, so 127.0.0.1:<port>
// there is the application, and its image (busybox) brings `nc`, `timeout` and `head`: the application's image needs
// no tool at all. One `docker exec -i <infra> sh` stays open per pod and is fed one command at a time; each command's
// output is framed by a random token line carrying its exit status. Probes due together queue (a healthy probe takes
// milliseconds); one stuck behind a slow probe for SPARE_AFTER_MS gets a spare session (up to MAX_SESSIONS per pod),
// and spare sessions close once idle for IDLE_CLOSE_MS.
import { randomBytes } from 'node:crypto';
import type { ContainerRuntime, ExecSession } from '../../runtime/runtime.js';

const MAX_SESSIONS = 4;
const IDLE_CLOSE_MS = 30_000;
/** How long a probe waits for a busy session before a spare one opens. */
const SPARE_AFTER_MS = 250;
/** Output kept per command; probes only need the status line and a few headers. */
const MAX_OUTPUT = 16 * 1024;

export interface ShellResult {
  /** stdout and stderr of the command, merged, at most MAX_OUTPUT bytes. */
  output: Buffer;
  code: number;
}

class ShellSession {
  private readonly token = randomBytes(12).toString('hex');
  private session?: ExecSession;
  private buf = Buffer.alloc(0);
  private pending?: { resolve: (r: ShellResult) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
  dead = false;
  busy = false;
  lastUsed = Date.now();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly containerId: string,
  ) {}

  async open(): Promise<void> {
    const s = await this.runtime.exec(this.containerId, { cmd: ['sh'], stdin: true });
    this.session = s;
    s.stdout.on('data', (d: Buffer) => this.onData(d));
    const gone = () => this.fail(new Error('probe shell in the pod sandbox ended'));
    s.stdout.on('end', gone);
    s.stdout.on('error', gone);
    s.stderr.on('data', () => {}); // nothing is expected there (commands merge stderr into stdout)
    s.stderr.on('error', () => {});
    // pipefail: a pipeline's status is its failing command's (nc's), not head's. Older shells may lack it.
    s.stdin!.write('set -o pipefail 2>/dev/null\n');
  }

  run(script: string, timeoutMs: number): Promise<ShellResult> {
    if (this.dead || !this.session) return Promise.reject(new Error('probe shell is closed'));
    this.busy = true;
    this.buf = Buffer.alloc(0);
    return new Promise<ShellResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        // The shell's own `timeout` should have ended the command: this session is stuck; drop it.
        this.fail(new Error('probe shell did not answer in time'));
      }, timeoutMs);
      timer.unref();
      this.pending = { resolve, reject, timer };
      this.session!.stdin!.write(`{ ${script}\n} 2>&1 </dev/null; printf '\\n${this.token} %d\\n' "$?"\n`);
    });
  }

  private onData(d: Buffer): void {
    if (!this.pending) return;
    this.buf = this.buf.length + d.length > MAX_OUTPUT * 2 ? Buffer.concat([this.buf.subarray(0, MAX_OUTPUT), d.subarray(-256)]) : Buffer.concat([this.buf, d]);
    const marker = Buffer.from(`\n${this.token} `);
    const at = this.buf.indexOf(marker);
    if (at < 0) return;
    const rest = this.buf.subarray(at + marker.length);
    const nl = rest.indexOf(10);
    if (nl < 0) return;
    const code = Number(rest.subarray(0, nl).toString());
    const output = this.buf.subarray(0, Math.min(at, MAX_OUTPUT));
    const p = this.pending;
    this.pending = undefined;
    this.busy = false;
    this.lastUsed = Date.now();
    clearTimeout(p.timer);
    p.resolve({ output: Buffer.from(output), code });
  }

  private fail(e: Error): void {
    this.dead = true;
    this.busy = false;
    const p = this.pending;
    this.pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.close();
  }

  close(): void {
    this.dead = true;
    try {
      this.session?.stdin?.end();
    } catch {
      /* already gone */
    }
    this.session?.close();
  }
}

/** The probe shells of one pod sandbox (infra container). */
class ShellPool {
  private sessions: ShellSession[] = [];
  private opening = 0;
  private waiters: { resolve: (s: ShellSession) => void; reject: (e: Error) => void; timer?: NodeJS.Timeout }[] = [];

  constructor(
    private readonly runtime: ContainerRuntime,
    readonly containerId: string,
  ) {}

  async run(script: string, timeoutMs: number): Promise<ShellResult> {
    const s = await this.acquire();
    try {
      return await s.run(script, timeoutMs);
    } finally {
      this.release(s);
    }
  }

  private async acquire(): Promise<ShellSession> {
    this.sessions = this.sessions.filter((s) => !s.dead);
    const idle = this.sessions.find((s) => !s.busy);
    if (idle) {
      idle.busy = true;
      return idle;
    }
    if (this.sessions.length + this.opening === 0) return this.openOne();
    // All busy (or the first one is opening): wait for one; a second session opens only for a probe that would
    // otherwise wait behind a slow one for more than SPARE_AFTER_MS.
    return new Promise<ShellSession>((resolve, reject) => {
      const waiter = { resolve, reject, timer: undefined as NodeJS.Timeout | undefined };
      waiter.timer = setTimeout(() => {
        if (!this.waiters.includes(waiter) || this.sessions.filter((x) => !x.dead).length + this.opening >= MAX_SESSIONS) return;
        this.waiters = this.waiters.filter((w) => w !== waiter);
        this.openOne().then(resolve, reject);
      }, SPARE_AFTER_MS);
      waiter.timer.unref();
      this.waiters.push(waiter);
    });
  }

  private async openOne(): Promise<ShellSession> {
    this.opening++;
    const s = new ShellSession(this.runtime, this.containerId);
    try {
      await s.open();
    } finally {
      this.opening--;
    }
    s.busy = true;
    this.sessions.push(s);
    return s;
  }

  private release(s: ShellSession): void {
    s.busy = false;
    if (s.dead) this.sessions = this.sessions.filter((x) => x !== s);
    const next = this.waiters.shift();
    if (next) {
      clearTimeout(next.timer);
      if (!s.dead) {
        s.busy = true;
        next.resolve(s);
      } else this.acquire().then(next.resolve, next.reject);
      return;
    }
    // Keep one session per pod; close the extra ones once they sit idle.
    const now = Date.now();
    const idle = this.sessions.filter((x) => !x.busy && !x.dead);
    for (const x of idle.slice(1)) {
      if (now - x.lastUsed > IDLE_CLOSE_MS) {
        x.close();
        this.sessions = this.sessions.filter((y) => y !== x);
      }
    }
  }

  size(): number {
    return this.sessions.filter((s) => !s.dead).length;
  }

  close(): void {
    for (const s of this.sessions) s.close();
    this.sessions = [];
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error('probe shells of this pod were closed'));
    }
    this.waiters = [];
  }
}

/** Probe shells of every pod, by pod uid; a pod whose sandbox was re-created gets new ones. */
export class SandboxShells {
  private pools = new Map<string, ShellPool>();

  constructor(private readonly runtime: ContainerRuntime) {}

  run(podUid: string, infraId: string, script: string, timeoutMs: number): Promise<ShellResult> {
    let pool = this.pools.get(podUid);
    if (pool && pool.containerId !== infraId) {
      pool.close();
      pool = undefined;
    }
    if (!pool) {
      pool = new ShellPool(this.runtime, infraId);
      this.pools.set(podUid, pool);
    }
    return pool.run(script, timeoutMs);
  }

  /** Open sessions (for measurements and tests). */
  sessions(): number {
    let n = 0;
    for (const p of this.pools.values()) n += p.size();
    return n;
  }

  forget(podUid: string): void {
    this.pools.get(podUid)?.close();
    this.pools.delete(podUid);
  }

  close(): void {
    for (const p of this.pools.values()) p.close();
    this.pools.clear();
  }
}

/** A string as one single-quoted shell word. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Bytes as an argument for `printf '%b'`: CR and LF as \\r \\n; backslashes, quotes, other control characters and non-ASCII bytes escaped (octal). */
export function printfBytes(b: Buffer): string {
  let out = '';
  for (const byte of b) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0a) out += '\\n';
    else if (byte >= 0x20 && byte < 0x7f && byte !== 0x27) out += String.fromCharCode(byte);
    else out += `\\0${byte.toString(8).padStart(3, '0')}`;
  }
  return `'${out}'`;
}
