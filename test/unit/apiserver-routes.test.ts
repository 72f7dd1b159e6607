import { describe, it, expect } from 'vitest';
import { parsePath } from '../../src/apiserver/routes.js';

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
