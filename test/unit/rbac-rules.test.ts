// The RBAC authorizer's evaluation, with cases from plugin/pkg/auth/authorizer/rbac/rbac_test.go,
// component-helpers' policy_comparator_test.go and the apiserver's RequestInfo tests.
import { describe, expect, it } from 'vitest';
import {
  authorizeRBAC, compactString, covers, escalationError, ruleAllows, rulesFor,
  type Attributes, type Binding, type PolicyRule, type RoleLike, type RoleSource,
} from '../../src/auth/rbac/rules.js';
import { requestInfo } from '../../src/apiserver/request-info.js';
import { forbiddenError, authorize } from '../../src/apiserver/authorization.js';
import { impersonate } from '../../src/apiserver/authentication.js';
import { ADMIN_USER, type UserInfo } from '../../src/auth/user.js';
import { aggregatedRules } from '../../src/controllers/rbac.js';
import { bootstrapClusterRoleObjects } from '../../src/auth/rbac/bootstrap-policy.js';
import type { KObject } from '../../src/api/types.js';

const res = (verb: string, apiGroup: string, resource: string, extra: Partial<Attributes> = {}) => ({ resourceRequest: true, verb, apiGroup, resource, ...extra });
const url = (verb: string, path: string) => ({ resourceRequest: false, verb, path });

describe('ruleAllows (TestRuleMatches)', () => {
  const cases: { name: string; rule: PolicyRule; yes: ReturnType<typeof res | typeof url>[]; no: ReturnType<typeof res | typeof url>[] }[] = [
    {
      name: 'star verb, exact match other',
      rule: { verbs: ['*'], apiGroups: ['group1'], resources: ['resource1'] },
      yes: [res('get', 'group1', 'resource1'), res('update', 'group1', 'resource1')],
      no: [res('get', 'group2', 'resource1'), res('get', 'group1', 'resource2'), url('get', '/foo')],
    },
    {
      name: 'star group, exact match other',
      rule: { verbs: ['get'], apiGroups: ['*'], resources: ['resource1'] },
      yes: [res('get', 'group1', 'resource1'), res('get', 'group2', 'resource1')],
      no: [res('update', 'group1', 'resource1'), res('get', 'group1', 'resource2')],
    },
    {
      name: 'star resource, exact match other',
      rule: { verbs: ['get'], apiGroups: ['group1'], resources: ['*'] },
      yes: [res('get', 'group1', 'resource1'), res('get', 'group1', 'resource2'), res('get', 'group1', 'resource1', { subresource: 'status' })],
      no: [res('update', 'group1', 'resource1'), res('get', 'group2', 'resource1')],
    },
    {
      name: 'tuple match; subresources need naming',
      rule: { verbs: ['get'], apiGroups: ['group1'], resources: ['resource1'] },
      yes: [res('get', 'group1', 'resource1')],
      no: [res('get', 'group1', 'resource1', { subresource: 'status' }), res('update', 'group1', 'resource1')],
    },
    {
      name: 'subresource: exact and */subresource',
      rule: { verbs: ['get'], apiGroups: ['*'], resources: ['pods/log', '*/scale'] },
      yes: [res('get', '', 'pods', { subresource: 'log' }), res('get', 'apps', 'deployments', { subresource: 'scale' })],
      no: [res('get', '', 'pods'), res('get', '', 'pods', { subresource: 'exec' }), res('get', 'apps', 'deployments', { subresource: 'scales' })],
    },
    {
      name: 'resource names',
      rule: { verbs: ['get'], apiGroups: [''], resources: ['configmaps'], resourceNames: ['one', 'two'] },
      yes: [res('get', '', 'configmaps', { name: 'one' }), res('get', '', 'configmaps', { name: 'two' })],
      // A list has no name: resourceNames never allows it.
      no: [res('get', '', 'configmaps', { name: 'three' }), res('list', '', 'configmaps')],
    },
    {
      name: 'non-resource URLs: exact and prefix*',
      rule: { verbs: ['get'], nonResourceURLs: ['/foo', '/bar/*'] },
      yes: [url('get', '/foo'), url('get', '/bar/'), url('get', '/bar/baz/qux')],
      no: [url('get', '/foo/'), url('get', '/bar'), url('post', '/foo'), res('get', '', 'foo')],
    },
    {
      name: 'non-resource star',
      rule: { verbs: ['*'], nonResourceURLs: ['*'] },
      yes: [url('get', '/anything'), url('delete', '/')],
      no: [res('get', '', 'pods')],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      for (const a of c.yes) expect(ruleAllows(a as Attributes, c.rule), JSON.stringify(a)).toBe(true);
      for (const a of c.no) expect(ruleAllows(a as Attributes, c.rule), JSON.stringify(a)).toBe(false);
    });
  }
});

function source(o: { roles?: RoleLike[]; clusterRoles?: RoleLike[]; roleBindings?: Binding[]; clusterRoleBindings?: Binding[] }): RoleSource {
  return {
    clusterRoleBindings: () => o.clusterRoleBindings ?? [],
    roleBindings: (ns) => (o.roleBindings ?? []).filter((b) => b.metadata.namespace === ns),
    role: (ns, n) => (o.roles ?? []).find((r) => r.metadata.namespace === ns && r.metadata.name === n),
    clusterRole: (n) => (o.clusterRoles ?? []).find((r) => r.metadata.name === n),
  };
}

const user = (username: string, groups: string[] = []): UserInfo => ({ username, groups });

describe('authorizeRBAC (TestAuthorizer)', () => {
  const src = source({
    clusterRoles: [
      { metadata: { name: 'admin' }, rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }] },
      { metadata: { name: 'nonresource' }, rules: [{ verbs: ['get'], nonResourceURLs: ['/healthz', '/api/*'] }] },
    ],
    roles: [{ metadata: { name: 'reader', namespace: 'ns1' }, rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['pods'] }] }],
    roleBindings: [
      { metadata: { name: 'admins', namespace: 'ns1' }, roleRef: { kind: 'ClusterRole', name: 'admin' }, subjects: [{ kind: 'User', name: 'admin' }] },
      { metadata: { name: 'readers', namespace: 'ns1' }, roleRef: { kind: 'Role', name: 'reader' }, subjects: [{ kind: 'ServiceAccount', name: 'robot' }, { kind: 'Group', name: 'devs' }] },
      { metadata: { name: 'dangling', namespace: 'ns2' }, roleRef: { kind: 'Role', name: 'missing' }, subjects: [{ kind: 'User', name: 'bob' }] },
    ],
    clusterRoleBindings: [{ metadata: { name: 'discovery' }, roleRef: { kind: 'ClusterRole', name: 'nonresource' }, subjects: [{ kind: 'Group', name: 'system:authenticated' }] }],
  });
  const can = (u: UserInfo, a: object) => authorizeRBAC(src, { user: u, ...(a as Attributes) }).allowed;

  it('a RoleBinding of a ClusterRole grants only in its namespace', () => {
    expect(can(user('admin'), res('get', '', 'pods', { namespace: 'ns1' }))).toBe(true);
    expect(can(user('admin'), res('delete', 'apps', 'deployments', { namespace: 'ns1', name: 'x' }))).toBe(true);
    expect(can(user('admin'), res('get', '', 'pods', { namespace: 'ns2' }))).toBe(false);
    expect(can(user('admin'), res('get', '', 'nodes'))).toBe(false);
  });
  it('a ServiceAccount subject without namespace means the binding namespace', () => {
    expect(can(user('system:serviceaccount:ns1:robot'), res('list', '', 'pods', { namespace: 'ns1' }))).toBe(true);
    expect(can(user('system:serviceaccount:ns2:robot'), res('list', '', 'pods', { namespace: 'ns1' }))).toBe(false);
    expect(can(user('system:serviceaccount:ns1:robot'), res('create', '', 'pods', { namespace: 'ns1' }))).toBe(false);
  });
  it('groups match by membership; User subjects by name only', () => {
    expect(can(user('alice', ['devs']), res('get', '', 'pods', { namespace: 'ns1' }))).toBe(true);
    expect(can(user('devs'), res('get', '', 'pods', { namespace: 'ns1' }))).toBe(false);
  });
  it('non-resource URLs from cluster role bindings', () => {
    expect(can(user('x', ['system:authenticated']), url('get', '/api/v1'))).toBe(true);
    expect(can(user('x', ['system:authenticated']), url('get', '/api'))).toBe(false);
    expect(can(user('x'), url('get', '/healthz'))).toBe(false);
  });
  it('the allowing source is named; a dangling roleRef is the denial reason', () => {
    expect(authorizeRBAC(src, { user: user('system:serviceaccount:ns1:robot'), ...(res('get', '', 'pods', { namespace: 'ns1' }) as Attributes) }).reason).toBe(
      'RBAC: allowed by RoleBinding "readers/ns1" of Role "reader" to ServiceAccount "robot/ns1"',
    );
    expect(authorizeRBAC(src, { user: user('bob'), ...(res('get', '', 'pods', { namespace: 'ns2' }) as Attributes) })).toEqual({
      allowed: false,
      reason: 'RBAC: role.rbac.authorization.k8s.io "missing" not found',
    });
  });
  it('system:masters is always allowed (privileged groups before RBAC)', () => {
    expect(authorize(source({}), { user: ADMIN_USER, ...(res('delete', '', 'nodes', { name: 'n' }) as Attributes) }).allowed).toBe(true);
    expect(authorize(source({}), { user: user('x'), ...(res('get', '', 'pods') as Attributes) }).allowed).toBe(false);
  });
  it('rulesFor: cluster bindings first, then the namespace', () => {
    const r = rulesFor(src, user('system:serviceaccount:ns1:robot', ['system:authenticated']), 'ns1');
    expect(r.rules.map((x) => x.verbs[0])).toEqual(['get', 'get']);
    expect(r.rules[0]!.nonResourceURLs).toEqual(['/healthz', '/api/*']);
  });
});

describe('covers and escalation (policy_comparator_test.go)', () => {
  const cases: { name: string; owner: PolicyRule[]; servant: PolicyRule[]; covered: boolean; missing?: PolicyRule[] }[] = [
    { name: 'exact match', owner: [{ apiGroups: ['v1'], verbs: ['get', 'list'], resources: ['builds'] }], servant: [{ apiGroups: ['v1'], verbs: ['get'], resources: ['builds'] }], covered: true },
    {
      name: 'missing verb',
      owner: [{ apiGroups: ['v1'], verbs: ['get'], resources: ['builds'] }],
      servant: [{ apiGroups: ['v1'], verbs: ['get', 'delete'], resources: ['builds'] }],
      covered: false,
      missing: [{ apiGroups: ['v1'], verbs: ['delete'], resources: ['builds'] }],
    },
    { name: 'star verb', owner: [{ apiGroups: ['*'], verbs: ['*'], resources: ['*'] }], servant: [{ apiGroups: ['v1'], verbs: ['delete'], resources: ['builds', 'pods/exec'] }], covered: true },
    { name: 'star subresource', owner: [{ apiGroups: [''], verbs: ['get'], resources: ['*/status'] }], servant: [{ apiGroups: [''], verbs: ['get'], resources: ['pods/status'] }], covered: true },
    { name: 'resource names narrow', owner: [{ apiGroups: [''], verbs: ['get'], resources: ['pods'], resourceNames: ['a'] }], servant: [{ apiGroups: [''], verbs: ['get'], resources: ['pods'] }], covered: false },
    { name: 'resource names covered', owner: [{ apiGroups: [''], verbs: ['get'], resources: ['pods'] }], servant: [{ apiGroups: [''], verbs: ['get'], resources: ['pods'], resourceNames: ['a', 'b'] }], covered: true },
    { name: 'non-resource prefix', owner: [{ verbs: ['get'], nonResourceURLs: ['/api/*'] }], servant: [{ verbs: ['get'], nonResourceURLs: ['/api/v1', '/api/'] }], covered: true },
    { name: 'non-resource missing', owner: [{ verbs: ['get'], nonResourceURLs: ['/api/*'] }], servant: [{ verbs: ['get'], nonResourceURLs: ['/apis'] }], covered: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = covers(c.owner, c.servant);
      expect(got.covered).toBe(c.covered);
      if (c.missing) expect(got.missing).toEqual(c.missing);
    });
  }
  it('the escalation message lists the missing rules compacted and sorted', () => {
    const src = source({
      roles: [{ metadata: { name: 'r', namespace: 'ns' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] }],
      roleBindings: [{ metadata: { name: 'b', namespace: 'ns' }, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }] }],
    });
    const msg = escalationError(src, user('u', ['g1', 'system:authenticated']), 'ns', [{ verbs: ['get', 'list', 'delete'], apiGroups: [''], resources: ['pods', 'secrets'] }]);
    expect(msg).toBe(
      'user "u" (groups=["g1" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["pods"], Verbs:["list" "delete"]}\n' +
        '{APIGroups:[""], Resources:["secrets"], Verbs:["get" "list" "delete"]}',
    );
    expect(escalationError(src, user('u'), 'ns', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }])).toBeUndefined();
    expect(compactString({ verbs: ['get'], nonResourceURLs: ['/x'] })).toBe('{NonResourceURLs:["/x"], Verbs:["get"]}');
  });
});

describe('requestInfo (TestGetAPIRequestInfo)', () => {
  const q = (s = '') => new URLSearchParams(s);
  const cases: [string, string, string, object][] = [
    ['GET', '/api/v1/namespaces', '', { verb: 'list', resource: 'namespaces', namespace: '', name: '' }],
    ['GET', '/api/v1/namespaces/other', '', { verb: 'get', resource: 'namespaces', namespace: 'other', name: 'other' }],
    ['GET', '/api/v1/namespaces/other/status', '', { verb: 'get', resource: 'namespaces', subresource: 'status', namespace: 'other', name: 'other' }],
    ['GET', '/api/v1/namespaces/other/pods/foo', '', { verb: 'get', resource: 'pods', namespace: 'other', name: 'foo' }],
    ['GET', '/api/v1/namespaces/other/pods', 'watch=true', { verb: 'watch', resource: 'pods', namespace: 'other' }],
    ['GET', '/api/v1/namespaces/other/pods', 'fieldSelector=metadata.name%3Dfoo', { verb: 'list', name: 'foo' }],
    ['GET', '/api/v1/pods', '', { verb: 'list', resource: 'pods', namespace: '' }],
    ['GET', '/api/v1/watch/namespaces/other/pods', '', { verb: 'watch', resource: 'pods', namespace: 'other' }],
    ['POST', '/api/v1/namespaces/other/pods', '', { verb: 'create', resource: 'pods' }],
    ['PUT', '/apis/apps/v1/namespaces/other/deployments/d/scale', '', { verb: 'update', apiGroup: 'apps', resource: 'deployments', subresource: 'scale', name: 'd' }],
    ['PATCH', '/api/v1/nodes/n', '', { verb: 'patch', resource: 'nodes', name: 'n', namespace: '' }],
    ['DELETE', '/api/v1/namespaces/other/pods/foo', '', { verb: 'delete', name: 'foo' }],
    ['DELETE', '/api/v1/namespaces/other/pods', '', { verb: 'deletecollection' }],
    ['POST', '/api/v1/namespaces/other/pods/foo/eviction', '', { verb: 'create', subresource: 'eviction', name: 'foo' }],
  ];
  for (const [method, path, query, want] of cases) {
    it(`${method} ${path}?${query}`, () => expect(requestInfo(method, path, q(query))).toMatchObject({ resourceRequest: true, ...want }));
  }
  it('non-resource paths', () => {
    for (const p of ['/api', '/apis', '/api/v1', '/apis/apps/v1', '/version', '/openapi/v2', '/']) {
      expect(requestInfo('GET', p, q())).toEqual({ resourceRequest: false, verb: 'get', path: p });
    }
  });
  it('a WebSocket exec is create', () => {
    expect(requestInfo('GET', '/api/v1/namespaces/d/pods/p/exec', q('command=ls'), { upgrade: true })).toMatchObject({ verb: 'create', subresource: 'exec' });
  });
});

describe('Forbidden messages (responsewriters.forbiddenMessage)', () => {
  const u = user('system:serviceaccount:default:robot');
  const msg = (a: object, reason = '') => forbiddenError({ user: u, ...(a as Attributes) }, reason).message;
  it('namespaced, cluster-scoped, named, subresource, non-resource', () => {
    expect(msg(res('list', '', 'pods', { namespace: 'default' }))).toBe(
      'pods is forbidden: User "system:serviceaccount:default:robot" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    expect(msg(res('get', '', 'nodes', { name: 'n1' }))).toBe('nodes "n1" is forbidden: User "system:serviceaccount:default:robot" cannot get resource "nodes" in API group "" at the cluster scope');
    expect(msg(res('create', '', 'pods', { namespace: 'd', name: 'p', subresource: 'exec' }))).toBe(
      'pods "p" is forbidden: User "system:serviceaccount:default:robot" cannot create resource "pods/exec" in API group "" in the namespace "d"',
    );
    expect(msg(res('list', 'apps', 'deployments', { namespace: 'd' }), 'RBAC: role.rbac.authorization.k8s.io "x" not found')).toBe(
      'deployments.apps is forbidden: User "system:serviceaccount:default:robot" cannot list resource "deployments" in API group "apps" in the namespace "d": RBAC: role.rbac.authorization.k8s.io "x" not found',
    );
    expect(msg(url('get', '/metrics'))).toBe('forbidden: User "system:serviceaccount:default:robot" cannot get path "/metrics"');
  });
});

describe('impersonation', () => {
  const allowAll = () => ({ allowed: true, reason: '' });
  it('a service account gets its groups and system:authenticated', () => {
    expect(impersonate(ADMIN_USER, { 'impersonate-user': 'system:serviceaccount:ns:sa' }, allowAll)).toEqual({
      username: 'system:serviceaccount:ns:sa',
      groups: ['system:serviceaccounts', 'system:serviceaccounts:ns', 'system:authenticated'],
    });
    expect(impersonate(ADMIN_USER, { 'impersonate-user': 'jane', 'impersonate-group': 'a, b' }, allowAll)).toEqual({ username: 'jane', groups: ['a', 'b', 'system:authenticated'] });
    expect(impersonate(ADMIN_USER, {}, allowAll)).toBe(ADMIN_USER);
  });
  it('needs the impersonate verb on the user', () => {
    const denyAll = () => ({ allowed: false, reason: '' });
    expect(() => impersonate(user('bob'), { 'impersonate-user': 'jane' }, denyAll)).toThrow(
      'users "jane" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
  });
});

describe('clusterrole aggregation', () => {
  it('admin ⊇ edit ⊇ view, each rule once, in name order', () => {
    const all = bootstrapClusterRoleObjects() as unknown as KObject[];
    const byName = (n: string) => all.find((c) => c.metadata.name === n)!;
    // view first, then edit (from view + aggregate-to-edit), then admin.
    (byName('view') as any).rules = aggregatedRules(byName('view'), all);
    (byName('edit') as any).rules = aggregatedRules(byName('edit'), all);
    (byName('admin') as any).rules = aggregatedRules(byName('admin'), all);
    const view = (byName('view') as any).rules as PolicyRule[];
    expect(view).toEqual((byName('system:aggregate-to-view') as any).rules);
    const edit = (byName('edit') as any).rules as PolicyRule[];
    expect(edit.length).toBe((byName('system:aggregate-to-edit') as any).rules.length + view.length);
    expect(covers((byName('admin') as any).rules, edit).covered).toBe(true);
    expect(aggregatedRules(byName('cluster-admin'), all)).toBeUndefined();
  });
});
