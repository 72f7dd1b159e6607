// Server-side printers (printers.go) cell by cell, and the Table envelope toTable builds.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import {
  DEFAULT_COLUMNS,
  EVENT_COLUMNS,
  POD_COLUMNS,
  formatEndpoints,
  formatEventSource,
  makePortString,
  printDefault,
  printDeployment,
  printEndpoints,
  printEvent,
  printNamespace,
  printNode,
  printReplicaSet,
  printService,
} from '../../src/printers/columns.js';
import { columnsFor, toTable } from '../../src/kinds/index.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString();
const obj = (o: Partial<KObject> & Record<string, unknown>): KObject => ({ metadata: {}, ...o }) as KObject;

describe('column definitions', () => {
  it('are title case, with format name on the name column and priority 1 for wide ones', () => {
    expect(POD_COLUMNS.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ]);
    expect(POD_COLUMNS[0]).toMatchObject({ type: 'string', format: 'name' });
    expect(POD_COLUMNS[0]!.description).toMatch(/^Name must be unique within a namespace\./);
    expect(POD_COLUMNS[3]).toMatchObject({ name: 'Restarts', type: 'string' });
    expect(columnsFor('Deployment').map((c) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(columnsFor('ReplicaSet').map((c) => `${c.name}:${c.type}`)).toEqual([
      'Name:string',
      'Desired:integer',
      'Current:integer',
      'Ready:integer',
      'Age:string',
      'Containers:string',
      'Images:string',
      'Selector:string',
    ]);
    expect(columnsFor('Service').map((c) => c.name)).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
    expect(columnsFor('Node').filter((c) => c.priority === 1).map((c) => c.name)).toEqual([
      'Internal-IP',
      'External-IP',
      'OS-Image',
      'Kernel-Version',
      'Container-Runtime',
    ]);
    expect(columnsFor('Namespace').map((c) => c.name)).toEqual(['Name', 'Status', 'Age']);
    expect(columnsFor('Endpoints').map((c) => c.name)).toEqual(['Name', 'Endpoints', 'Age']);
  });
  it('put the event name last, wide only', () => {
    expect(EVENT_COLUMNS.map((c) => `${c.name}/${c.priority}${c.format ? '/' + c.format : ''}`)).toEqual([
      'Last Seen/0',
      'Type/0',
      'Reason/0',
      'Object/0',
      'Subobject/1',
      'Source/1',
      'Message/0',
      'First Seen/1',
      'Count/1',
      'Name/1/name',
    ]);
  });
  it('default to Name and Created At (a date) for kinds without a printer', () => {
    expect(columnsFor('Widget')).toBe(DEFAULT_COLUMNS);
    expect(DEFAULT_COLUMNS.map((c) => `${c.name}:${c.type}`)).toEqual(['Name:string', 'Created At:date']);
    expect(printDefault(obj({ metadata: { name: 'w', creationTimestamp: '2024-05-01T11:00:00.123Z' } })).cells).toEqual(['w', '2024-05-01T11:00:00Z']);
    expect(printDefault(obj({ metadata: { name: 'w' } })).cells).toEqual(['w', '0001-01-01T00:00:00Z']);
  });
});

describe('Service', () => {
  const svc = (spec: Record<string, unknown>, status?: Record<string, unknown>) =>
    obj({ metadata: { name: 'service1' }, spec, ...(status ? { status } : {}) });
  it('prints ports, cluster IP, external IP and selector (TestPrintServiceLoadBalancer)', () => {
    expect(
      printService(svc({ clusterIPs: ['1.2.3.4'], type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }] } }), NOW)
        .cells,
    ).toEqual(['service1', 'LoadBalancer', '1.2.3.4', '2.3.4.5,3.4.5.6', '80/TCP', '<unknown>', '<none>']);
    expect(
      printService(
        svc({ clusterIPs: ['1.3.4.5'], type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }, { port: 8090, protocol: 'UDP' }, { port: 8000, protocol: 'TCP' }, { port: 7777, protocol: 'SCTP' }] }),
        NOW,
      ).cells.slice(3, 5),
    ).toEqual(['<pending>', '80/TCP,8090/UDP,8000/TCP,7777/SCTP']);
    // The server always prints wide, so a long ingress list is never clipped.
    expect(
      printService(
        svc(
          { clusterIPs: ['1.5.6.7'], type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP' }], selector: { foo: 'bar' } },
          { loadBalancer: { ingress: [{ ip: '2.3.4.5' }, { ip: '3.4.5.6' }, { ip: '5.6.7.8', hostname: 'host5678' }] } },
        ),
        NOW,
      ).cells,
    ).toEqual(['service1', 'LoadBalancer', '1.5.6.7', '2.3.4.5,3.4.5.6,5.6.7.8', '80/TCP', '<unknown>', 'foo=bar']);
  });
  it('handles ClusterIP, NodePort, ExternalName and headless services', () => {
    expect(printService(svc({ type: 'ClusterIP', clusterIPs: ['10.96.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }), NOW).cells.slice(1, 5)).toEqual([
      'ClusterIP',
      '10.96.0.1',
      '<none>',
      '443/TCP',
    ]);
    expect(printService(svc({ type: 'NodePort', clusterIPs: ['10.0.0.9'], externalIPs: ['1.1.1.1', '2.2.2.2'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }), NOW).cells.slice(1, 5)).toEqual([
      'NodePort',
      '10.0.0.9',
      '1.1.1.1,2.2.2.2',
      '80:30080/TCP',
    ]);
    expect(printService(svc({ type: 'ExternalName', externalName: 'example.com' }), NOW).cells.slice(1, 5)).toEqual(['ExternalName', '<none>', 'example.com', '<none>']);
    expect(printService(svc({ clusterIP: 'None', clusterIPs: ['None'], selector: { app: 'db', a: 'b' } }), NOW).cells).toEqual([
      'service1',
      'ClusterIP',
      'None',
      '<none>',
      '<none>',
      '<unknown>',
      'a=b,app=db',
    ]);
    expect(printService(svc({ type: 'LoadBalancer', clusterIPs: ['1.1.1.1'], externalIPs: ['9.9.9.9'] }, { loadBalancer: { ingress: [{ hostname: 'lb.example.com' }] } }), NOW).cells[3]).toBe(
      'lb.example.com,9.9.9.9',
    );
    expect(makePortString([{ port: 53 }, { port: 80, nodePort: 0, protocol: 'TCP' }])).toBe('53/TCP,80/TCP');
  });
});

describe('Endpoints', () => {
  it('lists up to three host:port pairs, then "+ N more..."', () => {
    const addrs = (n: number) => Array.from({ length: n }, (_, i) => ({ ip: `10.0.0.${i + 1}` }));
    expect(formatEndpoints(undefined)).toBe('<none>');
    expect(formatEndpoints([{ addresses: addrs(2), ports: [{ port: 80 }] }])).toBe('10.0.0.1:80,10.0.0.2:80');
    expect(formatEndpoints([{ addresses: addrs(5), ports: [{ port: 80 }] }])).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
    expect(formatEndpoints([{ addresses: addrs(3), ports: [{ port: 80 }, { port: 443 }] }])).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 3 more...');
    // Headless services without ports list bare IPs; IPv6 gets brackets only with a port.
    expect(formatEndpoints([{ addresses: [{ ip: 'fd00::1' }, { ip: '10.0.0.2' }] }])).toBe('fd00::1,10.0.0.2');
    expect(formatEndpoints([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 53 }] }])).toBe('[fd00::1]:53');
    expect(formatEndpoints([{}])).toBe('');
    expect(printEndpoints(obj({ metadata: { name: 'e', creationTimestamp: ago(60) } }), NOW).cells).toEqual(['e', '<none>', '60s']);
  });
});

describe('Event', () => {
  const ev = (o: Record<string, unknown>) => obj({ metadata: { name: 'ev1' }, involvedObject: { kind: 'Pod', name: 'nginx' }, type: 'Normal', reason: 'Pulled', ...o });
  it('prints LAST SEEN, TYPE, REASON, OBJECT, MESSAGE and the wide columns', () => {
    expect(
      printEvent(ev({ firstTimestamp: ago(300), lastTimestamp: ago(60), count: 4, message: ' pulled \n', source: { component: 'kubelet', host: 'node1' }, involvedObject: { kind: 'Pod', name: 'nginx', fieldPath: 'spec.containers{nginx}' } }), NOW).cells,
    ).toEqual(['60s', 'Normal', 'Pulled', 'pod/nginx', 'spec.containers{nginx}', 'kubelet, node1', 'pulled', '5m', 4, 'ev1']);
  });
  it('falls back to eventTime, series and reporting controller (events.k8s.io-style events)', () => {
    expect(printEvent(ev({ eventTime: ago(50), reportingComponent: 'deployment-controller' }), NOW).cells).toEqual([
      '50s',
      'Normal',
      'Pulled',
      'pod/nginx',
      '',
      'deployment-controller',
      '',
      '50s',
      1,
      'ev1',
    ]);
    expect(printEvent(ev({ eventTime: ago(900), series: { count: 7, lastObservedTime: ago(60) }, reportingComponent: 'c', reportingInstance: 'i' }), NOW).cells).toEqual([
      '60s',
      'Normal',
      'Pulled',
      'pod/nginx',
      '',
      'c, i',
      '',
      '15m',
      7,
      'ev1',
    ]);
  });
  it('prints <invalid> for a last timestamp in the future and the bare kind without a name', () => {
    const cells = printEvent(ev({ firstTimestamp: ago(10), lastTimestamp: ago(-30), involvedObject: { kind: 'Node' } }), NOW).cells;
    expect(cells.slice(0, 4)).toEqual(['<invalid>', 'Normal', 'Pulled', 'node']);
    expect(formatEventSource({ component: 'kubelet' })).toBe('kubelet');
    expect(formatEventSource(undefined, 'ctrl', 'inst')).toBe('ctrl, inst');
  });
});

describe('Node', () => {
  it('prints status, roles, version and the wide columns (TestPrintNode*)', () => {
    expect(printNode(obj({ metadata: { name: 'foo1' }, status: { nodeInfo: { containerRuntimeVersion: 'foo://1.2.3' }, addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }] } }), NOW).cells).toEqual([
      'foo1',
      'Unknown',
      '<none>',
      '<unknown>',
      '',
      '<none>',
      '1.1.1.1',
      '<unknown>',
      '<unknown>',
      'foo://1.2.3',
    ]);
    expect(
      printNode(
        obj({
          metadata: { name: 'foo3', labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra' } },
          spec: { unschedulable: true },
          status: {
            conditions: [{ type: 'Ready', status: 'False' }],
            addresses: [
              { type: 'ExternalIP', address: '2.2.2.2' },
              { type: 'InternalIP', address: '3.3.3.3' },
              { type: 'ExternalIP', address: '4.4.4.4' },
            ],
            nodeInfo: { kubeletVersion: 'v1.35.0', osImage: 'Debian', kernelVersion: '6.8', containerRuntimeVersion: 'docker://27' },
          },
        }),
        NOW,
      ).cells,
    ).toEqual(['foo3', 'NotReady,SchedulingDisabled', 'control-plane,infra,worker', '<unknown>', 'v1.35.0', '3.3.3.3', '2.2.2.2', 'Debian', '6.8', 'docker://27']);
  });
});

describe('Deployment, ReplicaSet, Namespace', () => {
  it('prints a deployment', () => {
    const d = obj({
      metadata: { name: 'web', creationTimestamp: ago(600) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 's', image: 'busybox' }] } } },
      status: { updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    });
    expect(printDeployment(d, NOW).cells).toEqual(['web', '2/3', 3, 2, '10m', 'nginx,s', 'nginx:1.25,busybox', 'app=web']);
    const odd = obj({ metadata: { name: 'x' }, spec: { selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }, { key: 'x', operator: 'DoesNotExist' }] } } });
    expect(printDeployment(odd, NOW).cells).toEqual(['x', '0/1', 0, 0, '<unknown>', '', '', 'tier in (a,b),!x']);
    expect(printDeployment(obj({ metadata: { name: 'y' }, spec: { replicas: 0, selector: {} } }), NOW).cells[7]).toBe('');
  });
  it('prints a replica set', () => {
    const rs = obj({
      metadata: { name: 'web-abc', creationTimestamp: ago(600) },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
      status: { replicas: 3, readyReplicas: 1 },
    });
    expect(printReplicaSet(rs, NOW).cells).toEqual(['web-abc', 3, 3, 1, '10m', 'nginx', 'nginx', 'app=web,pod-template-hash=abc']);
    expect(printReplicaSet(obj({ metadata: { name: 'e' }, spec: { replicas: 0, selector: {} } }), NOW).cells).toEqual(['e', 0, 0, 0, '<unknown>', '', '', '<none>']);
  });
  it('prints a namespace', () => {
    expect(printNamespace(obj({ metadata: { name: 'default', creationTimestamp: ago(3600 * 26) }, status: { phase: 'Active' } }), NOW).cells).toEqual(['default', 'Active', '26h']);
    expect(printNamespace(obj({ metadata: { name: 'gone' }, status: { phase: 'Terminating' } }), NOW).cells[1]).toBe('Terminating');
  });
});

describe('toTable', () => {
  const pods = [
    obj({ metadata: { name: 'a', namespace: 'default', labels: { app: 'x' }, creationTimestamp: ago(5) }, spec: { containers: [{ name: 'c', image: 'i' }] }, status: { phase: 'Succeeded' } }),
    obj({ metadata: { name: 'b', namespace: 'default' }, spec: { containers: [] } }),
  ];
  it('builds a meta.k8s.io/v1 Table with PartialObjectMetadata rows by default', () => {
    const t = toTable('Pod', pods, { now: NOW, resourceVersion: '42' });
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.metadata).toEqual({ resourceVersion: '42' });
    expect(t.columnDefinitions).toHaveLength(9);
    expect(t.rows[0]).toEqual({
      cells: ['a', '0/1', 'Succeeded', '0', '5s', '<none>', '<none>', '<none>', '<none>'],
      conditions: [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pods[0]!.metadata },
    });
    expect(t.rows[1]).not.toHaveProperty('conditions');
    // JSON round trip: what goes on the wire.
    expect(JSON.parse(JSON.stringify(t)).rows[1].cells).toEqual(['b', '0/0', '', '0', '<unknown>', '<none>', '<none>', '<none>', '<none>']);
  });
  it('honours includeObject None and Object', () => {
    expect(toTable('Pod', pods, { now: NOW, includeObject: 'None' }).rows[0]).not.toHaveProperty('object');
    const full = toTable('Pod', pods, { now: NOW, includeObject: 'Object' }).rows[0]!.object as KObject;
    expect(full.kind).toBe('Pod');
    expect(full.apiVersion).toBe('v1');
    expect(full.metadata.name).toBe('a');
  });
  it('omits column definitions with noHeaders and leaves metadata empty without a resourceVersion', () => {
    const t = toTable('Namespace', [], { now: NOW, noHeaders: true });
    expect(t.columnDefinitions).toBeNull();
    expect(t.metadata).toEqual({});
    expect(t.rows).toEqual([]);
  });
  it('uses the default printer for unknown kinds', () => {
    const t = toTable('Widget', [obj({ metadata: { name: 'w', creationTimestamp: '2024-05-01T11:59:00Z' } })], { now: NOW });
    expect(t.columnDefinitions.map((c) => c.name)).toEqual(['Name', 'Created At']);
    expect(t.rows[0]!.cells).toEqual(['w', '2024-05-01T11:59:00Z']);
  });
});
