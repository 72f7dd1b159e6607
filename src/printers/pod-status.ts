// The server-side pod printer's READY, STATUS and RESTARTS cells (printers.go printPod), as pure
// functions. The three cells come out of one intertwined pass over the container statuses, so
// podRowInfo computes them together and the single-cell helpers delegate to it.
import type { Container, ContainerStatus, Pod } from '../api/types.js';
import { humanDuration, parseTime } from './duration.js';

/** metav1.TableRowCondition, which the pod printer attaches to Succeeded/Failed rows. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface PodRowInfo {
  /** READY cell, `ready/total`. */
  ready: string;
  /** STATUS cell. */
  status: string;
  /** RESTARTS cell: `3` or `3 (2m ago)` (always a string, as the server sends it). */
  restarts: string;
  readyContainers: number;
  totalContainers: number;
  restartCount: number;
  /** Newest lastState.terminated.finishedAt among the counted containers (ms), if any. */
  lastRestart?: number;
}

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar). */
export function isRestartableInitContainer(c: Container | undefined): boolean {
  return (c as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always';
}

const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

const finishedAt = (cs: ContainerStatus): number | undefined => parseTime(cs.lastState?.terminated?.finishedAt);
const later = (a: number | undefined, b: number | undefined): number | undefined =>
  b !== undefined && (a === undefined || b > a) ? b : a;

export function podRowInfo(pod: Pod, now: number): PodRowInfo {
  const spec = pod.spec ?? ({ containers: [] } as Pod['spec']);
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec.containers?.length ?? 0;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;

  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  // A pod held back by scheduling gates says so, whatever its phase or reason.
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isRestartableInitContainer(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    const sidecar = isRestartableInitContainer(initSpecs.get(c.name));
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, finishedAt(c));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, finishedAt(c));
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (term) {
      // initialization has failed
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || isPodInitializedConditionTrue(pod)) {
    // Once initialized, only sidecar restarts count among the init containers.
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Reverse order, so that the first container's reason is the one left standing.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, finishedAt(c));
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with a finished container but at least one still running is not "Completed".
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(pod) ? 'Running' : 'NotReady';
  }

  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined) {
    restartsCell = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  }
  return {
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts: restartsCell,
    readyContainers,
    totalContainers,
    restartCount: restarts,
    ...(lastRestart !== undefined ? { lastRestart } : {}),
  };
}

/** READY: `ready/total`, counting started-and-ready sidecars. */
export function podReadyCell(pod: Pod): string {
  return podRowInfo(pod, 0).ready;
}

/** STATUS: the reason kubectl shows (phase, container reasons, `Init:…`, `Terminating`, …). */
export function podStatusReason(pod: Pod, now = 0): string {
  return podRowInfo(pod, now).status;
}

/** RESTARTS: `0` or `3 (2m ago)`. */
export function podRestartsCell(pod: Pod, now: number): string {
  return podRowInfo(pod, now).restarts;
}

/** The row conditions printPod attaches: Completed/True for Succeeded and Failed pods. */
export function podRowConditions(pod: Pod): TableRowCondition[] | undefined {
  switch (pod.status?.phase) {
    case 'Succeeded':
      return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    case 'Failed':
      return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    default:
      return undefined;
  }
}

/** READINESS GATES (wide): `<none>` or `true/total`. */
export function podReadinessGatesCell(pod: Pod): string {
  const gates = (pod.spec as { readinessGates?: { conditionType: string }[] } | undefined)?.readinessGates ?? [];
  if (!gates.length) return '<none>';
  let trueConditions = 0;
  for (const g of gates) {
    const c = (pod.status?.conditions ?? []).find((x) => x.type === g.conditionType);
    if (c?.status === 'True') trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

function hasPodReadyCondition(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function isPodInitializedConditionTrue(pod: Pod): boolean {
  // The first Initialized condition decides, as in printers.go.
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Initialized');
  return c?.status === 'True';
}
