// kbx create role/rolebinding and auth can-i build what kubectl builds (create_role.go, cani.go),
// and protobuf bodies of typed kubectl writes decode to their JSON shape.
import { describe, expect, it } from 'vitest';
import { buildBinding, buildRole } from '../../src/cli/commands/create-rbac.js';
import { accessReviewSpec } from '../../src/cli/commands/auth.js';
import { decodeKubernetesProtobuf as decodeProtobufObject, ProtobufError } from '../../src/api/protobuf/decode.js';

describe('create role / clusterrole', () => {
  it('one rule per API group, short names resolved, subresources and names kept', () => {
    const r = buildRole('Role', 'r', { verb: ['get,list'], resource: ['po', 'deploy,deployments.apps/scale'], resourceName: ['a'] }, 'ns') as any;
    expect(r.metadata).toEqual({ name: 'r', namespace: 'ns' });
    expect(r.rules).toEqual([
      { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], resourceNames: ['a'] },
      { verbs: ['get', 'list'], apiGroups: ['apps'], resources: ['deployments', 'deployments/scale'], resourceNames: ['a'] },
    ]);
  });
  it("kubectl's refusals", () => {
    expect(() => buildRole('Role', 'r', { resource: ['pods'] })).toThrow('at least one verb must be specified');
    expect(() => buildRole('Role', 'r', { verb: ['get'] })).toThrow('at least one resource must be specified');
    expect(() => buildRole('Role', 'r', { verb: ['get'], resource: ['foos'] })).toThrow(`the server doesn't have a resource type "foos"`);
    expect(() => buildRole('ClusterRole', 'r', { verb: ['get'], nonResourceUrl: ['logs'] })).toThrow('nonResourceURL should start with /');
    expect(() => buildRole('ClusterRole', 'r', { verb: ['list'], nonResourceUrl: ['/x'] })).toThrow("invalid verb: 'list' for nonResourceURL");
    expect(() => buildRole('ClusterRole', 'r', { verb: ['get'], aggregationRule: 'a=b' })).toThrow('aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames');
  });
  it('non-resource URLs and aggregation rules', () => {
    expect((buildRole('ClusterRole', 'c', { verb: ['get'], nonResourceUrl: ['/logs/*', '/healthz'] }) as any).rules).toEqual([{ verbs: ['get'], nonResourceURLs: ['/logs/*', '/healthz'] }]);
    expect((buildRole('ClusterRole', 'c', { aggregationRule: 'a=b,c=d' }) as any).aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { a: 'b', c: 'd' } }] });
  });
});

describe('create rolebinding / clusterrolebinding', () => {
  it('subjects in kubectl order: users, groups, service accounts', () => {
    const b = buildBinding('RoleBinding', 'b', { clusterrole: 'view', group: ['g'], serviceaccount: ['ns:sa'] }, ['u1', 'u2']) as any;
    expect(b.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' });
    expect(b.subjects).toEqual([
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u1' },
      { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'u2' },
      { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'g' },
      { kind: 'ServiceAccount', namespace: 'ns', name: 'sa' },
    ]);
    expect(() => buildBinding('RoleBinding', 'b', { role: 'a', clusterrole: 'b' }, [])).toThrow('exactly one of clusterrole or role must be specified');
    expect(() => buildBinding('ClusterRoleBinding', 'b', {}, [])).toThrow('required flag(s) "clusterrole" not set');
    expect(() => buildBinding('RoleBinding', 'b', { role: 'a', serviceaccount: ['x'] }, [])).toThrow('serviceaccount must be <namespace>:<name>');
  });
});

describe('auth can-i arguments', () => {
  const spec = (args: string[], o = {}) => {
    const warnings: string[] = [];
    return { spec: accessReviewSpec(args, o, 'default', (w) => warnings.push(w)), warnings };
  };
  it('resource, TYPE/NAME, non-resource URL, warnings', () => {
    expect(spec(['list', 'deploy']).spec).toEqual({ resourceAttributes: { namespace: 'default', verb: 'list', group: 'apps', resource: 'deployments' } });
    expect(spec(['get', 'pods/web'], { subresource: 'log' }).spec).toEqual({ resourceAttributes: { namespace: 'default', verb: 'get', group: '', resource: 'pods', subresource: 'log', name: 'web' } });
    expect(spec(['get', '/logs']).spec).toEqual({ nonResourceAttributes: { verb: 'get', path: '/logs' } });
    expect(spec(['list', 'nodes']).warnings).toEqual(["Warning: resource 'nodes' is not namespace scoped\n\n"]);
    expect(spec(['frob', 'pods']).warnings).toEqual(["Warning: verb 'frob' is not a known verb\n\n"]);
    expect(spec(['get', 'widgets.example.com']).spec.resourceAttributes.resource).toBe('widgets.example.com');
    expect(() => spec(['get'])).toThrow('you must specify two arguments: verb resource or verb resource/resourceName.');
  });
});

// A tiny protobuf encoder, for building the bodies kubectl sends.
const varint = (n: number) => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};
const field = (no: number, v: Buffer | string) => {
  const b = typeof v === 'string' ? Buffer.from(v) : v;
  return Buffer.concat([varint((no << 3) | 2), varint(b.length), b]);
};
const envelope = (apiVersion: string, kind: string, raw: Buffer) =>
  Buffer.concat([Buffer.from('k8s\0', 'binary'), field(1, Buffer.concat([field(1, apiVersion), field(2, kind)])), field(2, raw)]);

describe('protobuf request bodies', () => {
  it('a RoleBinding', () => {
    const meta = Buffer.concat([field(1, 'b'), field(3, 'ns'), field(8, Buffer.alloc(0)), field(11, Buffer.concat([field(1, 'app'), field(2, 'web')]))]);
    const subject = Buffer.concat([field(1, 'ServiceAccount'), field(2, ''), field(3, 'robot'), field(4, 'default')]);
    const ref = Buffer.concat([field(1, 'rbac.authorization.k8s.io'), field(2, 'Role'), field(3, 'pod-reader')]);
    const body = envelope('rbac.authorization.k8s.io/v1', 'RoleBinding', Buffer.concat([field(1, meta), field(2, subject), field(3, ref)]));
    expect(decodeProtobufObject(body)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'b', namespace: 'ns', labels: { app: 'web' } },
      subjects: [{ kind: 'ServiceAccount', name: 'robot', namespace: 'default' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    });
  });
  it('a Role keeps the core group "" in apiGroups; an unknown kind is refused', () => {
    const rule = Buffer.concat([field(1, 'get'), field(2, ''), field(3, 'pods')]);
    const body = envelope('rbac.authorization.k8s.io/v1', 'Role', Buffer.concat([field(1, field(1, 'r')), field(2, rule)]));
    expect((decodeProtobufObject(body) as any).rules).toEqual([{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]);
    expect(() => decodeProtobufObject(envelope('v1', 'Widget', Buffer.alloc(0)))).toThrow(ProtobufError);
  });
});
