// Time is injected into everything that decides by it (backoff, grace periods, ages),
// so unit tests can drive it and integration tests use the real one.

export interface Clock {
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

/** RFC 3339 with second precision, as Kubernetes serialises metav1.Time. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export class FakeClock implements Clock {
  constructor(private t = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
