// Pure prober logic for one container instance (one Docker container): when each of its probes is due, what a
// probe's result does to the container's `started`/`ready` and whether the container must be killed — Kubernetes'
// pkg/kubelet/prober/worker.go (doProbe) and prober_manager.go (UpdatePodStatus), with time injected so unit tests
// drive it with a fake clock. It runs nothing itself: the ProbeManager asks `due(now)`, runs the probes and hands
// each outcome to `finish()`.
//
// Semantics (SEMANTICS.md A4):
// - defaults initialDelaySeconds 0, periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3;
// - initial results: readiness Failure, liveness and startup Success;
// - while a startup probe has not succeeded, liveness and readiness do not run (and the container is not ready);
// - a result only becomes the probe's result after `threshold` equal results in a row;
// - liveness/startup Failure ⇒ kill (and the probe is on hold until a new container replaces this one);
// - every failed run gives a Warning `Unhealthy` "<Kind> probe failed: <output>".
import type { Container } from '../../api/types.js';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
export const PROBE_KINDS: readonly ProbeKind[] = ['startup', 'liveness', 'readiness'];

/** success / failure as Kubernetes' probe.Result; warning counts as success (3xx not followed); unknown is thrown away. */
export type ProbeResult = 'success' | 'failure' | 'warning' | 'unknown';

export interface ProbeOutcome {
  result: ProbeResult;
  output: string;
}

/** A probe with Kubernetes' defaults applied, times in ms. `handler` is the probe object itself (exec/httpGet/…). */
export interface ProbeSettings {
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  successThreshold: number;
  failureThreshold: number;
  /** Probe-level terminationGracePeriodSeconds (liveness/startup), if set. */
  terminationGracePeriodSeconds?: number;
  handler: Record<string, any>;
}

function positive(v: unknown, dflt: number): number {
  const n = Number(v);
  return Number.isFinite(n) && n >= 1 ? Math.floor(n) : dflt;
}

/** SetDefaults_Probe, plus the "must be 1 for liveness and startup" rule for successThreshold. */
export function probeSettings(kind: ProbeKind, probe: Record<string, any>): ProbeSettings {
  const delay = Number(probe.initialDelaySeconds);
  return {
    initialDelayMs: Number.isFinite(delay) && delay > 0 ? Math.floor(delay) * 1000 : 0,
    periodMs: positive(probe.periodSeconds, 10) * 1000,
    timeoutMs: positive(probe.timeoutSeconds, 1) * 1000,
    successThreshold: kind === 'readiness' ? positive(probe.successThreshold, 1) : 1,
    failureThreshold: positive(probe.failureThreshold, 3),
    ...(probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null
      ? { terminationGracePeriodSeconds: Number(probe.terminationGracePeriodSeconds) }
      : {}),
    handler: probe,
  };
}

export function probeOf(c: Container, kind: ProbeKind): Record<string, any> | undefined {
  const p = kind === 'startup' ? c.startupProbe : kind === 'liveness' ? c.livenessProbe : c.readinessProbe;
  return p && typeof p === 'object' ? p : undefined;
}

/** "Liveness", as Kubernetes' probeType.String(). */
export function kindTitle(kind: ProbeKind): string {
  return kind === 'startup' ? 'Startup' : kind === 'liveness' ? 'Liveness' : 'Readiness';
}

export interface ProbeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface Decision {
  events: ProbeEvent[];
  /** `started` or `ready` changed: the pod's status must be written. */
  changed: boolean;
  /** The container must be stopped (liveness or startup failure reached its threshold). */
  kill?: { kind: 'liveness' | 'startup'; message: string; graceSeconds?: number };
}

interface KindState {
  settings: ProbeSettings;
  /** The probe's published result (Kubernetes' results manager): true = Success. */
  ok: boolean;
  /** The last raw result and how many times in a row it came. */
  last?: 'success' | 'failure';
  run: number;
  /** When the next run is due (ms). */
  nextAt: number;
  inFlight: boolean;
  /** Startup after it succeeded; liveness/startup after they killed: no more runs for this container. */
  done: boolean;
}

export class ContainerProber {
  private readonly kinds = new Map<ProbeKind, KindState>();
  private onHold = false;

  /**
   * @param startedAt when the container started running (ms); initialDelaySeconds counts from there.
   * @param restartPolicy decides the Killing message (", will be restarted" unless Never).
   */
  constructor(
    readonly containerName: string,
    readonly containerId: string,
    spec: Container,
    readonly startedAt: number,
    readonly restartPolicy: 'Always' | 'OnFailure' | 'Never' = 'Always',
  ) {
    for (const kind of PROBE_KINDS) {
      const p = probeOf(spec, kind);
      if (!p) continue;
      const settings = probeSettings(kind, p);
      this.kinds.set(kind, {
        settings,
        ok: kind !== 'readiness',
        run: 0,
        nextAt: startedAt + settings.initialDelayMs,
        inFlight: false,
        done: false,
      });
    }
  }

  has(kind: ProbeKind): boolean {
    return this.kinds.has(kind);
  }

  settings(kind: ProbeKind): ProbeSettings | undefined {
    return this.kinds.get(kind)?.settings;
  }

  /** True once a startup probe succeeded; undefined without a startup probe (started when running). */
  get started(): boolean | undefined {
    const s = this.kinds.get('startup');
    return s ? s.ok && s.done : undefined;
  }

  /** The readiness the pod status shows; undefined = no probe has a say (ready when running). */
  get ready(): boolean | undefined {
    if (this.started === false) return false;
    const r = this.kinds.get('readiness');
    return r ? r.ok : undefined;
  }

  /** Probes that may run now: startup until it succeeds, then liveness and readiness. */
  private runnable(kind: ProbeKind): boolean {
    const s = this.kinds.get(kind);
    if (!s || s.done || this.onHold) return false;
    if (kind !== 'startup' && this.started === false) return false;
    return true;
  }

  /** Kinds due at `now` (and not already running), in the order startup, liveness, readiness. */
  due(now: number): ProbeKind[] {
    return PROBE_KINDS.filter((k) => this.runnable(k) && !this.kinds.get(k)!.inFlight && this.kinds.get(k)!.nextAt <= now);
  }

  /** When `due` will next return something (ms), or undefined when nothing will run again. */
  nextWake(): number | undefined {
    let at: number | undefined;
    for (const k of PROBE_KINDS) {
      if (!this.runnable(k)) continue;
      const s = this.kinds.get(k)!;
      if (s.inFlight) continue;
      if (at === undefined || s.nextAt < at) at = s.nextAt;
    }
    return at;
  }

  /** A run of `kind` starts now; the next one is due a period later (Kubernetes' ticker). */
  begin(kind: ProbeKind, now: number): void {
    const s = this.kinds.get(kind)!;
    s.inFlight = true;
    s.nextAt = now + s.settings.periodMs;
  }

  /** Applies a finished run's outcome. */
  finish(kind: ProbeKind, outcome: ProbeOutcome, now: number): Decision {
    const s = this.kinds.get(kind)!;
    s.inFlight = false;
    // A run that ends after it was scheduled again is not run twice back to back: at least `now`.
    if (s.nextAt < now) s.nextAt = now;
    const decision: Decision = { events: [], changed: false };
    if (s.done || this.onHold) return decision; // superseded while it ran
    const title = kindTitle(kind);
    if (outcome.result === 'unknown') {
      // Kubernetes throws an errored probe's result away (but tells).
      decision.events.push({ type: 'Warning', reason: 'Unhealthy', message: `${title} probe errored: ${outcome.output}` });
      return decision;
    }
    if (outcome.result === 'failure') {
      decision.events.push({ type: 'Warning', reason: 'Unhealthy', message: `${title} probe failed: ${outcome.output}` });
    } else if (outcome.result === 'warning') {
      decision.events.push({ type: 'Warning', reason: 'ProbeWarning', message: `${title} probe warning: ${outcome.output}` });
    }
    const result = outcome.result === 'failure' ? 'failure' : 'success';
    if (s.last === result) s.run++;
    else {
      s.last = result;
      s.run = 1;
    }
    const threshold = result === 'failure' ? s.settings.failureThreshold : s.settings.successThreshold;
    if (s.run < threshold) return decision;

    const before = { started: this.started, ready: this.ready };
    s.ok = result === 'success';
    if (kind === 'startup' && s.ok) {
      // Started: startup stops; liveness and readiness begin now (or once their initial delay has passed).
      s.done = true;
      for (const k of ['liveness', 'readiness'] as const) {
        const o = this.kinds.get(k);
        if (o) o.nextAt = Math.max(now, this.startedAt + o.settings.initialDelayMs);
      }
    }
    if ((kind === 'liveness' || kind === 'startup') && !s.ok) {
      // Stop probing until a new container replaces this one.
      this.onHold = true;
      s.run = 0;
      const restart = this.restartPolicy !== 'Never';
      decision.kill = {
        kind,
        message: `Container ${this.containerName} failed ${kind} probe${restart ? ', will be restarted' : ''}`,
        ...(s.settings.terminationGracePeriodSeconds !== undefined ? { graceSeconds: s.settings.terminationGracePeriodSeconds } : {}),
      };
    }
    decision.changed = before.started !== this.started || before.ready !== this.ready;
    return decision;
  }
}

/** What the pod status shows for a container that has no prober yet (just started): the initial results. */
export function initialProbeState(c: Container): { ready?: boolean; started?: boolean } {
  const out: { ready?: boolean; started?: boolean } = {};
  if (probeOf(c, 'startup')) {
    out.started = false;
    out.ready = false;
  }
  if (probeOf(c, 'readiness')) out.ready = false;
  return out;
}

export function hasProbes(c: Container): boolean {
  return PROBE_KINDS.some((k) => probeOf(c, k));
}
