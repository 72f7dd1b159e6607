// What a pod asks of a node (component-helpers/resource PodRequests): the sum of its app
// containers' requests, or the largest init container's if bigger, with restartable (sidecar)
// init containers counted beside the app containers; a container with a limit and no request
// requests its limit (the API server defaults it so). CPU in millicores, everything else in units.
import type { Pod } from '../../api/types.js';
import { parseQuantity, quantityMilliValue, quantityValue } from '../../api/quantity.js';

export type Resources = Record<string, bigint>;

type C = { resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> }; restartPolicy?: string };

function amount(name: string, v: string | number): bigint {
  const q = parseQuantity(v);
  return name === 'cpu' ? quantityMilliValue(q) : quantityValue(q);
}

function containerRequests(c: C): Resources {
  const out: Resources = {};
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  for (const name of new Set([...Object.keys(req), ...Object.keys(lim)])) {
    const v = req[name] ?? lim[name];
    if (v === undefined) continue;
    try {
      out[name] = amount(name, v);
    } catch {
      /* validation refuses bad quantities; nothing to count */
    }
  }
  return out;
}

function add(a: Resources, b: Resources): Resources {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0n) + v;
  return out;
}

function max(a: Resources, b: Resources): Resources {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) if (out[k] === undefined || v > out[k]!) out[k] = v;
  return out;
}

export function podRequests(pod: Pod): Resources {
  let apps: Resources = {};
  for (const c of (pod.spec.containers ?? []) as C[]) apps = add(apps, containerRequests(c));
  // Init containers run one at a time; sidecars (restartPolicy Always) keep running, so each init
  // container needs its own request plus the sidecars started before it.
  let sidecars: Resources = {};
  let initPeak: Resources = {};
  for (const c of (pod.spec.initContainers ?? []) as C[]) {
    const r = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      sidecars = add(sidecars, r);
      initPeak = max(initPeak, sidecars);
    } else {
      initPeak = max(initPeak, add(sidecars, r));
    }
  }
  let total = max(add(apps, sidecars), initPeak);
  const overhead = (pod.spec as { overhead?: Record<string, string> }).overhead;
  if (overhead) total = add(total, Object.fromEntries(Object.entries(overhead).map(([k, v]) => [k, amount(k, v)])));
  return total;
}

/** A node's allocatable, in the same units. */
export function allocatable(node: { status?: { allocatable?: Record<string, string> } }): Resources {
  const out: Resources = {};
  for (const [k, v] of Object.entries(node.status?.allocatable ?? {})) {
    try {
      out[k] = amount(k, v);
    } catch {
      /* ignore a malformed entry */
    }
  }
  return out;
}
