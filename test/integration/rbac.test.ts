// RBAC as a pod's client meets it: the real kubectl with a service-account token bound to a pod is
// refused with the API server's Forbidden message until a RoleBinding allows it, kbx and kubectl
// agree on `auth can-i` answers, impersonation (--as) is authorized as the user it names, the
// escalation check refuses a role the creator does not hold, and the token dies with its pod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, KUBECTL, requireTool, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  requireTool(KUBECTL);
  c = new Cluster('rbac');
  c.ok('get ns');
}, 60_000);
afterAll(() => c?.destroy());

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  serviceAccountName: app
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox:latest
    command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']
`;

const FORBIDDEN_LIST = 'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:app" cannot list resource "pods" in API group "" in the namespace "default"';

describe('RBAC for service-account tokens', () => {
  it('refuses a pod client without a binding, allows it once a RoleBinding grants it', async () => {
    expect(c.kubectl('create serviceaccount app').stdout.trim()).toBe('serviceaccount/app created');
    c.ok('apply -f -', { input: pod });
    const token = c.ok('create token app --bound-object-kind Pod --bound-object-name client').trim();
    expect(token.split('.')).toHaveLength(3);
    const asApp = (args: string) => c.kubectl(`--token=${token} ${args}`);

    let r = asApp('get pods');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(FORBIDDEN_LIST);
    r = asApp('auth can-i list pods');
    expect([r.code, r.stdout.trim()]).toEqual([1, 'no']);
    // Discovery and the review APIs are every authenticated user's (system:discovery, system:basic-user).
    expect(asApp('auth whoami').stdout).toMatch(/Username\s+system:serviceaccount:default:app\n/);
    expect(asApp('auth whoami').stdout).toMatch(/Extra: authentication.kubernetes.io\/pod-name\s+\[client\]/);

    // The administrator's view of the same question, through impersonation (kbx and kubectl alike).
    for (const tool of ['kbx', 'kubectl'] as const) {
      const run = tool === 'kbx' ? (a: string) => c.kbx(a) : (a: string) => c.kubectl(a);
      r = run('auth can-i list pods --as=system:serviceaccount:default:app');
      expect([tool, r.code, r.stdout.trim()]).toEqual([tool, 1, 'no']);
      r = run('get pods --as=system:serviceaccount:default:app');
      expect([tool, r.code, r.stderr.trim()]).toEqual([tool, 1, FORBIDDEN_LIST]);
    }

    expect(c.ok('create role pod-reader --verb=get,list,watch --resource=pods').trim()).toBe('role.rbac.authorization.k8s.io/pod-reader created');
    expect(c.ok('create rolebinding app-reads-pods --role=pod-reader --serviceaccount=default:app').trim()).toBe(
      'rolebinding.rbac.authorization.k8s.io/app-reads-pods created',
    );
    const listed = await waitFor('the binding to take effect', () => {
      const x = asApp('get pods -o name');
      return x.code === 0 ? x.stdout : undefined;
    });
    expect(listed.trim()).toBe('pod/client');
    r = asApp('auth can-i list pods');
    expect([r.code, r.stdout.trim()]).toEqual([0, 'yes']);
    r = asApp('delete pod client');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server (Forbidden): pods "client" is forbidden: User "system:serviceaccount:default:app" cannot delete resource "pods" in API group "" in the namespace "default"',
    );
    // Another namespace is not granted.
    expect(asApp('get pods -n kube-system').stderr).toMatch(/cannot list resource "pods" in API group "" in the namespace "kube-system"/);
    // kbx and kubectl print the same rules table.
    const kbxList = c.ok('auth can-i --list --as=system:serviceaccount:default:app');
    expect(kbxList).toMatch(/^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
    expect(asApp('auth can-i --list').stdout).toBe(kbxList);
    expect(c.ok('get rolebinding app-reads-pods -o wide')).toMatch(/app-reads-pods\s+Role\/pod-reader\s+\S+\s+default\/app/);
  }, 120_000);

  it('refuses a role the creator does not hold (escalation) and a binding to a role beyond them', () => {
    c.ok('create rolebinding app-admin --clusterrole=admin --serviceaccount=default:app');
    const token = c.ok('create token app').trim();
    const asApp = (args: string) => c.kubectl(`--token=${token} ${args}`);
    expect(asApp('create role ok --verb=get --resource=configmaps').code).toBe(0);
    let r = asApp('create role nodes --verb=get --resource=nodes');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server (Forbidden): roles.rbac.authorization.k8s.io "nodes" is forbidden: user "system:serviceaccount:default:app" (groups=["system:serviceaccounts" "system:serviceaccounts:default" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}',
    );
    r = asApp('create rolebinding root --clusterrole=cluster-admin --user=mallory');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "root" is forbidden: user "system:serviceaccount:default:app" .* is attempting to grant RBAC permissions not currently held:\n\{APIGroups:\["\*"\], Resources:\["\*"\], Verbs:\["\*"\]\}/);
    // Impersonation needs its own permission.
    r = asApp('get pods --as=mallory');
    expect(r.stderr.trim()).toBe('Error from server (Forbidden): users "mallory" is forbidden: User "system:serviceaccount:default:app" cannot impersonate resource "users" in API group "" at the cluster scope');
  }, 60_000);

  it('the default policy is there and the aggregated roles are filled in', async () => {
    const roles = c.ok('get clusterroles -o name');
    for (const n of ['admin', 'cluster-admin', 'edit', 'view', 'system:discovery', 'system:basic-user', 'system:public-info-viewer']) {
      expect(roles).toContain(`clusterrole.rbac.authorization.k8s.io/${n}\n`);
    }
    await waitFor('view to aggregate', () => /\bpods\s+\[\]\s+\[\]\s+\[get list watch\]/.test(c.ok('describe clusterrole view')));
    // A new aggregate-to-view role joins view, edit and admin.
    c.ok(['create', '-f', '-'], {
      input: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: widgets-view
  labels: { rbac.authorization.k8s.io/aggregate-to-view: "true" }
rules:
- apiGroups: [example.com]
  resources: [widgets]
  verbs: [get]
`,
    });
    for (const r of ['view', 'edit', 'admin']) {
      await waitFor(`${r} to include widgets`, () => c.ok(`describe clusterrole ${r}`).includes('widgets.example.com'));
    }
    const review = `apiVersion: authorization.k8s.io/v1
kind: SelfSubjectAccessReview
spec:
  resourceAttributes: { namespace: default, verb: get, group: example.com, resource: widgets }
`;
    const asked = c.kubectl(['create', '-f', '-', '--validate=false', '--as=system:serviceaccount:default:app', '-o', 'jsonpath={.status.allowed} {.status.reason}'], { input: review });
    expect(asked.stdout).toBe('true RBAC: allowed by RoleBinding "app-admin/default" of ClusterRole "admin" to ServiceAccount "app/default"');
  }, 60_000);

  it('a token bound to a pod stops working when the pod goes', async () => {
    const token = c.ok('create token app --bound-object-kind Pod --bound-object-name client').trim();
    expect(c.kubectl(`--token=${token} get pods`).code).toBe(0);
    c.ok('delete pod client --grace-period=0 --force');
    await waitFor('the pod to be gone', () => c.kbx('get pod client').code !== 0);
    const r = c.kubectl(`--token=${token} get pods`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: You must be logged in to the server (Unauthorized)');
  }, 60_000);
});
