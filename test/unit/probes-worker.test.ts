// The pure prober: defaults, initial results, startup gating, thresholds, timing and kill decisions, driven by a
// fake clock.
import { describe, it, expect } from 'vitest';
import { ContainerProber, initialProbeState, probeSettings, type ProbeKind, type ProbeOutcome } from '../../src/kubelet/probes/worker.js';
import type { Container } from '../../src/api/types.js';
import { FakeClock } from '../../src/util/clock.js';

const ok: ProbeOutcome = { result: 'success', output: '' };
const fail = (output = 'HTTP probe failed with statuscode: 503'): ProbeOutcome => ({ result: 'failure', output });

function container(probes: Partial<Record<'livenessProbe' | 'readinessProbe' | 'startupProbe', object>>): Container {
  return { name: 'app', image: 'kbx-test/web:1', ...probes };
}

const http = (extra: object = {}) => ({ httpGet: { path: '/healthz', port: 80 }, ...extra });

/** Runs every due probe at the clock's time with the outcome `answer` gives; returns what ran and the decisions. */
function tick(p: ContainerProber, clock: FakeClock, answer: (k: ProbeKind) => ProbeOutcome) {
  const ran: ProbeKind[] = [];
  const decisions = [];
  for (const k of p.due(clock.now())) {
    p.begin(k, clock.now());
    ran.push(k);
    decisions.push(p.finish(k, answer(k), clock.now()));
  }
  return { ran, decisions, events: decisions.flatMap((d) => d.events), kill: decisions.find((d) => d.kill)?.kill, changed: decisions.some((d) => d.changed) };
}

describe('probe settings', () => {
  it("Kubernetes' defaults: delay 0, period 10 s, timeout 1 s, success 1, failure 3", () => {
    const s = probeSettings('readiness', { exec: { command: ['true'] } });
    expect(s).toMatchObject({ initialDelayMs: 0, periodMs: 10_000, timeoutMs: 1000, successThreshold: 1, failureThreshold: 3 });
  });

  it('takes the given values; successThreshold is 1 for liveness and startup', () => {
    const p = { tcpSocket: { port: 80 }, initialDelaySeconds: 5, periodSeconds: 2, timeoutSeconds: 3, successThreshold: 4, failureThreshold: 6 };
    expect(probeSettings('readiness', p)).toMatchObject({ initialDelayMs: 5000, periodMs: 2000, timeoutMs: 3000, successThreshold: 4, failureThreshold: 6 });
    expect(probeSettings('liveness', p).successThreshold).toBe(1);
    expect(probeSettings('startup', { ...p, terminationGracePeriodSeconds: 7 }).terminationGracePeriodSeconds).toBe(7);
  });
});

describe('initial results', () => {
  it('readiness starts failing, liveness passing; no probe of a kind has no say', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ livenessProbe: http(), readinessProbe: http() }), clock.now());
    expect(p.ready).toBe(false);
    expect(p.started).toBeUndefined();
    const only = new ContainerProber('app', 'c1', container({ livenessProbe: http() }), clock.now());
    expect(only.ready).toBeUndefined();
    expect(initialProbeState(container({ readinessProbe: http() }))).toEqual({ ready: false });
    expect(initialProbeState(container({ startupProbe: http() }))).toEqual({ ready: false, started: false });
    expect(initialProbeState(container({ livenessProbe: http() }))).toEqual({});
  });

  it('a startup probe: not started and not ready until it succeeds', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ startupProbe: http() }), clock.now());
    expect(p.started).toBe(false);
    expect(p.ready).toBe(false);
    const t = tick(p, clock, () => ok);
    expect(t.changed).toBe(true);
    expect(p.started).toBe(true);
    expect(p.ready).toBeUndefined(); // no readiness probe: ready once running and started
  });
});

describe('readiness', () => {
  it('first success makes the container ready; failures flip it after failureThreshold in a row', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ readinessProbe: http({ periodSeconds: 1, failureThreshold: 2 }) }), clock.now());
    expect(tick(p, clock, () => ok).changed).toBe(true);
    expect(p.ready).toBe(true);
    clock.advance(1000);
    let t = tick(p, clock, () => fail());
    expect(t.events).toEqual([{ type: 'Warning', reason: 'Unhealthy', message: 'Readiness probe failed: HTTP probe failed with statuscode: 503' }]);
    expect(t.changed).toBe(false);
    expect(p.ready).toBe(true);
    clock.advance(1000);
    t = tick(p, clock, () => fail());
    expect(t.changed).toBe(true);
    expect(p.ready).toBe(false);
    expect(t.kill).toBeUndefined(); // readiness never restarts anything
    clock.advance(1000);
    t = tick(p, clock, () => fail());
    expect(t.changed).toBe(false);
    expect(t.kill).toBeUndefined();
  });

  it('successThreshold: ready again only after that many successes in a row', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ readinessProbe: http({ periodSeconds: 1, successThreshold: 3 }) }), clock.now());
    const answers = [ok, ok, fail(), ok, ok, ok];
    const readiness: boolean[] = [];
    for (const a of answers) {
      tick(p, clock, () => a);
      readiness.push(p.ready!);
      clock.advance(1000);
    }
    expect(readiness).toEqual([false, false, false, false, false, true]);
  });

  it('an errored probe (unknown) is thrown away', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ readinessProbe: http({ periodSeconds: 1, failureThreshold: 1 }) }), clock.now());
    tick(p, clock, () => ok);
    clock.advance(1000);
    const t = tick(p, clock, () => ({ result: 'unknown', output: "couldn't find port: web in app" }));
    expect(p.ready).toBe(true);
    expect(t.events[0]).toEqual({ type: 'Warning', reason: 'Unhealthy', message: "Readiness probe errored: couldn't find port: web in app" });
  });

  it('a redirect not followed is a success with a ProbeWarning event', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ readinessProbe: http() }), clock.now());
    const t = tick(p, clock, () => ({ result: 'warning', output: 'Probe terminated redirects, Response body: ' }));
    expect(p.ready).toBe(true);
    expect(t.events).toEqual([{ type: 'Warning', reason: 'ProbeWarning', message: 'Readiness probe warning: Probe terminated redirects, Response body: ' }]);
  });
});

describe('liveness', () => {
  it('kills after failureThreshold consecutive failures, with Unhealthy per failure, then holds', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('web', 'c1', container({ livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 2 } }), clock.now());
    const out = 'cat: can\'t open \'/tmp/healthy\': No such file or directory\n';
    const kills = [];
    const events = [];
    for (let i = 0; i < 3; i++) {
      const t = tick(p, clock, () => fail(out));
      events.push(...t.events);
      if (t.kill) kills.push({ at: i, kill: t.kill });
      clock.advance(2000);
    }
    expect(events.map((e) => e.message)).toEqual(Array(3).fill(`Liveness probe failed: ${out}`));
    expect(kills).toEqual([{ at: 2, kill: { kind: 'liveness', message: 'Container web failed liveness probe, will be restarted' } }]);
    // On hold until a new container replaces this one.
    expect(p.due(clock.now() + 60_000)).toEqual([]);
    expect(p.nextWake()).toBeUndefined();
  });

  it('a success in between resets the count', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('web', 'c1', container({ livenessProbe: http({ periodSeconds: 1, failureThreshold: 2 }) }), clock.now());
    const seq = [fail(), ok, fail(), ok, fail()];
    for (const a of seq) {
      expect(tick(p, clock, () => a).kill).toBeUndefined();
      clock.advance(1000);
    }
    expect(tick(p, clock, () => fail()).kill?.kind).toBe('liveness');
  });

  it('restartPolicy Never: the Killing message does not promise a restart; probe grace period is passed on', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('web', 'c1', container({ livenessProbe: http({ failureThreshold: 1, terminationGracePeriodSeconds: 4 }) }), clock.now(), 'Never');
    expect(tick(p, clock, () => fail()).kill).toEqual({ kind: 'liveness', message: 'Container web failed liveness probe', graceSeconds: 4 });
  });
});

describe('timing', () => {
  it('first run at start + initialDelaySeconds, then every periodSeconds', () => {
    const clock = new FakeClock();
    const start = clock.now();
    const p = new ContainerProber('app', 'c1', container({ livenessProbe: http({ initialDelaySeconds: 5, periodSeconds: 3 }) }), start);
    const runs: number[] = [];
    for (let t = 0; t <= 15_000; t += 500) {
      if (tick(p, clock, () => ok).ran.length) runs.push(clock.now() - start);
      clock.advance(500);
    }
    expect(runs).toEqual([5000, 8000, 11_000, 14_000]);
    expect(p.nextWake()).toBe(start + 17_000);
  });

  it('a run still in flight is not started again; a slow run delays the next one', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ readinessProbe: http({ periodSeconds: 1 }) }), clock.now());
    expect(p.due(clock.now())).toEqual(['readiness']);
    p.begin('readiness', clock.now());
    clock.advance(2500);
    expect(p.due(clock.now())).toEqual([]);
    p.finish('readiness', ok, clock.now());
    expect(p.due(clock.now())).toEqual(['readiness']);
  });
});

describe('startup gating', () => {
  it('liveness and readiness wait for the startup probe, then start at once', () => {
    const clock = new FakeClock();
    const start = clock.now();
    const p = new ContainerProber(
      'app',
      'c1',
      container({ startupProbe: http({ periodSeconds: 1, failureThreshold: 10 }), livenessProbe: http({ periodSeconds: 1 }), readinessProbe: http({ periodSeconds: 1 }) }),
      start,
    );
    const ran: ProbeKind[][] = [];
    for (let i = 0; i < 5; i++) {
      ran.push(tick(p, clock, (k) => (k === 'startup' && i < 3 ? fail() : ok)).ran);
      if (i < 3) expect(p.started).toBe(false);
      clock.advance(1000);
    }
    // Startup fails 3 times (below its threshold of 10), passes at the 4th run; liveness and readiness only then.
    expect(ran.slice(0, 4)).toEqual([['startup'], ['startup'], ['startup'], ['startup']]);
    expect(ran[4]).toEqual(['liveness', 'readiness']);
    expect(p.started).toBe(true);
    expect(p.ready).toBe(true);
  });

  it('readiness and liveness honour their own initial delay, counted from the container start', () => {
    const clock = new FakeClock();
    const start = clock.now();
    const p = new ContainerProber('app', 'c1', container({ startupProbe: http({ periodSeconds: 1 }), readinessProbe: http({ initialDelaySeconds: 5, periodSeconds: 1 }) }), start);
    tick(p, clock, () => ok);
    expect(p.started).toBe(true);
    expect(p.nextWake()).toBe(start + 5000);
  });

  it('startup failure × failureThreshold kills: "failed startup probe, will be restarted"', () => {
    const clock = new FakeClock();
    const p = new ContainerProber('app', 'c1', container({ startupProbe: http({ periodSeconds: 1, failureThreshold: 2 }), livenessProbe: http() }), clock.now());
    expect(tick(p, clock, () => fail('dial tcp 172.18.0.3:80: connect: connection refused')).kill).toBeUndefined();
    clock.advance(1000);
    const t = tick(p, clock, () => fail('dial tcp 172.18.0.3:80: connect: connection refused'));
    expect(t.events[0]!.message).toBe('Startup probe failed: dial tcp 172.18.0.3:80: connect: connection refused');
    expect(t.kill).toEqual({ kind: 'startup', message: 'Container app failed startup probe, will be restarted' });
    expect(p.started).toBe(false);
  });

  it('a new container (restart) starts over with initial results', () => {
    const clock = new FakeClock();
    const spec = container({ readinessProbe: http({ periodSeconds: 1 }), livenessProbe: http({ periodSeconds: 1, failureThreshold: 1 }) });
    const first = new ContainerProber('app', 'c1', spec, clock.now());
    tick(first, clock, (k) => (k === 'readiness' ? ok : fail()));
    clock.advance(5000);
    const second = new ContainerProber('app', 'c2', spec, clock.now());
    expect(second.ready).toBe(false);
    expect(second.due(clock.now())).toEqual(['liveness', 'readiness']);
  });
});
