// Goldens that settle where two ports of Go/kubectl behaviour used to disagree, each printed by the
// real kubectl v1.35:
// - a number in a table cell: `kubectl get pods` against a stub API server answering with a Table
//   whose `Value` cells are these numbers and whose `Obj` cells are a map (fmt.Sprint: float64 with
//   %v — exponent from 1e+06 and below 1e-04 —, int64 as digits, map keys sorted, nil as <nil>);
// - events with equal lastTimestamps: `kubectl describe pod` and `kubectl describe deployment` on a
//   kbx cluster holding these 18 events (two timestamps, interleaved) for each object, in the order
//   the server lists them. kubectl orders them with Go's unstable sort.Sort, and both describers
//   print the same order.
import { describe, expect, it } from 'vitest';
import type { EventObject, KObject, Pod, Table } from '../../../src/api/types.js';
import { renderTable } from '../../../src/printers/render-table.js';
import { describePod } from '../../../src/printers/describe.js';
import { describeDeployment } from '../../../src/printers/describe-apps.js';

const NUMBERS = [1234567.5, 0.5, 0.00001, 1e20, 3, 123456.25, -0.0001234, 1e21, 9007199254740993e3];
const TABLE: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '1' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
    { name: 'Value', type: 'number', format: '', description: '', priority: 0 },
    { name: 'Obj', type: 'string', format: '', description: '', priority: 0 },
  ],
  rows: NUMBERS.map((v, i) => ({ cells: ['abcdefghi'[i], v, { é: 1.5, z: [1, 2.5], B: null }] })),
} as Table;

const KUBECTL_GET_NUMBERS = [
    'NAME   VALUE                 OBJ',
    'a      1.2345675e+06         map[B:<nil> z:[1 2.5] é:1.5]',
    'b      0.5                   map[B:<nil> z:[1 2.5] é:1.5]',
    'c      1e-05                 map[B:<nil> z:[1 2.5] é:1.5]',
    'd      1e+20                 map[B:<nil> z:[1 2.5] é:1.5]',
    'e      3                     map[B:<nil> z:[1 2.5] é:1.5]',
    'f      123456.25             map[B:<nil> z:[1 2.5] é:1.5]',
    'g      -0.0001234            map[B:<nil> z:[1 2.5] é:1.5]',
    'h      1e+21                 map[B:<nil> z:[1 2.5] é:1.5]',
    'i      9007199254740993000   map[B:<nil> z:[1 2.5] é:1.5]',
  ].join('\n') + '\n';

// `kubectl describe` on the kbx cluster at this time (ms since the epoch).
const NOW = 1796219184276;
const T1 = '2020-01-01T00:00:00Z';
const T2 = '2020-01-01T00:00:05Z';
const PATTERN = [T2, T1, T1, T2, T1, T2, T2, T1, T1, T1, T2, T1, T2, T2, T1, T1, T2, T1];

function events(kind: string, name: string, apiVersion: string): EventObject[] {
  return PATTERN.map((t, i) => {
    const n = String(i + 1).padStart(2, '0');
    const e: Record<string, any> = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${name}.e${n}`, namespace: 'default' },
      involvedObject: { kind, name, namespace: 'default', uid: `uid-${name}`, apiVersion },
      reason: `R${n}`,
      message: `  message ${n}  `,
      type: i % 5 === 4 ? 'Warning' : 'Normal',
      source: { component: `comp-${n}` },
      firstTimestamp: t,
      lastTimestamp: t,
      count: 1,
    };
    if (i === 2) Object.assign(e, { source: {}, reportingComponent: 'rep-comp', reportingInstance: 'inst' });
    if (i === 4) e.involvedObject.fieldPath = 'spec.containers{c}';
    if (i === 6) Object.assign(e, { count: 3, firstTimestamp: '2019-12-31T23:00:00Z' });
    if (i === 8)
      Object.assign(e, {
        eventTime: '2019-12-31T22:00:00.000000Z',
        series: { count: 4, lastObservedTime: '2019-12-31T23:30:00.000000Z' },
        reportingComponent: 'rep-comp',
        reportingInstance: 'inst',
        action: 'Act',
      });
    return e as EventObject;
  });
}

const KUBECTL_DESCRIBE_EVENTS = [
    'Events:',
    '  Type     Reason  Age                      From      Message',
    '  ----     ------  ----                     ----      -------',
    '  Normal   R09     6y337d (x4 over 6y337d)  comp-09   message 09',
    '  Warning  R10     6y337d                   comp-10   message 10',
    '  Normal   R03     6y337d                   rep-comp  message 03',
    '  Normal   R18     6y337d                   comp-18   message 18',
    '  Warning  R05     6y337d                   comp-05   spec.containers{c}: message 05',
    '  Normal   R16     6y337d                   comp-16   message 16',
    '  Warning  R15     6y337d                   comp-15   message 15',
    '  Normal   R08     6y337d                   comp-08   message 08',
    '  Normal   R02     6y337d                   comp-02   message 02',
    '  Normal   R12     6y337d                   comp-12   message 12',
    '  Normal   R11     6y337d                   comp-11   message 11',
    '  Normal   R01     6y337d                   comp-01   message 01',
    '  Normal   R13     6y337d                   comp-13   message 13',
    '  Normal   R14     6y337d                   comp-14   message 14',
    '  Normal   R07     6y337d (x3 over 6y337d)  comp-07   message 07',
    '  Normal   R06     6y337d                   comp-06   message 06',
    '  Normal   R17     6y337d                   comp-17   message 17',
    '  Normal   R04     6y337d                   comp-04   message 04',
  ].join('\n') + '\n';

const eventsSection = (text: string) => text.slice(text.indexOf('Events:'));

describe('kubectl goldens for the Go ports in src/compat', () => {
  it('a non-integral float, a large integral number and a map in table cells print as fmt.Sprint does', () => {
    expect(renderTable(TABLE)).toBe(KUBECTL_GET_NUMBERS);
  });

  it('describe pod orders events with equal timestamps as kubectl (Go sort.Sort, not a stable sort)', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'ev-pod', namespace: 'default', uid: 'uid-ev-pod' }, spec: { containers: [{ name: 'c', image: 'busybox' }] }, status: { phase: 'Pending' } } as unknown as Pod;
    expect(eventsSection(describePod(pod, events('Pod', 'ev-pod', 'v1'), { now: NOW, timeZone: 'UTC' }))).toBe(KUBECTL_DESCRIBE_EVENTS);
  });

  it('describe deployment orders the same events the same way', () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'ev-deploy', namespace: 'default', uid: 'uid-ev-deploy' }, spec: { replicas: 0, template: {} } } as KObject;
    expect(eventsSection(describeDeployment(d, [], events('Deployment', 'ev-deploy', 'apps/v1'), { now: NOW, timeZone: 'UTC' }))).toBe(KUBECTL_DESCRIBE_EVENTS);
  });
});
