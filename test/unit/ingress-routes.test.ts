import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { buildIngressTable, normalizeHost, pathMatches, pathElements, routeRequest, servesIngress, tlsFor } from '../../src/dataplane/ingress-routes.js';

const kbxClass: KObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name: 'kbx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
  spec: { controller: 'kbx.io/ingress-controller' },
};
const otherClass: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec: { controller: 'k8s.io/ingress-nginx' } };

function svc(name: string, ports: { name?: string; port: number }[] = [{ port: 80 }]): KObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type: 'ClusterIP', clusterIP: '10.96.0.9', ports } };
}
function ep(name: string, ip: string, ports: { name?: string; port: number }[] = [{ port: 8080 }], notReady: string[] = []): KObject {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: 'default' }, subsets: [{ addresses: [{ ip }], notReadyAddresses: notReady.map((x) => ({ ip: x })), ports }] } as KObject;
}
function backend(service: string, port: number | string = 80) {
  return { service: { name: service, port: typeof port === 'number' ? { number: port } : { name: port } } };
}
type P = { path: string; pathType: string; svc: string };
function ing(name: string, rules: { host?: string; paths: P[] }[], extra: Record<string, unknown> = {}, created = '2026-01-01T00:00:00Z'): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', creationTimestamp: created, uid: name },
    spec: {
      ingressClassName: 'kbx',
      rules: rules.map((r) => ({ ...(r.host ? { host: r.host } : {}), http: { paths: r.paths.map((p) => ({ path: p.path, pathType: p.pathType, backend: backend(p.svc) })) } })),
      ...extra,
    },
  };
}

const SERVICES = ['a', 'b', 'c', 'd', 'def'].map((n) => svc(n));
const ENDPOINTS = new Map(['a', 'b', 'c', 'd', 'def'].map((n, i) => [`default/${n}`, ep(n, `10.244.0.${i + 1}`)]));

function table(ingresses: KObject[]) {
  return buildIngressTable({ ingresses, classes: [kbxClass, otherClass], services: SERVICES, endpoints: ENDPOINTS, secrets: new Map() });
}
function target(t: ReturnType<typeof table>['table'], host: string, path: string): string {
  const r = routeRequest(t, host, path);
  return r.kind === 'none' ? '404' : r.backend.name.replace(/^default\//, '').replace(/:80$/, '');
}

describe('path matching (the Ingress spec examples table)', () => {
  const cases: [string, string, string, boolean][] = [
    ['Prefix', '/', '/anything/at/all', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['ImplementationSpecific', '/aaa', '/aaa/x', true],
  ];
  for (const [type, rule, req, want] of cases) {
    it(`${type} ${rule} vs ${req}: ${want}`, () => {
      expect(pathMatches({ path: rule, elements: pathElements(rule), exact: type === 'Exact' }, req)).toBe(want);
    });
  }
});

describe('precedence', () => {
  it('longest matching prefix wins (/, /aaa, /aaa/bbb)', () => {
    const { table: t } = table([ing('x', [{ paths: [{ path: '/', pathType: 'Prefix', svc: 'a' }, { path: '/aaa', pathType: 'Prefix', svc: 'b' }, { path: '/aaa/bbb', pathType: 'Prefix', svc: 'c' }] }])]);
    expect(target(t, 'h', '/aaa/ccc')).toBe('b');
    expect(target(t, 'h', '/aaa/bbb')).toBe('c');
    expect(target(t, 'h', '/ccc')).toBe('a');
    expect(target(t, 'h', '/aaa/bbb/x?y=1')).toBe('c');
  });
  it('Exact is preferred over Prefix for the same path', () => {
    const { table: t } = table([ing('x', [{ paths: [{ path: '/foo', pathType: 'Prefix', svc: 'a' }, { path: '/foo', pathType: 'Exact', svc: 'b' }] }])]);
    expect(target(t, 'h', '/foo')).toBe('b');
    expect(target(t, 'h', '/foo/x')).toBe('a');
  });
  it('no match uses the default backend, else 404', () => {
    const withDefault = ing('x', [{ paths: [{ path: '/aaa', pathType: 'Prefix', svc: 'a' }] }], { defaultBackend: backend('def') });
    expect(target(table([withDefault]).table, 'h', '/ccc')).toBe('def');
    expect(target(table([ing('y', [{ paths: [{ path: '/aaa', pathType: 'Prefix', svc: 'a' }] }])]).table, 'h', '/ccc')).toBe('404');
  });
  it('rules of several Ingresses merge; ties go to the oldest Ingress', () => {
    const old = ing('old', [{ host: 'foo.com', paths: [{ path: '/', pathType: 'Prefix', svc: 'a' }] }], {}, '2026-01-01T00:00:00Z');
    const young = ing('young', [{ host: 'foo.com', paths: [{ path: '/', pathType: 'Prefix', svc: 'b' }, { path: '/api', pathType: 'Prefix', svc: 'c' }] }], {}, '2026-02-01T00:00:00Z');
    const { table: t } = table([young, old]);
    expect(target(t, 'foo.com', '/')).toBe('a');
    expect(target(t, 'foo.com', '/api/v1')).toBe('c');
  });
});

describe('hosts', () => {
  const { table: t } = table([
    ing('x', [
      { host: 'foo.bar.com', paths: [{ path: '/', pathType: 'Prefix', svc: 'a' }] },
      { host: '*.bar.com', paths: [{ path: '/', pathType: 'Prefix', svc: 'b' }] },
      { host: 'only-api.com', paths: [{ path: '/api', pathType: 'Prefix', svc: 'c' }] },
      { paths: [{ path: '/', pathType: 'Prefix', svc: 'd' }] },
    ]),
  ]);
  it('exact beats wildcard; the wildcard covers one label only', () => {
    expect(target(t, 'foo.bar.com', '/')).toBe('a');
    expect(target(t, 'FOO.bar.com:8080', '/')).toBe('a');
    expect(target(t, 'baz.bar.com', '/')).toBe('b');
    expect(target(t, 'bar.com', '/')).toBe('d');
    expect(target(t, 'x.baz.bar.com', '/')).toBe('d');
    expect(target(t, 'anything', '/')).toBe('d');
  });
  it('a host whose paths do not match does not fall through to host-less rules', () => {
    expect(target(t, 'only-api.com', '/api')).toBe('c');
    expect(target(t, 'only-api.com', '/')).toBe('404');
  });
  it('normalizes the Host header', () => {
    expect(normalizeHost('App.Localhost:8080')).toBe('app.localhost');
    expect(normalizeHost('app.localhost.')).toBe('app.localhost');
    expect(normalizeHost('[::1]:80')).toBe('[::1]');
  });
});

describe('backends', () => {
  it('resolves a port by name to the Endpoints port of that name, ready addresses only', () => {
    const s = svc('named', [{ name: 'http', port: 80 }, { name: 'admin', port: 9000 }]);
    const e = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'named', namespace: 'default' }, subsets: [{ addresses: [{ ip: '10.244.0.7' }], notReadyAddresses: [{ ip: '10.244.0.8' }], ports: [{ name: 'http', port: 8080 }, { name: 'admin', port: 9090 }] }] } as KObject;
    const i = ing('x', [{ paths: [] }], { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('named', 'admin') }] } }] });
    const { table: t } = buildIngressTable({ ingresses: [i], classes: [kbxClass], services: [s], endpoints: new Map([['default/named', e]]), secrets: new Map() });
    const r = routeRequest(t, 'h', '/');
    expect(r.kind === 'backend' && r.backend.endpoints).toEqual([{ ip: '10.244.0.7', port: 9090 }]);
  });
  it('reports a missing Service as a problem and serves 503 for it', () => {
    const i = ing('x', [{ paths: [{ path: '/', pathType: 'Prefix', svc: 'missing' }] }]);
    const { table: t, problems } = table([i]);
    const r = routeRequest(t, 'h', '/');
    expect(r.kind === 'backend' && r.backend.error).toBe('services "missing" not found');
    expect(problems.map((p) => p.reason)).toEqual(['BackendNotFound']);
  });
});

describe('classes', () => {
  it('serves its class, the legacy annotation, and class-less Ingresses when kbx is the default', () => {
    const mk = (spec: Record<string, unknown>, ann?: string): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default', ...(ann ? { annotations: { 'kubernetes.io/ingress.class': ann } } : {}) }, spec });
    expect(servesIngress(mk({ ingressClassName: 'kbx' }), [kbxClass, otherClass])).toBe(true);
    expect(servesIngress(mk({ ingressClassName: 'nginx' }), [kbxClass, otherClass])).toBe(false);
    expect(servesIngress(mk({}, 'kbx'), [kbxClass])).toBe(true);
    expect(servesIngress(mk({}), [kbxClass])).toBe(true);
    expect(servesIngress(mk({}), [{ ...kbxClass, metadata: { name: 'kbx' } }])).toBe(false);
  });
});

describe('TLS', () => {
  it('picks the certificate by SNI: exact host, then wildcard, then an entry without hosts', () => {
    const sec = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, type: 'kubernetes.io/tls', data: { 'tls.crt': Buffer.from(`C-${name}`).toString('base64'), 'tls.key': Buffer.from('K').toString('base64') } } as KObject);
    const i = ing('x', [{ host: 'a.test', paths: [{ path: '/', pathType: 'Prefix', svc: 'a' }] }], {
      tls: [{ hosts: ['a.test'], secretName: 'one' }, { hosts: ['*.wild.test'], secretName: 'two' }, { secretName: 'three' }, { hosts: ['gone.test'], secretName: 'missing' }],
    });
    const { table: t, problems } = buildIngressTable({ ingresses: [i], classes: [kbxClass], services: SERVICES, endpoints: ENDPOINTS, secrets: new Map(['one', 'two', 'three'].map((n) => [`default/${n}`, sec(n)])) });
    expect(tlsFor(t, 'a.test')?.cert).toBe('C-one');
    expect(tlsFor(t, 'x.wild.test')?.cert).toBe('C-two');
    expect(tlsFor(t, 'other.test')?.cert).toBe('C-three');
    expect(problems.map((p) => p.reason)).toEqual(['SecretNotFound']);
  });
});
