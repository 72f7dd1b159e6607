import { describe, it, expect } from 'vitest';
import { parsePath, rawPathname } from '../../src/apiserver/routes.js';
import { resourcePath } from '../../src/client/client.js';
import { RESOURCES } from '../../src/api/registry.js';

describe('parsePath', () => {
  it.each([
    ['/version', { type: 'version' }],
    ['/api', { type: 'api' }],
    ['/apis', { type: 'apis' }],
    ['/api/v1', { type: 'groupVersion', group: '', version: 'v1' }],
  ])('%s', (p, want) => expect(parsePath(p)).toEqual(want));

  it('namespaced resources', () => {
    const r = parsePath('/api/v1/namespaces/default/pods/web/log');
    expect(r.type).toBe('resource');
    if (r.type !== 'resource') return;
    expect(r.req.info.plural).toBe('pods');
    expect(r.req.namespace).toBe('default');
    expect(r.req.name).toBe('web');
    expect(r.req.subresource).toBe('log');
  });

  it('all-namespaces lists and cluster-scoped objects', () => {
    const all = parsePath('/api/v1/pods');
    expect(all.type === 'resource' && all.req.namespace === undefined && all.req.name === undefined).toBe(true);
    const ns = parsePath('/api/v1/namespaces/kube-system');
    expect(ns.type === 'resource' && ns.req.info.kind === 'Namespace' && ns.req.name === 'kube-system').toBe(true);
  });

  it('unknown resources and versions', () => {
    expect(parsePath('/api/v1/widgets').type).toBe('unknownResource');
    expect(parsePath('/api/v2/pods').type).toBe('notFound');
    expect(parsePath('/nope').type).toBe('notFound');
  });
});

describe('names that are not one path segment', () => {
  it.each([
    ['/api/v1/namespaces/victim/pods/..', 'Name parameter invalid: "..": may not be \'..\''],
    ['/api/v1/namespaces/victim/pods/%2E%2E', 'Name parameter invalid: "..": may not be \'..\''],
    ['/api/v1/namespaces/x/pods/.', 'Name parameter invalid: ".": may not be \'.\''],
    ['/api/v1/namespaces/x/pods/a%2Fb', 'Name parameter invalid: "a/b": may not contain \'/\''],
    ['/api/v1/namespaces/x/pods/a%25b', 'Name parameter invalid: "a%b": may not contain \'%\''],
    ['/api/v1/namespaces/../pods', 'Namespace parameter invalid: "..": may not be \'..\''],
    ['/api/v1/namespaces/..', 'Name parameter invalid: "..": may not be \'..\''],
  ])('%s → 400 %s', (p, message) => expect(parsePath(p)).toEqual({ type: 'badRequest', message }));

  it('a malformed escape is a bad request, not a crash', () => {
    expect(parsePath('/api/v1/namespaces/x/pods/%E0%A4%A').type).toBe('badRequest');
  });

  it('rawPathname keeps dot segments that new URL() would resolve', () => {
    expect(rawPathname('/api/v1/namespaces/victim/pods/..?watch=1')).toBe('/api/v1/namespaces/victim/pods/..');
    expect(new URL('/api/v1/namespaces/victim/pods/..', 'http://h').pathname).toBe('/api/v1/namespaces/victim/');
  });
});

describe('the client refuses what client-go refuses', () => {
  const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
  it.each([
    ['victim', '..', 'invalid resource name "..": [may not be \'..\']'],
    ['x', '.', 'invalid resource name ".": [may not be \'.\']'],
    ['..', 'p', 'invalid namespace "..": [may not be \'..\']'],
  ])('ns %s name %s', (ns, name, msg) => expect(() => resourcePath(PODS, ns, name)).toThrow(msg));
  it('ordinary names pass', () => expect(resourcePath(PODS, 'default', 'web-1')).toBe('/api/v1/namespaces/default/pods/web-1'));
});
