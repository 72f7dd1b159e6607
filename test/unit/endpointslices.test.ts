// EndpointSlices: the resource (registry entry, discovery, validation with the API server's
// messages), kubectl's columns, and the controller's pure plan (table-driven).
import { describe, it, expect, beforeEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES, resolveResource } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { aggregatedDiscovery, apiResourceList, legacyApiGroupList } from '../../src/apiserver/discovery.js';
import { formatDiscoveryEndpoints, formatDiscoveryPorts, printEndpointSlice } from '../../src/printers/columns.js';
import { columnsFor } from '../../src/kinds/index.js';
import {
  CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  endpointPorts,
  managesSlicesFor,
  planSlices,
  podToEndpoint,
  type SlicePlan,
} from '../../src/controllers/endpointslice/compute.js';

const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const ES = RESOURCES.find((r) => r.kind === 'EndpointSlice')!;

const msg = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

const slice = (name: string, body: Record<string, unknown>): KObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name }, ...body }) as KObject;

describe('the endpointslices resource', () => {
  it('is discovery.k8s.io/v1, namespaced, with every verb, and shows up in discovery', () => {
    expect(resolveResource('endpointslices')).toBe(ES);
    expect(resolveResource('endpointslice.discovery.k8s.io')).toBe(ES);
    expect(ES).toMatchObject({ group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', namespaced: true });
    expect(ES.verbs).toEqual(['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']);
    const agg = aggregatedDiscovery(false).items.find((i) => i.metadata.name === 'discovery.k8s.io');
    expect(agg?.versions[0]).toMatchObject({ version: 'v1', resources: [{ resource: 'endpointslices', scope: 'Namespaced', singularResource: 'endpointslice' }] });
    expect(legacyApiGroupList().groups.map((g) => g.name)).toContain('discovery.k8s.io');
    expect(apiResourceList('discovery.k8s.io', 'v1')?.resources.map((r) => r.name)).toEqual(['endpointslices']);
  });
});

describe('EndpointSlice validation', () => {
  let reg: Registry;
  beforeEach(() => {
    reg = new Registry(Store.memory(), new FakeClock());
    reg.create(NS, undefined, { metadata: { name: 'default' } });
  });

  it('defaults port names to "" and protocols to TCP', () => {
    const s = reg.create(ES, 'default', slice('a', { addressType: 'IPv4', endpoints: [{ addresses: ['10.1.2.3'] }], ports: [{ port: 80 }] })) as any;
    expect(s.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
    expect(s.apiVersion).toBe('discovery.k8s.io/v1');
  });

  it.each([
    ['no addressType', { endpoints: [] }, 'EndpointSlice.discovery.k8s.io "x" is invalid: addressType: Required value'],
    [
      'an unknown addressType',
      { addressType: 'IP' },
      'EndpointSlice.discovery.k8s.io "x" is invalid: addressType: Unsupported value: "IP": supported values: "FQDN", "IPv4", "IPv6"',
    ],
    [
      'an endpoint without addresses',
      { addressType: 'IPv4', endpoints: [{ addresses: [] }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: endpoints[0].addresses: Required value: must contain at least 1 address',
    ],
    [
      'too many addresses',
      { addressType: 'IPv4', endpoints: [{ addresses: Array.from({ length: 101 }, (_, i) => `10.0.${i >> 8}.${(i % 250) + 1}`) }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: endpoints[0].addresses: Too many: 101: must have at most 100 items',
    ],
    [
      'too many endpoints',
      { addressType: 'IPv4', endpoints: Array.from({ length: 1001 }, () => ({ addresses: ['10.0.0.1'] })) },
      'EndpointSlice.discovery.k8s.io "x" is invalid: endpoints: Too many: 1001: must have at most 1000 items',
    ],
    [
      'a bad IPv4 address',
      { addressType: 'IPv4', endpoints: [{ addresses: ['10.0.0'] }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: [endpoints[0].addresses[0]: Invalid value: "10.0.0": must be a valid IPv4 address, endpoints[0].addresses[0]: Invalid value: "10.0.0": must be a valid IP address]',
    ],
    [
      'a loopback address',
      { addressType: 'IPv4', endpoints: [{ addresses: ['127.0.0.1'] }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
    ],
    [
      'a one-label FQDN',
      { addressType: 'FQDN', endpoints: [{ addresses: ['web'] }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: endpoints[0].addresses[0]: Invalid value: "web": should be a domain with at least two segments separated by dots',
    ],
    [
      'duplicate port names and an unknown protocol',
      { addressType: 'IPv4', ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81, protocol: 'HTTP' }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: [ports[1].name: Duplicate value: "http", ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"]',
    ],
    [
      'a bad port name',
      { addressType: 'IPv4', ports: [{ name: 'Web_Port', port: 80 }] },
      'EndpointSlice.discovery.k8s.io "x" is invalid: ports[0].name: Invalid value: "Web_Port": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
    ],
  ])('refuses %s', (_what, body, expected) => {
    expect(msg(() => reg.create(ES, 'default', slice('x', body)))).toBe(expected);
  });

  it('keeps addressType immutable', () => {
    reg.create(ES, 'default', slice('a', { addressType: 'IPv4', endpoints: [{ addresses: ['10.1.2.3'] }] }));
    const cur = reg.get(ES, 'default', 'a') as any;
    expect(msg(() => reg.update(ES, 'default', 'a', { ...cur, addressType: 'IPv6' }))).toBe(
      'EndpointSlice.discovery.k8s.io "a" is invalid: [endpoints[0].addresses[0]: Invalid value: "10.1.2.3": must be a valid IPv6 address, addressType: Invalid value: "IPv6": field is immutable]',
    );
    expect(msg(() => reg.update(ES, 'default', 'a', { ...cur, endpoints: [{ addresses: ['10.1.2.4'] }] }))).toBe('');
  });
});

describe('kubectl get endpointslices columns', () => {
  it('are NAME ADDRESSTYPE PORTS ENDPOINTS AGE', () => {
    expect(columnsFor('EndpointSlice').map((c) => c.name)).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
  });
  it.each([
    [null, '<unset>'],
    [[], '<unset>'],
    [[{ name: 'http', port: 80 }], '80'],
    [[{ name: 'http', port: 80 }, { name: 'dns', port: 53 }], '80,53'],
    [[{ name: 'a', port: 1 }, { name: 'b', port: 2 }, { name: 'c', port: 3 }, { name: 'd', port: 4 }, { name: 'e', port: 5 }], '1,2,3 + 2 more...'],
    [[{ name: 'all' }], 'all'],
    [[{}], '*'],
  ])('PORTS of %j is %s', (ports, want) => {
    expect(formatDiscoveryPorts(ports as never)).toBe(want);
  });
  it.each([
    [null, '<unset>'],
    [[{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2'] }], '10.0.0.1,10.0.0.2'],
    [[{ addresses: ['10.0.0.1', '10.0.0.9'] }, { addresses: ['10.0.0.2'] }, { addresses: ['10.0.0.3'] }, { addresses: ['10.0.0.4'] }], '10.0.0.1,10.0.0.9,10.0.0.2 + 2 more...'],
  ])('ENDPOINTS of %j is %s', (eps, want) => {
    expect(formatDiscoveryEndpoints(eps as never)).toBe(want);
  });
  it('prints a row', () => {
    const now = Date.parse('2026-01-01T00:01:00Z');
    const o = slice('web-abcde', { addressType: 'IPv4', ports: [{ name: '', port: 80, protocol: 'TCP' }], endpoints: null });
    o.metadata.creationTimestamp = '2026-01-01T00:00:00Z';
    expect(printEndpointSlice(o, now).cells).toEqual(['web-abcde', 'IPv4', '80', '<unset>', '60s']);
  });
});

// ---------------------------------------------------------------------------------------------
// The controller's plan.

const SVC_UID = 'svc-uid-1';
const service = (spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KObject =>
  ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: SVC_UID, labels: { app: 'web' }, ...extra },
    spec: { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], ...spec },
  }) as KObject;

interface PodOpts {
  ip?: string;
  ready?: boolean;
  terminating?: boolean;
  labels?: Record<string, string>;
  ports?: { name: string; containerPort: number }[];
  phase?: string;
}
const pod = (name: string, o: PodOpts = {}): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      labels: o.labels ?? { app: 'web' },
      ...(o.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { nodeName: 'kbx', containers: [{ name: 'c', image: 'x', ports: (o.ports ?? []).map((p) => ({ ...p, protocol: 'TCP' })) }] },
    status: {
      phase: o.phase ?? 'Running',
      ...(o.ip === '' ? {} : { podIP: o.ip ?? '10.0.0.1', podIPs: [{ ip: o.ip ?? '10.0.0.1' }] }),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True' }],
    },
  }) as unknown as Pod;

/** Applies a plan to a list of slices as the controller would (names for creates: s1, s2, ...). */
function apply(existing: KObject[], plan: SlicePlan): KObject[] {
  let n = existing.length;
  const out = existing.filter((s) => !plan.delete.some((d) => d.metadata.name === s.metadata.name));
  for (const u of plan.update) {
    const i = out.findIndex((s) => s.metadata.name === u.metadata.name);
    out[i] = { ...out[i]!, metadata: { ...out[i]!.metadata, labels: u.metadata.labels }, endpoints: (u as any).endpoints, ports: (u as any).ports } as KObject;
  }
  for (const c of plan.create) out.push({ ...structuredClone(c), metadata: { ...structuredClone(c.metadata), name: `web-s${++n}`, uid: `s${n}` } } as KObject);
  return out;
}

/** Runs the controller's loop until nothing changes; returns the final slices and how many writes it took. */
function converge(svc: KObject, pods: Pod[], existing: KObject[] = []): { slices: KObject[]; writes: number } {
  let slices = existing;
  let writes = 0;
  for (let i = 0; i < 5; i++) {
    const plan = planSlices(svc, pods, slices, 3);
    const w = plan.create.length + plan.update.length + plan.delete.length;
    if (!w) return { slices, writes };
    writes += w;
    slices = apply(slices, plan);
  }
  throw new Error('did not converge');
}

const addrs = (s: KObject) => ((s as any).endpoints ?? []).map((e: any) => e.addresses[0]);

describe('planSlices', () => {
  it('makes one labelled, owned slice per port set, with one endpoint per pod', () => {
    const plan = planSlices(service({}), [pod('a', { ip: '10.0.0.2' }), pod('b', { ip: '10.0.0.1', ready: false })], []);
    expect(plan.update).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.create).toHaveLength(1);
    const s = plan.create[0] as any;
    expect(s.metadata).toEqual({
      generateName: 'web-',
      namespace: 'default',
      labels: { app: 'web', [LABEL_SERVICE_NAME]: 'web', [LABEL_MANAGED_BY]: CONTROLLER_NAME },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: SVC_UID, controller: true, blockOwnerDeletion: true }],
    });
    expect(s.addressType).toBe('IPv4');
    expect(s.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(s.endpoints).toEqual([
      {
        addresses: ['10.0.0.1'],
        conditions: { ready: false, serving: false, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' },
        nodeName: 'kbx',
      },
      {
        addresses: ['10.0.0.2'],
        conditions: { ready: true, serving: true, terminating: false },
        targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' },
        nodeName: 'kbx',
      },
    ]);
  });

  it.each<[string, Partial<PodOpts>, boolean | undefined, { ready: boolean; serving: boolean; terminating: boolean } | 'absent']>([
    ['ready', {}, undefined, { ready: true, serving: true, terminating: false }],
    ['not ready', { ready: false }, undefined, { ready: false, serving: false, terminating: false }],
    ['terminating and ready', { terminating: true }, undefined, { ready: false, serving: true, terminating: true }],
    ['terminating, not ready', { terminating: true, ready: false }, undefined, { ready: false, serving: false, terminating: true }],
    ['not ready, publishNotReadyAddresses', { ready: false }, true, { ready: true, serving: false, terminating: false }],
    ['without an IP', { ip: '' }, undefined, 'absent'],
    ['Succeeded', { phase: 'Succeeded' }, undefined, 'absent'],
    ['not selected', { labels: { app: 'other' } }, undefined, 'absent'],
  ])('a pod %s', (_what, opts, publish, want) => {
    const svc = service(publish ? { publishNotReadyAddresses: true } : {});
    const { slices } = converge(svc, [pod('a', opts)]);
    expect(slices).toHaveLength(1);
    const eps = (slices[0] as any).endpoints;
    if (want === 'absent') expect(eps).toBeNull();
    else expect(eps[0].conditions).toEqual(want);
  });

  it('keeps an empty placeholder slice when no pod matches, and does not rewrite it', () => {
    const first = planSlices(service({}), [], []);
    expect(first.create).toHaveLength(1);
    expect((first.create[0] as any).endpoints).toBeNull();
    expect((first.create[0] as any).ports).toBeNull();
    const slices = apply([], first);
    expect(planSlices(service({}), [], slices)).toEqual({ create: [], update: [], delete: [] });
  });

  it('updates the placeholder in place when pods come, and back when they go', () => {
    const svc = service({});
    const { slices: empty } = converge(svc, []);
    const plan = planSlices(svc, [pod('a')], empty);
    expect(plan.create).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.update.map((s) => s.metadata.name)).toEqual([empty[0]!.metadata.name]);
    const withPod = apply(empty, plan);
    const back = planSlices(svc, [], withPod);
    expect(back.create).toEqual([]);
    expect(back.delete).toEqual([]);
    expect(back.update).toHaveLength(1);
    expect((back.update[0] as any).endpoints).toBeNull();
    expect((back.update[0] as any).ports).toBeNull();
  });

  it('writes only on change: a second plan over its own result is empty', () => {
    const svc = service({});
    const pods = [pod('a', { ip: '10.0.0.1' }), pod('b', { ip: '10.0.0.2', ready: false })];
    const { slices } = converge(svc, pods);
    expect(planSlices(svc, pods, slices)).toEqual({ create: [], update: [], delete: [] });
  });

  it('updates the endpoint whose readiness changed, in the same slice', () => {
    const svc = service({});
    const { slices } = converge(svc, [pod('a', { ip: '10.0.0.1', ready: false }), pod('b', { ip: '10.0.0.2' })]);
    const plan = planSlices(svc, [pod('a', { ip: '10.0.0.1' }), pod('b', { ip: '10.0.0.2' })], slices);
    expect(plan.create).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]!.metadata.name).toBe(slices[0]!.metadata.name);
    expect((plan.update[0] as any).endpoints.map((e: any) => e.conditions.ready)).toEqual([true, true]);
  });

  it('puts pods whose named target port resolves differently in separate slices', () => {
    const svc = service({ ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'web' }] });
    const pods = [
      pod('a', { ip: '10.0.0.1', ports: [{ name: 'web', containerPort: 8080 }] }),
      pod('b', { ip: '10.0.0.2', ports: [{ name: 'web', containerPort: 9090 }] }),
      pod('c', { ip: '10.0.0.3', ports: [{ name: 'web', containerPort: 8080 }] }),
    ];
    const { slices } = converge(svc, pods);
    const byPort = Object.fromEntries(slices.map((s) => [(s as any).ports[0].port, addrs(s)]));
    expect(byPort).toEqual({ 8080: ['10.0.0.1', '10.0.0.3'], 9090: ['10.0.0.2'] });
    expect((slices[0] as any).ports[0]).toEqual({ name: 'http', port: expect.any(Number), protocol: 'TCP' });
  });

  it('splits at the maximum per slice and fills the slice being updated first', () => {
    const svc = service({});
    const ips = (n: number) => Array.from({ length: n }, (_, i) => pod(`p${i}`, { ip: `10.0.0.${i + 1}` }));
    const { slices } = converge(svc, ips(5));
    expect(slices.map(addrs)).toEqual([['10.0.0.1', '10.0.0.2', '10.0.0.3'], ['10.0.0.4', '10.0.0.5']]);
    // Scale down by one in the first slice, up by one: the new endpoint fills the gap (one update).
    const pods = [...ips(5).filter((p) => p.metadata.name !== 'p1'), pod('p9', { ip: '10.0.0.10' })];
    const plan = planSlices(svc, pods, slices, 3);
    expect(plan.create).toEqual([]);
    expect(plan.delete).toEqual([]);
    expect(plan.update.map(addrs)).toEqual([['10.0.0.1', '10.0.0.3', '10.0.0.10']]);
  });

  it('deletes slices that no longer hold anything and slices owned by an older Service of that name', () => {
    const svc = service({});
    const { slices } = converge(svc, [pod('a', { ip: '10.0.0.1' })]);
    const stranger = { ...structuredClone(slices[0]!), metadata: { ...structuredClone(slices[0]!.metadata), name: 'web-old', ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'old' }] } } as KObject;
    const plan = planSlices(svc, [pod('a', { ip: '10.0.0.1' })], [...slices, stranger]);
    expect(plan.delete.map((s) => s.metadata.name)).toEqual(['web-old']);
    expect(plan.create).toEqual([]);
    expect(plan.update).toEqual([]);
  });

  it('follows the Service labels and the headless label', () => {
    const { slices } = converge(service({}), [pod('a')]);
    const plan = planSlices(service({ clusterIP: 'None' }, { labels: { tier: 'front' } }), [pod('a')], slices);
    expect(plan.update[0]!.metadata.labels).toEqual({
      tier: 'front',
      'service.kubernetes.io/headless': '',
      [LABEL_SERVICE_NAME]: 'web',
      [LABEL_MANAGED_BY]: CONTROLLER_NAME,
    });
  });

  it('gives a headless Service without ports endpoints without ports', () => {
    const svc = service({ clusterIP: 'None', ports: [] });
    const { slices } = converge(svc, [pod('a', { ip: '10.0.0.1' })]);
    expect(slices).toHaveLength(1);
    expect((slices[0] as any).ports).toBeNull();
    expect(addrs(slices[0]!)).toEqual(['10.0.0.1']);
  });

  it('creates nothing for a Service being deleted', () => {
    expect(planSlices(service({}, { deletionTimestamp: '2026-01-01T00:00:00Z' }), [pod('a')], []).create).toEqual([]);
  });

  it('manages slices only for Services with a selector that are not ExternalName', () => {
    expect(managesSlicesFor(service({}))).toBe(true);
    expect(managesSlicesFor(service({ selector: undefined }))).toBe(false);
    expect(managesSlicesFor(service({ type: 'ExternalName', externalName: 'x.example.com' }))).toBe(false);
  });

  it('resolves ports and sets the hostname as Kubernetes does', () => {
    const svc = service({ ports: [{ name: 'a', port: 80, protocol: 'TCP', targetPort: 'web' }, { name: 'b', port: 81, protocol: 'TCP', targetPort: 81 }] });
    expect(endpointPorts(svc, pod('a'))).toEqual([{ name: 'b', port: 81, protocol: 'TCP' }]);
    const p = pod('a');
    (p.spec as any).hostname = 'h';
    (p.spec as any).subdomain = 'web';
    expect(podToEndpoint(p, svc).hostname).toBe('h');
  });
});

describe('kubectl describe endpointslice', () => {
  it('prints the address type, ports and endpoints as kubectl does', async () => {
    const { describeEndpointSlice } = await import('../../src/printers/describe-discovery.js');
    const o = slice('web-abcde', {
      addressType: 'IPv4',
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.0.0.1'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'kbx', targetRef: { kind: 'Pod', name: 'web-1' } },
      ],
    });
    o.metadata.namespace = 'default';
    o.metadata.labels = { 'kubernetes.io/service-name': 'web' };
    expect(describeEndpointSlice(o, [], { now: 0 } as never)).toBe(
      [
        'Name:         web-abcde',
        'Namespace:    default',
        'Labels:       kubernetes.io/service-name=web',
        'Annotations:  <none>',
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        '  - Addresses:  10.0.0.1',
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        '    TargetRef:  Pod/web-1',
        '    NodeName:   kbx',
        '    Zone:       <unset>',
        'Events:         <none>',
        '',
      ].join('\n'),
    );
    const empty = slice('web-x', { addressType: 'IPv4', ports: null, endpoints: null });
    empty.metadata.namespace = 'default';
    expect(describeEndpointSlice(empty, undefined, { now: 0 } as never)).toContain('AddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\n');
  });
});
