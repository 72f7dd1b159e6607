// The server-side pod printer's READY, STATUS and RESTARTS (printers.go printPod), pure.
import type { Container, Pod } from '../api/types.js';
import { translateTimestampSince } from './duration.js';

const isSidecar = (c: Container | undefined) => (c as { restartPolicy?: string } | undefined)?.restartPolicy === 'Always';

export interface PodCells {
  ready: string;
  status: string;
  restarts: string;
}

export function podCells(pod: Pod, now: number): PodCells {
  const st = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = pod.spec?.containers?.length ?? 0;
  let ready = 0;
  let lastRestart = 0;
  let lastSidecarRestart = 0;
  const phase = st.phase ?? '';
  let reason: string = st.reason || phase;
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const inits = new Map((pod.spec?.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of inits.values()) if (isSidecar(c)) total++;
  const finished = (t?: string) => (t ? Date.parse(t) : 0);

  let initializing = false;
  const initStatuses = st.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]!;
    restarts += c.restartCount;
    const lt = finished(c.lastState?.terminated?.finishedAt);
    if (lt > lastRestart) lastRestart = lt;
    const sidecar = isSidecar(inits.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount;
      if (lt > lastSidecarRestart) lastSidecarRestart = lt;
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      reason = term.reason ? `Init:${term.reason}` : term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${inits.size}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = st.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const cs = st.containerStatuses ?? [];
    for (let i = cs.length - 1; i >= 0; i--) {
      const c = cs[i]!;
      restarts += c.restartCount;
      const lt = finished(c.lastState?.terminated?.finishedAt);
      if (lt > lastRestart) lastRestart = lt;
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && st.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart > 0) restartsCell = `${restarts} (${translateTimestampSince(new Date(lastRestart).toISOString(), now)} ago)`;
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsCell };
}
