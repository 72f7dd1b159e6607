import { describe, expect, it } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import { formatFieldError } from '../../src/api/field-errors.js';
import { admitDefaultIngressClass, validateIngress, validateIngressClass, validateIngressClassUpdate } from '../../src/api/validation-networking.js';
import { formatIngressHosts, formatIngressPorts, INGRESS_PRINTER } from '../../src/printers/columns-networking.js';
import { ingressStatus } from '../../src/dataplane/ingress-controller.js';

const ing = (spec: Record<string, unknown>, annotations?: Record<string, string>): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x', namespace: 'default', ...(annotations ? { annotations } : {}) }, spec });
const msgs = (o: KObject) => validateIngress(o).map(formatFieldError);
const be = { service: { name: 'web', port: { number: 80 } } };

describe('Ingress validation (the API server messages)', () => {
  it('needs rules or a default backend', () => {
    expect(msgs(ing({}))).toEqual(['spec: Invalid value: null: either `defaultBackend` or `rules` must be specified']);
  });
  it('checks paths by pathType', () => {
    const paths = [
      { path: 'foo', pathType: 'Prefix', backend: be },
      { path: '/a//b', pathType: 'Exact', backend: be },
      { path: '/a/..', pathType: 'Prefix', backend: be },
      { path: 'rel', pathType: 'ImplementationSpecific', backend: be },
      { path: '/', backend: be },
      { path: '/', pathType: 'Regex', backend: be },
    ];
    expect(msgs(ing({ rules: [{ host: 'a.test', http: { paths } }] }))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path',
      "spec.rules[0].http.paths[1].path: Invalid value: \"/a//b\": must not contain '//'",
      "spec.rules[0].http.paths[2].path: Invalid value: \"/a/..\": cannot end with '/..'",
      'spec.rules[0].http.paths[3].path: Invalid value: "rel": must be an absolute path',
      'spec.rules[0].http.paths[4].pathType: Required value: pathType must be specified',
      'spec.rules[0].http.paths[5].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });
  it('checks hosts: no IPs, wildcards with one leading label', () => {
    const http = { paths: [{ path: '/', pathType: 'Prefix', backend: be }] };
    expect(msgs(ing({ rules: [{ host: '1.2.3.4', http }, { host: '*.ok.test', http }, { host: 'a.*.test', http }] }))).toEqual([
      'spec.rules[0].host: Invalid value: "1.2.3.4": must be a DNS name, not an IP address',
      `spec.rules[2].host: Invalid value: "a.*.test": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });
  it('checks backends', () => {
    expect(msgs(ing({ defaultBackend: { service: { name: 'web', port: {} } } }))).toEqual(['spec.defaultBackend: Required value: port name or number is required']);
    expect(msgs(ing({ defaultBackend: { service: { name: 'web', port: { name: 'http', number: 80 } } } }))).toEqual(['spec.defaultBackend: Invalid value: "": cannot set both port name & port number']);
    expect(msgs(ing({ defaultBackend: { service: { port: { number: 70000 } } } }))).toEqual([
      'spec.defaultBackend.service.name: Required value',
      'spec.defaultBackend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
    expect(msgs(ing({ defaultBackend: {} }))).toEqual(['spec.defaultBackend: Invalid value: "": resource or service backend is required']);
  });
  it('the class annotation must match ingressClassName', () => {
    expect(msgs(ing({ defaultBackend: be, ingressClassName: 'kbx' }, { 'kubernetes.io/ingress.class': 'nginx' }))).toEqual([
      'annotations.kubernetes.io/ingress.class: Invalid value: "nginx": must match `ingressClassName` when both are specified',
    ]);
  });
});

describe('IngressClass', () => {
  const cls = (spec: Record<string, unknown>): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'c' }, spec });
  it('validates the controller and parameters', () => {
    expect(validateIngressClass(cls({})).map(formatFieldError)).toEqual(['spec.controller: Required value']);
    expect(validateIngressClass(cls({ controller: 'nodomain' })).map(formatFieldError)).toEqual(['spec.controller: Invalid value: "nodomain": must be a domain-prefixed path (such as "acme.io/foo")']);
    expect(validateIngressClass(cls({ controller: 'a.io/x', parameters: { kind: 'K', name: 'n', scope: 'Cluster', namespace: 'ns' } })).map(formatFieldError)).toEqual([
      "spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'",
    ]);
    expect(validateIngressClassUpdate(cls({ controller: 'b.io/x' }), cls({ controller: 'a.io/x' })).map(formatFieldError)).toEqual(['spec.controller: Invalid value: "b.io/x": field is immutable']);
  });
  it('DefaultIngressClass admission names the newest default class', () => {
    const d = (name: string, ts: string): KObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name, creationTimestamp: ts, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: {} });
    const o = ing({ defaultBackend: be });
    admitDefaultIngressClass(o, [d('old', '2026-01-01T00:00:00Z'), d('new', '2026-02-01T00:00:00Z')]);
    expect((o.spec as { ingressClassName?: string }).ingressClassName).toBe('new');
    const annotated = ing({ defaultBackend: be }, { 'kubernetes.io/ingress.class': 'x' });
    admitDefaultIngressClass(annotated, [d('old', '2026-01-01T00:00:00Z')]);
    expect((annotated.spec as { ingressClassName?: string }).ingressClassName).toBeUndefined();
  });
});

describe('printer', () => {
  it('formats hosts and ports as kubectl', () => {
    expect(formatIngressHosts([{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, { host: 'e' }])).toBe('a,b,c + 2 more...');
    expect(formatIngressHosts([{}])).toBe('*');
    expect(formatIngressPorts(ing({ tls: [{}] }))).toBe('80, 443');
    expect(formatIngressPorts({ ...ing({}), status: ingressStatus('127.0.0.1', 38080, 38443) })).toBe('38080');
    expect(formatIngressPorts({ ...ing({ tls: [{}] }), status: ingressStatus('127.0.0.1', 38080, 38443) })).toBe('38080, 38443');
    expect(ingressStatus('127.0.0.1', 80, 443)).toEqual({ loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } });
    const row = INGRESS_PRINTER.row({ ...ing({ ingressClassName: 'kbx', rules: [{ host: 'app.localhost' }] }), status: ingressStatus('127.0.0.1', 80, 443) }, Date.now());
    expect(row.cells.slice(0, 5)).toEqual(['x', 'kbx', 'app.localhost', '127.0.0.1', '80']);
  });
});
