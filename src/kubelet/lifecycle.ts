// Container lifecycle hooks (pkg/kubelet/lifecycle/handlers.go): postStart right after a container starts, preStop
// before it is sent SIGTERM. exec runs the command in the container; httpGet goes through the probe transport (so it
// reaches the pod's network namespace the same way probes do, with nothing needed in the image); sleep waits.
//
// What the kubelet does with the result lives in kubelet.ts: a failed postStart kills the container (events
// FailedPostStartHook, Killing "FailedPostStartHook"; waiting reason PostStartHookError); a failed preStop is an event
// (FailedPreStopHook) and the container is stopped anyway; the time preStop took is taken off the grace period.
import type { Container, Pod } from '../api/types.js';
import type { ContainerRuntime } from '../runtime/runtime.js';
import type { ProbeTransport } from './probes/transport.js';
import { goQuote, goSprint } from '../compat/go-format.js';

export type HookKind = 'postStart' | 'preStop';

/** Kubernetes' minimumGracePeriodInSeconds: what is left for SIGTERM after a preStop hook, at the least. */
export const MIN_GRACE_AFTER_PRESTOP = 2;

/** format.Pod: `name_namespace(uid)`. */
export function podRef(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}


/** The message of a failed exec hook, as the kubelet words it (its event and the container's waiting message). */
export function execHookMessage(cmd: string[], container: string, pod: Pod, exitCode: number, stdout: string, stderr: string): string {
  const err = `command '${cmd.join(' ')}' exited with ${exitCode}: ${stderr}`;
  return `Exec lifecycle hook (${goSprint(cmd)}) for Container ${goQuote(container)} in Pod ${goQuote(podRef(pod))} failed - error: ${err}, message: ${goQuote(stdout + stderr)}`;
}

/** The message of a failed httpGet hook. */
export function httpHookMessage(path: string, container: string, pod: Pod, error: string): string {
  return `HTTP lifecycle hook (${path}) for Container ${goQuote(container)} in Pod ${goQuote(podRef(pod))} failed - error: ${error}`;
}

/** Seconds left for the stop signal once preStop took `spentMs` of `graceSeconds` (never below 2, as Kubernetes). */
export function graceAfterPreStop(graceSeconds: number, spentMs: number): number {
  const left = graceSeconds - Math.floor(spentMs / 1000);
  return Math.max(MIN_GRACE_AFTER_PRESTOP, left);
}

export function hookOf(c: Container, kind: HookKind): Record<string, any> | undefined {
  const h = c.lifecycle?.[kind];
  return h && typeof h === 'object' ? h : undefined;
}

export interface HookTarget {
  pod: Pod;
  container: Container;
  containerId: string;
  podIP?: string;
  infraId?: string;
}

export class HookRunner {
  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly transport: ProbeTransport,
  ) {}

  /** Runs the hook; resolves with undefined on success, else the failure message. Never rejects. */
  async run(handler: Record<string, any>, t: HookTarget, timeoutMs: number): Promise<string | undefined> {
    try {
      if (handler.exec) return await this.exec(handler.exec.command ?? [], t, timeoutMs);
      if (handler.httpGet) return await this.http(handler.httpGet, t, timeoutMs);
      if (handler.sleep) {
        const ms = Math.min(timeoutMs, Number(handler.sleep.seconds ?? 0) * 1000);
        await new Promise((r) => setTimeout(r, ms));
        return undefined;
      }
      if (handler.tcpSocket) return undefined; // deprecated; Kubernetes logs it and carries on
      return 'missing lifecycle handler';
    } catch (e) {
      return (e as Error).message;
    }
  }

  private async exec(cmd: string[], t: HookTarget, timeoutMs: number): Promise<string | undefined> {
    const session = await this.runtime.exec(t.containerId, { cmd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    session.stdout.on('data', (d: Buffer) => out.push(d));
    session.stderr.on('data', (d: Buffer) => err.push(d));
    session.stdout.on('error', () => {});
    session.stderr.on('error', () => {});
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
      timer.unref();
    });
    try {
      const code = await Promise.race([session.wait(), timedOut]);
      if (code === 'timeout') {
        session.close();
        return execHookMessage(cmd, t.container.name, t.pod, -1, '', `command timed out after ${Math.round(timeoutMs / 1000)}s`);
      }
      if (code === 0) return undefined;
      return execHookMessage(cmd, t.container.name, t.pod, code, Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8'));
    } finally {
      clearTimeout(timer);
    }
  }

  private async http(h: Record<string, any>, t: HookTarget, timeoutMs: number): Promise<string | undefined> {
    // A hook only fails when the request does (no connection, timeout); any HTTP status is an answer.
    const r = await this.transport.run(
      'readiness',
      { initialDelayMs: 0, periodMs: timeoutMs, timeoutMs, successThreshold: 1, failureThreshold: 1, handler: { httpGet: h } },
      { pod: t.pod, container: t.container, containerId: t.containerId, podIP: t.podIP, infraId: t.infraId },
    );
    if (r.result === 'success' || r.result === 'warning') return undefined;
    if (/^HTTP probe failed with statuscode: \d+$/.test(r.output)) return undefined;
    return httpHookMessage(String(h.path ?? ''), t.container.name, t.pod, r.output);
  }
}
