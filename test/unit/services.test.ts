import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { FakeClock } from '../../src/util/clock.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { allocateIP, allocateNodePort, ipStaticBand, parseCIDR, portStaticBand, serviceIPRange } from '../../src/registry/ip-allocator.js';
import { computeSubsets, desiredEndpoints, endpointsEqual, findPort } from '../../src/controllers/endpoints/compute.js';
import { makePortString } from '../../src/printers/columns.js';

const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const SVC = RESOURCES.find((r) => r.kind === 'Service')!;

const svc = (name: string, spec: Record<string, unknown>): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec });
const msg = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};

let reg: Registry;
beforeEach(() => {
  reg = new Registry(Store.memory(), new FakeClock());
  for (const n of ['default', 'other']) reg.create(NS, undefined, { metadata: { name: n } });
});
afterEach(() => {
  delete process.env.KBX_SERVICE_CIDR;
});

describe('Service defaults and allocation', () => {
  it('defaults a ClusterIP service as a real cluster shows it', () => {
    const s = reg.create(SVC, 'default', svc('web', { selector: { app: 'web' }, ports: [{ port: 80 }] }));
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(s.spec.clusterIP).toMatch(/^10\.96\.\d+\.\d+$/);
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(s.status).toEqual({ loadBalancer: {} });
    expect(s.spec.externalTrafficPolicy).toBeUndefined();
  });

  it('allocates distinct IPs, derived from the stored services (a new registry on the same store agrees)', () => {
    const store = Store.memory();
    const r1 = new Registry(store, new FakeClock());
    r1.create(NS, undefined, { metadata: { name: 'default' } });
    process.env.KBX_SERVICE_CIDR = '10.200.0.0/28'; // 14 usable addresses, one of them the cluster DNS's
    const ips = new Set<string>();
    for (let i = 0; i < 7; i++) ips.add(r1.create(SVC, 'default', svc(`a${i}`, { ports: [{ port: 80 }] })).spec.clusterIP);
    const r2 = new Registry(store, new FakeClock());
    for (let i = 0; i < 6; i++) ips.add(r2.create(SVC, 'default', svc(`b${i}`, { ports: [{ port: 80 }] })).spec.clusterIP);
    expect(ips.size).toBe(13);
    expect(ips.has('10.200.0.10')).toBe(false); // reserved for the cluster DNS
    expect(msg(() => r2.create(SVC, 'default', svc('full', { ports: [{ port: 80 }] })))).toContain('failed to allocate a serviceIP');
    // Deleting one releases its IP.
    const freed = r2.get(SVC, 'default', 'a3').spec.clusterIP;
    r2.delete(SVC, 'default', 'a3');
    expect(r2.create(SVC, 'default', svc('again', { ports: [{ port: 80 }] })).spec.clusterIP).toBe(freed);
  });

  it('checks a requested ClusterIP against the range and the IPs in use', () => {
    reg.create(SVC, 'default', svc('a', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] }));
    expect(msg(() => reg.create(SVC, 'default', svc('b', { clusterIP: '10.96.0.20', ports: [{ port: 80 }] })))).toBe(
      'Service "b" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.20"]: failed to allocate IP 10.96.0.20: provided IP is already allocated',
    );
    expect(msg(() => reg.create(SVC, 'default', svc('c', { clusterIP: '1.1.1.1', ports: [{ port: 80 }] })))).toBe(
      'Service "c" is invalid: spec.clusterIPs: Invalid value: ["1.1.1.1"]: failed to allocate IP 1.1.1.1: the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    );
  });

  it('headless keeps None; ExternalName gets no IP', () => {
    const h = reg.create(SVC, 'default', svc('h', { clusterIP: 'None', selector: { app: 'x' } }));
    expect(h.spec.clusterIP).toBe('None');
    expect(h.spec.clusterIPs).toEqual(['None']);
    const e = reg.create(SVC, 'default', svc('e', { type: 'ExternalName', externalName: 'example.com' }));
    expect(e.spec.clusterIP).toBeUndefined();
    expect(e.spec.ipFamilies).toBeUndefined();
    expect(msg(() => reg.create(SVC, 'default', svc('e2', { type: 'ExternalName' })))).toBe('Service "e2" is invalid: spec.externalName: Required value');
  });

  it('NodePort: given or allocated from the upper band first; range and duplicate errors', () => {
    const a = reg.create(SVC, 'default', svc('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 31000 }] }));
    expect(a.spec.ports[0].nodePort).toBe(31000);
    expect(a.spec.externalTrafficPolicy).toBe('Cluster');
    const b = reg.create(SVC, 'default', svc('b', { type: 'NodePort', ports: [{ port: 80 }] }));
    expect(b.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
    expect(b.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    expect(msg(() => reg.create(SVC, 'other', svc('c', { type: 'NodePort', ports: [{ port: 80, nodePort: 31000 }] })))).toBe(
      'Service "c" is invalid: spec.ports[0].nodePort: Invalid value: 31000: provided port is already allocated',
    );
    expect(msg(() => reg.create(SVC, 'default', svc('d', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })))).toBe(
      'Service "d" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    // An update that omits the node port keeps it; a delete releases it.
    const upd = reg.update(SVC, 'default', 'a', { ...a, spec: { ...a.spec, ports: [{ port: 80, targetPort: 8080 }] } });
    expect(upd.spec.ports[0].nodePort).toBe(31000);
    reg.delete(SVC, 'default', 'a');
    expect(reg.create(SVC, 'other', svc('c', { type: 'NodePort', ports: [{ port: 80, nodePort: 31000 }] })).spec.ports[0].nodePort).toBe(31000);
  });

  it('LoadBalancer gets node ports and an ingress IP', () => {
    const lb = reg.create(SVC, 'default', svc('lb', { type: 'LoadBalancer', ports: [{ port: 80 }] }));
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
    expect(lb.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.status.loadBalancer.ingress[0].ip).toBe('127.0.0.1');
  });

  it('clusterIP may not change once set', () => {
    const a = reg.create(SVC, 'default', svc('a', { ports: [{ port: 80 }] }));
    expect(msg(() => reg.update(SVC, 'default', 'a', { ...a, spec: { ...a.spec, clusterIP: '10.96.0.99' } }))).toBe(
      `Service "a" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set`,
    );
    // Omitting it keeps it.
    const { clusterIP: _c, clusterIPs: _cs, ...rest } = a.spec;
    expect(reg.update(SVC, 'default', 'a', { ...a, spec: rest }).spec.clusterIP).toBe(a.spec.clusterIP);
  });
});

describe('Service validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['My_Svc', { ports: [{ port: 80 }] }, `metadata.name: Invalid value: "My_Svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`],
    ['a', {}, 'spec.ports: Required value'],
    ['a', { ports: [{ port: 80 }, { port: 81, name: 'b' }] }, 'spec.ports[0].name: Required value'],
    ['a', { ports: [{ port: 70000, targetPort: 80 }] }, 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive'],
    ['a', { ports: [{ port: 80, protocol: 'HTTP' }] }, 'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"'],
    ['a', { ports: [{ port: 80, targetPort: 'Web_Port' }] }, 'spec.ports[0].targetPort: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'],
    ['a', { type: 'Foo', ports: [{ port: 80 }] }, 'spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'],
    ['a', { ports: [{ port: 80, nodePort: 31000 }] }, "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"],
  ];
  for (const [name, spec, want] of cases) {
    it(want.slice(0, 60), () => {
      expect(msg(() => reg.create(SVC, 'default', svc(name, spec)))).toBe(`Service "${name}" is invalid: ${want}`);
    });
  }
  it('accepts a named target port and several named ports', () => {
    const s = reg.create(SVC, 'default', svc('ok', { ports: [{ name: 'http', port: 80, targetPort: 'web' }, { name: 'dns', port: 53, protocol: 'UDP' }] }));
    expect(s.spec.ports[1]).toEqual({ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 });
  });
});

describe('allocators', () => {
  it('bands as Kubernetes sizes them', () => {
    expect(portStaticBand(2768)).toBe(86);
    expect(ipStaticBand(65534)).toBe(256);
    expect(ipStaticBand(254)).toBe(16);
    expect(serviceIPRange()).toBe('10.96.0.0/16');
    process.env.KBX_SERVICE_CIDR = '172.30.0.0/24';
    expect(serviceIPRange()).toBe('172.30.0.0/24');
  });
  it('falls back to the lower band when the upper one is full', () => {
    const used = new Set<number>();
    for (let p = 30086; p <= 32767; p++) used.add(p);
    expect(allocateNodePort(used)).toBeLessThan(30086);
    const r = parseCIDR('10.0.0.0/27'); // 30 addresses, static band 16
    const ips = new Set<string>();
    for (let i = 0; i < 14; i++) ips.add(allocateIP(r, ips)!);
    expect([...ips].every((ip) => Number(ip.split('.')[3]) > 16)).toBe(true);
    expect(Number(allocateIP(r, ips)!.split('.')[3])).toBeLessThanOrEqual(16);
  });
});

const pod = (name: string, ip: string | undefined, ready: boolean, extra: { labels?: Record<string, string>; ports?: unknown[]; deleting?: boolean } = {}): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: extra.labels ?? { app: 'web' }, ...(extra.deleting ? { deletionTimestamp: 'x' } : {}) },
    spec: { nodeName: 'kbx-node', containers: [{ name: 'c', image: 'i', ports: extra.ports ?? [] }] },
    status: { phase: 'Running', ...(ip ? { podIP: ip } : {}), conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  }) as unknown as Pod;

describe('endpoints computation', () => {
  const service = (ports: unknown[], extra: Record<string, unknown> = {}): KObject => ({
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { selector: { app: 'web' }, clusterIP: '10.96.0.5', ports, ...extra },
  });

  it('ready pods in addresses, unready in notReadyAddresses, sorted, with targetRef', () => {
    const subsets = computeSubsets(service([{ port: 80, targetPort: 8080, protocol: 'TCP' }]), [
      pod('c', '172.18.0.12', true),
      pod('a', '172.18.0.4', true),
      pod('b', '172.18.0.9', false),
      pod('gone', '172.18.0.20', true, { deleting: true }),
      pod('noip', undefined, true),
      pod('other', '172.18.0.30', true, { labels: { app: 'db' } }),
    ]);
    expect(subsets).toEqual([
      {
        addresses: [
          { ip: '172.18.0.4', nodeName: 'kbx-node', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'uid-a' } },
          { ip: '172.18.0.12', nodeName: 'kbx-node', targetRef: { kind: 'Pod', namespace: 'default', name: 'c', uid: 'uid-c' } },
        ],
        notReadyAddresses: [{ ip: '172.18.0.9', nodeName: 'kbx-node', targetRef: { kind: 'Pod', namespace: 'default', name: 'b', uid: 'uid-b' } }],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
  });

  it('resolves named target ports per pod and groups pods by port set', () => {
    const svcObj = service([
      { name: 'http', port: 80, targetPort: 'web', protocol: 'TCP' },
      { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP' },
    ]);
    const p1 = pod('a', '10.0.0.1', true, { ports: [{ name: 'web', containerPort: 8080 }] });
    const p2 = pod('b', '10.0.0.2', true, { ports: [{ name: 'web', containerPort: 8081 }] });
    const p3 = pod('c', '10.0.0.3', true, { ports: [] });
    expect(findPort(p3, { targetPort: 'web' })).toBeUndefined();
    const subsets = computeSubsets(svcObj, [p1, p2, p3]);
    expect(subsets.map((s) => [s.addresses!.map((a) => a.ip), s.ports])).toEqual([
      [['10.0.0.1'], [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }]],
      [['10.0.0.2'], [{ name: 'http', port: 8081, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }]],
      [['10.0.0.3'], [{ name: 'metrics', port: 9090, protocol: 'TCP' }]],
    ]);
  });

  it('publishNotReadyAddresses, headless without ports, equality', () => {
    const s = computeSubsets(service([{ port: 80, protocol: 'TCP' }], { publishNotReadyAddresses: true }), [pod('a', '10.0.0.1', false)]);
    expect(s[0]!.addresses!.length).toBe(1);
    const h = desiredEndpoints(service([], { clusterIP: 'None' }), [pod('a', '10.0.0.1', true)]);
    expect(h.metadata.labels).toEqual({ app: 'web', 'service.kubernetes.io/headless': '' });
    expect((h as any).subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.0.0.1' })] }]);
    expect(endpointsEqual(h, desiredEndpoints(service([], { clusterIP: 'None' }), [pod('a', '10.0.0.1', true)]))).toBe(true);
    expect((desiredEndpoints(service([{ port: 80 }]), []) as any).subsets).toBeUndefined();
  });

  it('PORT(S) column', () => {
    expect(makePortString([{ port: 80, protocol: 'TCP', nodePort: 31000 } as never])).toBe('80:31000/TCP');
  });
});
