// What the Endpoints and EndpointSlice controllers share: a work queue keyed by Service ("ns/name"), fed by
// the Services themselves, by pods (every Service of the namespace that selects the pod now or still lists
// it), and by changes someone else makes to the objects the controller owns (they are put back).
import type { KObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import type { Registry } from '../registry/registry.js';
import { WorkQueue } from './queue.js';
import { objectKey } from './ownership.js';
import { serviceSelects } from './endpoints/compute.js';

type ResourceInfo = Parameters<Registry['watch']>[0];
type WatchEvent = Parameters<Parameters<Registry['watch']>[3]>[0];

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;

export abstract class ServiceKeyedController {
  protected readonly queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(
    protected readonly registry: Registry,
    /** The kind the controller writes. */
    private readonly owned: ResourceInfo,
    log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  /** Brings the owned objects of the Service "ns/name" in line. */
  protected abstract sync(key: string): void | Promise<void>;
  /** The owned objects of the Service still name the pod (it may have stopped matching). */
  protected abstract listsPod(svc: KObject, pod: KObject): boolean;
  /** The Service key an event on an owned object concerns; undefined to ignore it. */
  protected abstract ownerKey(e: WatchEvent): string | undefined;

  start(): void {
    this.stops.push(this.registry.watch(SERVICES, undefined, {}, (e) => this.queue.add(objectKey(e.object))));
    this.stops.push(
      this.registry.watch(PODS, undefined, {}, (e) => {
        for (const svc of this.registry.list(SERVICES, e.object.metadata.namespace).items) {
          if (serviceSelects(svc, e.object) || this.listsPod(svc, e.object)) this.queue.add(objectKey(svc));
        }
      }),
    );
    this.stops.push(
      this.registry.watch(this.owned, undefined, {}, (e) => {
        const key = this.ownerKey(e);
        if (key) this.queue.add(key);
      }),
    );
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }
}
