// The kubelet's view of Docker containers (its PLEG cache): a listed container plus what only inspect knows (start
// and finish times, errors, the sandbox's IP), cached per container state so a steady pod costs one list per sync.
import { LABELS, type ContainerRuntime, type RuntimeContainer } from '../runtime/runtime.js';

export class ContainerObserver {
  private inspected = new Map<string, RuntimeContainer>();
  /**
   * Containers Docker reported dead (`die`) that may still be listed as running: the engine emits the event
   * before it updates the view its container list reads, so a sync woken by the event would see nothing
   * to do and wait for the next relist (seconds). observe() asks inspect, which is current.
   */
  private died = new Set<string>();

  constructor(private readonly runtime: ContainerRuntime) {}

  /** A runtime event about a container. */
  event(action: string, id: string): void {
    if (action === 'die') this.died.add(id);
    else if (action === 'destroy') this.died.delete(id);
  }

  /**
   * Adds inspect details to listed containers. A paused container is a running one to the kubelet (Docker's
   * State.Running is still true, as the CRI's CONTAINER_RUNNING): its probes go on, time out, and liveness
   * restarts it.
   */
  async observe(list: RuntimeContainer[]): Promise<RuntimeContainer[]> {
    const seen = await this.inspectAll(list);
    return seen.map((c) => (c.state === 'paused' ? { ...c, state: 'running' } : c));
  }

  private inspectAll(list: RuntimeContainer[]): Promise<RuntimeContainer[]> {
    return Promise.all(
      list.map(async (c) => {
        if (this.died.has(c.id)) {
          if (c.state === 'running') {
            const full = await this.runtime.inspectContainer(c.id);
            if (full && full.state !== 'running') {
              this.died.delete(c.id);
              this.inspected.set(`${c.id}@${full.state}`, full);
              return full;
            }
          } else this.died.delete(c.id);
        }
        const k = `${c.id}@${c.state}`;
        const hit = this.inspected.get(k);
        if (hit && c.state !== 'running') return hit;
        // A sandbox's IP is Docker's word now (the list's): a network disconnected since the inspection is seen.
        if (hit && c.state === 'running' && (c.labels[LABELS.role] !== 'infra' || (hit.ipAddress && hit.ipAddress === c.ipAddress))) return hit;
        const full = await this.runtime.inspectContainer(c.id);
        if (!full) return c;
        this.inspected.set(k, full);
        return full;
      }),
    );
  }

  /** Forgets inspections of containers that no longer exist (`ids`: every container that does). */
  retain(ids: Set<string>): void {
    for (const k of this.inspected.keys()) if (!ids.has(k.split('@')[0]!)) this.inspected.delete(k);
  }
}
