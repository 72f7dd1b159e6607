// printPod's READY/STATUS/RESTARTS, with the cases of printers.go's printers_test.go
// (TestPrintPod, TestPrintPodWithRestartableInitContainer, TestPrintPodwide, TestPrintPodConditions).
import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../src/api/types.js';
import {
  podReadinessGatesCell,
  podReadyCell,
  podRestartsCell,
  podRowConditions,
  podRowInfo,
  podStatusReason,
} from '../../src/printers/pod-status.js';
import { printPod } from '../../src/printers/columns.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const SEC = 1000;
const DAY = 24 * 3600 * SEC;

type CS = Partial<ContainerStatus>;
function pod(p: {
  name?: string;
  containers?: number;
  init?: (string | { name: string; sidecar?: boolean })[];
  phase?: string;
  reason?: string;
  cs?: CS[];
  ics?: CS[];
  conditions?: { type: string; status: string; reason?: string }[];
  deleted?: boolean;
}): Pod {
  return {
    metadata: { name: p.name ?? 'test', ...(p.deleted ? { deletionTimestamp: ago(10 * SEC) } : {}) },
    spec: {
      containers: Array.from({ length: p.containers ?? 1 }, (_, i) => ({ name: `c${i}`, image: 'x' })),
      ...(p.init
        ? {
            initContainers: p.init.map((c) =>
              typeof c === 'string' ? { name: c, image: 'x' } : { name: c.name, image: 'x', ...(c.sidecar ? { restartPolicy: 'Always' } : {}) },
            ),
          }
        : {}),
    },
    status: {
      ...(p.phase !== undefined ? { phase: p.phase as never } : {}),
      ...(p.reason ? { reason: p.reason } : {}),
      ...(p.cs ? { containerStatuses: p.cs as ContainerStatus[] } : {}),
      ...(p.ics ? { initContainerStatuses: p.ics as ContainerStatus[] } : {}),
      ...(p.conditions ? { conditions: p.conditions as never } : {}),
    },
  } as Pod;
}
const running = { running: {} };
const lastTerm = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } });
const cells = (p: Pod) => {
  const i = podRowInfo(p, NOW);
  return [i.ready, i.status, i.restarts];
};

describe('TestPrintPod', () => {
  it.each<[string, Pod, string[]]>([
    ['name, containers, restarts, ready', pod({ containers: 2, phase: 'podPhase', cs: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] }), ['1/2', 'podPhase', '6']],
    [
      'container error overwrites pod phase',
      pod({ containers: 2, phase: 'podPhase', cs: [{ ready: true, restartCount: 3, state: running }, { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] }),
      ['1/2', 'ContainerWaitingReason', '6'],
    ],
    [
      'the first container wins over the rest',
      pod({
        containers: 2,
        phase: 'podPhase',
        cs: [
          { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 },
          { state: { terminated: { reason: 'ContainerTerminatedReason', exitCode: 0 } }, restartCount: 3 },
        ],
      }),
      ['0/2', 'ContainerWaitingReason', '6'],
    ],
    ['ready is not enough for running', pod({ containers: 2, phase: 'podPhase', cs: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] }), ['1/2', 'podPhase', '6']],
    [
      'status.reason wins over the phase',
      pod({ containers: 2, phase: 'podPhase', reason: 'podReason', cs: [{ ready: true, restartCount: 3, state: running }, { ready: true, restartCount: 3 }] }),
      ['1/2', 'podReason', '6'],
    ],
    [
      'one running and one completed, without a Ready condition',
      pod({ containers: 2, phase: 'Running', cs: [{ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }, { ready: true, restartCount: 3, state: running }] }),
      ['1/2', 'NotReady', '6'],
    ],
    [
      'one running and one completed, with a Ready condition',
      pod({
        containers: 2,
        phase: 'Running',
        cs: [{ ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } }, { ready: true, restartCount: 3, state: running }],
        conditions: [{ type: 'Ready', status: 'True' }],
      }),
      ['1/2', 'Running', '6'],
    ],
    [
      'an init container restarting',
      pod({ init: ['i0'], phase: 'podPhase', ics: [{ name: 'i0', restartCount: 3, state: running, lastState: lastTerm(10 * SEC) }], cs: [{ restartCount: 0, state: { waiting: {} } }] }),
      ['0/1', 'Init:0/1', '3 (10s ago)'],
    ],
    [
      'two init containers, the first restarting',
      pod({
        init: ['i0', 'i1'],
        phase: 'podPhase',
        ics: [{ name: 'i0', restartCount: 3, state: running, lastState: lastTerm(10 * SEC) }, { name: 'i1', state: { waiting: {} } }],
        cs: [{ state: { waiting: {} } }],
      }),
      ['0/1', 'Init:0/2', '3 (10s ago)'],
    ],
    [
      'the first init container done, the second restarting',
      pod({
        init: ['i0', 'i1'],
        phase: 'podPhase',
        ics: [{ name: 'i0', state: { terminated: { exitCode: 0 } } }, { name: 'i1', restartCount: 3, state: running, lastState: lastTerm(10 * SEC) }],
        cs: [{ state: { waiting: {} } }],
      }),
      ['0/1', 'Init:1/2', '3 (10s ago)'],
    ],
    [
      'restarts of completed init containers count while initializing',
      pod({
        init: ['i0', 'i1'],
        phase: 'podPhase',
        ics: [
          { name: 'i0', restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: lastTerm(120 * SEC) },
          { name: 'i1', restartCount: 3, state: running, lastState: lastTerm(10 * SEC) },
        ],
        cs: [{ state: { waiting: {} } }],
      }),
      ['0/1', 'Init:1/2', '5 (10s ago)'],
    ],
    [
      'once initialized only the app containers count',
      pod({
        init: ['i0'],
        phase: 'Running',
        ics: [{ name: 'i0', restartCount: 2, state: { terminated: { exitCode: 0 } }, lastState: lastTerm(120 * SEC) }],
        cs: [{ restartCount: 4, state: running, lastState: lastTerm(20 * SEC) }],
      }),
      ['0/1', 'Running', '4 (20s ago)'],
    ],
    ['restarted 5d ago', pod({ phase: 'Running', cs: [{ ready: true, restartCount: 3, state: running, lastState: lastTerm(5 * DAY) }] }), ['1/1', 'Running', '3 (5d ago)']],
    [
      'one never restarted, one restarted 10d ago',
      pod({ containers: 2, phase: 'Running', cs: [{ ready: true, restartCount: 0, state: running }, { ready: true, restartCount: 3, state: running, lastState: lastTerm(10 * DAY) }] }),
      ['2/2', 'Running', '3 (10d ago)'],
    ],
    [
      'the latest restart is shown',
      pod({
        containers: 2,
        phase: 'Running',
        cs: [
          { ready: true, restartCount: 6, state: running, lastState: lastTerm(5 * DAY) },
          { ready: true, restartCount: 3, state: running, lastState: lastTerm(20 * DAY) },
        ],
      }),
      ['2/2', 'Running', '9 (5d ago)'],
    ],
    ['SchedulingGated', pod({ containers: 2, phase: 'podPhase', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), ['0/2', 'SchedulingGated', '0']],
    ['Succeeded', pod({ phase: 'Succeeded', cs: [{ restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }), ['0/1', 'Completed', '0']],
    ['Failed', pod({ phase: 'Failed', cs: [{ restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } }] }), ['0/1', 'Error', '0']],
    ['Succeeded and deleted stays Completed', pod({ deleted: true, phase: 'Succeeded', cs: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }), ['0/1', 'Completed', '0']],
    ['Running and deleted is Terminating', pod({ deleted: true, phase: 'Running', cs: [{ state: running }] }), ['0/1', 'Terminating', '0']],
    ['Pending and deleted is Terminating', pod({ deleted: true, phase: 'Pending' }), ['0/1', 'Terminating', '0']],
  ])('%s', (_name, p, want) => expect(cells(p)).toEqual(want));
});

describe('TestPrintPodWithRestartableInitContainer', () => {
  const sidecars = [
    { name: 'restartable-init-1', sidecar: true },
    { name: 'restartable-init-2', sidecar: true },
  ];
  it.each<[string, Pod, string[]]>([
    [
      'first sidecar running but not started',
      pod({
        init: sidecars,
        phase: 'Pending',
        ics: [
          { name: 'restartable-init-1', restartCount: 3, state: running, started: false, lastState: lastTerm(10 * SEC) },
          { name: 'restartable-init-2', state: { waiting: {} }, started: false },
        ],
        cs: [{ state: { waiting: {} } }],
        conditions: [{ type: 'Initialized', status: 'False' }],
      }),
      ['0/3', 'Init:0/2', '3 (10s ago)'],
    ],
    [
      'first sidecar started, second running but not started',
      pod({
        init: sidecars,
        phase: 'Pending',
        ics: [
          { name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: lastTerm(10 * SEC) },
          { name: 'restartable-init-2', state: running, started: false },
        ],
        cs: [{ state: { waiting: {} } }],
        conditions: [{ type: 'Initialized', status: 'False' }],
      }),
      ['0/3', 'Init:1/2', '3 (10s ago)'],
    ],
    [
      'both sidecars started and the container running',
      pod({
        init: sidecars,
        phase: 'Running',
        ics: [
          { name: 'restartable-init-1', restartCount: 3, state: running, started: true, lastState: lastTerm(10 * SEC) },
          { name: 'restartable-init-2', state: running, started: true },
        ],
        cs: [{ ready: true, restartCount: 4, state: running, lastState: lastTerm(20 * SEC) }],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      ['1/3', 'Running', '7 (10s ago)'],
    ],
    [
      'sidecars terminated non-zero, container completed',
      pod({
        init: sidecars,
        phase: 'Succeeded',
        ics: [
          { name: 'restartable-init-1', restartCount: 3, state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false, lastState: lastTerm(10 * SEC) },
          { name: 'restartable-init-2', state: { terminated: { reason: 'Error', exitCode: 137 } }, started: false },
        ],
        cs: [{ restartCount: 4, state: { terminated: { reason: 'Completed', exitCode: 0 } }, lastState: lastTerm(20 * SEC) }],
        conditions: [{ type: 'Initialized', status: 'True' }],
      }),
      ['0/3', 'Completed', '7 (10s ago)'],
    ],
    [
      'statuses for containers missing from the spec',
      pod({
        init: ['init1', { name: 'sidecar1', sidecar: true }],
        phase: 'Running',
        ics: [{ name: 'initinvalid' }, { name: 'init1' }, { name: 'sidecar1' }],
        cs: [{ name: 'containerinvalid' }, { name: 'container1' }],
      }),
      ['0/2', 'Init:0/2', '0'],
    ],
  ])('%s', (_name, p, want) => expect(cells(p)).toEqual(want));
});

describe('init container failures and other reasons', () => {
  it('reports Init:<reason>, Init:Signal:N and Init:ExitCode:N', () => {
    const failed = (terminated: object) => pod({ init: ['i'], phase: 'Pending', ics: [{ name: 'i', state: { terminated } as never }] });
    expect(podStatusReason(failed({ exitCode: 1, reason: 'Error' }))).toBe('Init:Error');
    expect(podStatusReason(failed({ exitCode: 137, signal: 9 }))).toBe('Init:Signal:9');
    expect(podStatusReason(failed({ exitCode: 3 }))).toBe('Init:ExitCode:3');
    const waiting = (reason: string) => pod({ init: ['i'], phase: 'Pending', ics: [{ name: 'i', state: { waiting: { reason } } }] });
    expect(podStatusReason(waiting('ImagePullBackOff'))).toBe('Init:ImagePullBackOff');
    expect(podStatusReason(waiting('PodInitializing'))).toBe('Init:0/1');
  });
  it('reports Signal:N and ExitCode:N for app containers without a reason', () => {
    expect(podStatusReason(pod({ phase: 'Failed', cs: [{ state: { terminated: { exitCode: 143, signal: 15 } } }] }))).toBe('Signal:15');
    expect(podStatusReason(pod({ phase: 'Failed', cs: [{ state: { terminated: { exitCode: 2 } } }] }))).toBe('ExitCode:2');
  });
  it('shows Unknown for deleted pods on a lost node', () => {
    expect(podStatusReason(pod({ deleted: true, phase: 'Running', reason: 'NodeLost' }))).toBe('Unknown');
  });
  it('exposes the cells separately', () => {
    const p = pod({ containers: 2, phase: 'Running', cs: [{ ready: true, restartCount: 1, state: running, lastState: lastTerm(90 * SEC) }, { ready: false, restartCount: 0, state: running }] });
    expect(podReadyCell(p)).toBe('1/2');
    expect(podStatusReason(p, NOW)).toBe('Running');
    expect(podRestartsCell(p, NOW)).toBe('1 (90s ago)');
    // A restart without a recorded finish time shows the bare count.
    expect(podRestartsCell(pod({ phase: 'Running', cs: [{ restartCount: 2, state: running }] }), NOW)).toBe('2');
  });
});

describe('TestPrintPodwide and row conditions', () => {
  it('fills IP, node, nominated node and readiness gates', () => {
    const p = pod({ containers: 2, phase: 'podPhase', cs: [{ ready: true, restartCount: 3, state: running }, { restartCount: 3 }] });
    p.spec.nodeName = 'test1';
    (p.spec as Record<string, unknown>).readinessGates = [{ conditionType: 'condition1' }, { conditionType: 'condition2' }, { conditionType: 'condition3' }];
    p.status!.conditions = [
      { type: 'condition1', status: 'False' },
      { type: 'condition2', status: 'True' },
    ];
    p.status!.podIPs = [{ ip: '1.1.1.1' }, { ip: '2001:db8::' }];
    (p.status as Record<string, unknown>).nominatedNodeName = 'node1';
    expect(printPod(p, NOW).cells).toEqual(['test', '1/2', 'podPhase', '6', '<unknown>', '1.1.1.1', 'test1', 'node1', '1/3']);
    expect(podReadinessGatesCell(p)).toBe('1/3');
  });
  it('prints <none> for the absent wide values', () => {
    const p = pod({ containers: 2, phase: 'podPhase', cs: [{ ready: true, restartCount: 3, state: running }, { state: { waiting: { reason: 'ContainerWaitingReason' } }, restartCount: 3 }] });
    expect(printPod(p, NOW).cells).toEqual(['test', '1/2', 'ContainerWaitingReason', '6', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
  });
  it('marks Succeeded and Failed rows Completed', () => {
    expect(podRowConditions(pod({ phase: 'Running' }))).toBeUndefined();
    expect(podRowConditions(pod({ phase: 'Succeeded' }))).toEqual([{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]);
    expect(podRowConditions(pod({ phase: 'Failed' }))).toEqual([{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
    expect(printPod(pod({ phase: 'Failed' }), NOW).conditions?.[0]?.reason).toBe('Failed');
  });
});
