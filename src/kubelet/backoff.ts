// Kubernetes' crash-loop backoff (client-go flowcontrol.Backoff as the kubelet uses it):
// the first restart is immediate; after that each restart waits 10 s, 20 s, 40 s … up to 300 s,
// measured from when the container last finished. An entry that has not been touched for
// 2 × max (10 minutes: "ran fine for a while") starts over.
//
// Worked example: exits at t=0 → restart at once (next delay 10 s); exits at t=2 → waits until
// t=12; exits at t=13 → waits 20 s, until t=33; and so on.

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

interface Entry {
  delay: number; // the delay the next restart must wait, 0 before the first restart
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initial = INITIAL_BACKOFF_MS,
    private readonly max = MAX_BACKOFF_MS,
  ) {}

  /** How long (ms) the restart keyed `key` must still wait, given when the container finished. */
  remaining(key: string, finishedAt: number, now: number): number {
    const e = this.fresh(key, now);
    if (!e) return 0;
    return Math.max(0, finishedAt + e.delay - now);
  }

  /** Records a restart: the next one waits longer. */
  next(key: string, now: number): void {
    const e = this.fresh(key, now);
    if (!e) this.entries.set(key, { delay: this.initial, lastUpdate: now });
    else this.entries.set(key, { delay: Math.min(e.delay * 2, this.max), lastUpdate: now });
  }

  /** The delay that applies now (for messages: "back-off 40s restarting failed container"). */
  currentDelay(key: string, now: number): number {
    return this.fresh(key, now)?.delay ?? 0;
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  forgetPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }

  private fresh(key: string, now: number): Entry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now - e.lastUpdate > 2 * this.max) {
      this.entries.delete(key);
      return undefined;
    }
    return e;
  }
}
