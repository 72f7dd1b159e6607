// The event correlator of client-go's recorder (tools/record/events_cache.go), which keeps a busy or
// broken controller from flooding the API with Events:
// - aggregation: more than 10 events that differ only by message, about one object with one type and
//   reason within 10 minutes, become one event "(combined from similar events): <latest message>";
// - spam filter: a source may write 25 events about one object, then 1 every 5 minutes (a token bucket
//   per source and object, counting updates of an existing event too).
// Pure over an injected clock (ms); caches are bounded LRUs as client-go's (4096 entries).

export interface EventFacts {
  source: string;
  host: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  fieldPath?: string;
  type: string;
  reason: string;
  message: string;
}

export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
export const LRU_ENTRIES = 4096;
export const COMBINED_PREFIX = '(combined from similar events): ';

export type Correlation =
  | { skip: true }
  | { skip: false; /** the event to create or bump */ key: string; message: string; aggregated: boolean };

/** A Map used as an LRU: get refreshes, set evicts the oldest beyond `max`. */
class Lru<V> {
  private readonly m = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.m.get(k);
    if (v !== undefined) {
      this.m.delete(k);
      this.m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.m.delete(k);
    this.m.set(k, v);
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value!);
  }
}

interface Bucket {
  tokens: number;
  at: number;
}

const join = (parts: (string | undefined)[]): string => parts.map((p) => p ?? '').join('\u0000');
const objectOf = (e: Omit<EventFacts, 'message'>) => [e.source, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion];

/** What every key of the events with this source, object, field, type and reason starts with (the message follows). */
export function eventKeyPrefix(e: Omit<EventFacts, 'message'>): string {
  return join([...objectOf(e), e.fieldPath, e.type, e.reason]) + '\u0000';
}

export class EventCorrelator {
  private readonly aggregates: Lru<{ messages: Set<string>; last: number }>;
  private readonly buckets: Lru<Bucket>;

  constructor(
    private readonly now: () => number,
    private readonly opts = { maxEvents: AGGREGATE_MAX_EVENTS, intervalMs: AGGREGATE_INTERVAL_MS, burst: SPAM_BURST, qps: SPAM_QPS, lru: LRU_ENTRIES },
  ) {
    this.aggregates = new Lru(opts.lru);
    this.buckets = new Lru(opts.lru);
  }

  correlate(e: EventFacts): Correlation {
    const object = objectOf(e);
    const eventKey = eventKeyPrefix(e) + e.message;
    // Aggregation (EventAggregatorByReasonFunc: same source, object, type and reason).
    const aggregateKey = join([...object, e.type, e.reason]);
    const t = this.now();
    let rec = this.aggregates.get(aggregateKey);
    if (!rec || t - rec.last > this.opts.intervalMs) rec = { messages: new Set(), last: t };
    rec.messages.add(e.message);
    rec.last = t;
    let key = eventKey;
    let message = e.message;
    let aggregated = false;
    if (rec.messages.size >= this.opts.maxEvents) {
      // Keep the set at its maximum (client-go pops one) and write the combined event.
      rec.messages.delete(rec.messages.values().next().value!);
      key = aggregateKey;
      message = COMBINED_PREFIX + e.message;
      aggregated = true;
    }
    this.aggregates.set(aggregateKey, rec);
    // Spam filter (getSpamKey: source and object).
    if (!this.tryAccept(join(object), t)) return { skip: true };
    return { skip: false, key, message, aggregated };
  }

  private tryAccept(k: string, t: number): boolean {
    const b = this.buckets.get(k) ?? { tokens: this.opts.burst, at: t };
    b.tokens = Math.min(this.opts.burst, b.tokens + ((t - b.at) / 1000) * this.opts.qps);
    b.at = t;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(k, b);
    return ok;
  }
}
