// Events expire an hour after they were last seen, as with the API server's --event-ttl default.
import { RESOURCES } from '../api/registry.js';
import type { EventObject } from '../api/types.js';
import type { Registry } from '../registry/registry.js';

const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;
export const EVENT_TTL_MS = 60 * 60_000;

export class EventTTLController {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly registry: Registry,
    private readonly ttlMs = EVENT_TTL_MS,
  ) {}

  start(): void {
    this.sweep();
    this.timer = setInterval(() => this.sweep(), 60_000);
    this.timer.unref();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  sweep(): number {
    const now = this.registry.clock.now();
    let removed = 0;
    for (const e of this.registry.list(EVENTS, undefined).items as EventObject[]) {
      const last = Date.parse(e.lastTimestamp ?? e.metadata.creationTimestamp ?? '');
      if (Number.isFinite(last) && now - last > this.ttlMs) {
        this.registry.remove(EVENTS, e.metadata.namespace, e.metadata.name!);
        removed++;
      }
    }
    return removed;
  }
}
