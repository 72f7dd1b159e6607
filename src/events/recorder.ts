// Records Kubernetes Events the way client-go's recorder does: an identical event (same source,
// object, type, reason, message) updates one Event object (count++, lastTimestamp) instead of
// piling up new ones; similar ones are aggregated and a source's events about one object are
// rate-limited (correlator.ts).
import type { EventObject, KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import { rfc3339 } from '../util/clock.js';
import { isApiError } from '../api/errors.js';
import { EventCorrelator, eventKeyPrefix, type EventFacts } from './correlator.js';

const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;

export interface EventSource {
  component: string;
  host?: string;
}

export class EventRecorder {
  /** dedup key → event name */
  private names = new Map<string, string>();
  private readonly correlator: EventCorrelator;

  constructor(
    private readonly registry: Registry,
    private readonly host: string,
  ) {
    this.correlator = new EventCorrelator(() => this.registry.clock.now());
  }

  record(
    source: string,
    obj: KObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    const ns = obj.metadata.namespace ?? 'default';
    const c = this.correlator.correlate({ ...this.facts(source, obj, type, reason, fieldPath), message });
    if (c.skip) return;
    const key = c.key;
    message = c.message;
    const now = rfc3339(this.registry.clock.now());
    const existing = this.names.get(key);
    try {
      if (existing) {
        const updated = this.registry.mutate(EVENTS, ns, existing, (e) => {
          const ev = e as EventObject;
          ev.count = (ev.count ?? 1) + 1;
          ev.lastTimestamp = now;
          ev.message = message;
        });
        if (updated) return;
      }
      const name = `${obj.metadata.name}.${eventSuffix(this.registry.clock.now())}`;
      const ev: EventObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: ns },
        involvedObject: {
          kind: obj.kind,
          namespace: obj.metadata.namespace,
          name: obj.metadata.name,
          uid: obj.metadata.uid,
          apiVersion: obj.apiVersion,
          resourceVersion: obj.metadata.resourceVersion,
          ...(fieldPath ? { fieldPath } : {}),
        },
        reason,
        message,
        source: source === 'kubelet' ? { component: source, host: this.host } : { component: source },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: source,
        reportingInstance: source === 'kubelet' ? this.host : '',
      };
      this.registry.create(EVENTS, ns, ev);
      this.names.set(key, name);
      if (this.names.size > 4096) this.names.delete(this.names.keys().next().value!);
    } catch (e) {
      // Events are best effort: a namespace being deleted refuses them, and that is fine.
      if (!isApiError(e)) throw e;
    }
  }

  /**
   * Rewrites the message of the newest event with this reason for this object (pull progress),
   * instead of creating one event per progress step; records a new one if there is none.
   */
  amend(source: string, obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const prefix = eventKeyPrefix(this.facts(source, obj, type, reason, fieldPath));
    const key = [...this.names.keys()].reverse().find((k) => k.startsWith(prefix));
    if (!key) return this.record(source, obj, type, reason, message, fieldPath);
    try {
      this.registry.mutate(EVENTS, obj.metadata.namespace ?? 'default', this.names.get(key)!, (e) => {
        (e as EventObject).message = message;
        (e as EventObject).lastTimestamp = rfc3339(this.registry.clock.now());
      });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  private facts(source: string, obj: KObject, type: string, reason: string, fieldPath?: string): Omit<EventFacts, 'message'> {
    const { kind, apiVersion, metadata: m } = obj;
    return { source, host: source === 'kubelet' ? this.host : '', kind, namespace: m.namespace, name: m.name, uid: m.uid, apiVersion, fieldPath, type, reason };
  }

  /** Forgets dedup entries of an object that is gone. */
  forget(uid: string): void {
    for (const k of this.names.keys()) if (k.includes(`\u0000${uid}\u0000`)) this.names.delete(k);
  }
}

let seq = 0;
/** Kubernetes names events `<object>.<hex of the timestamp in ns>`. */
function eventSuffix(nowMs: number): string {
  seq = (seq + 1) % 1_000_000;
  return (BigInt(nowMs) * 1_000_000n + BigInt(seq)).toString(16);
}
