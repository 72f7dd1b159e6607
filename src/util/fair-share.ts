// Long in-process work (a controller creating hundreds of pods, the scheduler going through a
// long queue) runs on the same event loop as the API server. `FairShare.yield()` gives the loop
// back to pending I/O (requests, watches, the store's flushes) once a slice of busy time is used
// up, so user requests are answered while controllers work — the role API Priority and Fairness
// plays in the Kubernetes API server. Time here is the machine's real time on purpose: it measures
// CPU spent, not the cluster's (injectable) clock.
import { performance } from 'node:perf_hooks';

/** Busy time after which work yields to the event loop. */
export const DEFAULT_SLICE_MS = 8;

export class FairShare {
  private since = performance.now();

  constructor(private readonly sliceMs: number = DEFAULT_SLICE_MS) {}

  /** True when the current slice is used up (the caller should `await yieldNow()`). */
  due(): boolean {
    return performance.now() - this.since >= this.sliceMs;
  }

  /** Yields to the event loop if the slice is used up; resolves at once (a microtask) otherwise. */
  async yield(): Promise<void> {
    if (!this.due()) return;
    await yieldNow();
    this.since = performance.now();
  }
}

/** Lets pending I/O callbacks run before continuing. */
export function yieldNow(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
