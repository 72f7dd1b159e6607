// Pods reach the API server from inside: the `kubernetes` Service (10.96.0.1:443, served by the data plane's
// forward to the control plane), KUBERNETES_SERVICE_* in every container, and the projected service-account
// token volume — so the real kubectl, run in a pod with nothing but what Kubernetes gives a pod, works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { Cluster, KUBECTL, requireTool, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('incluster');
}, 60_000);
afterAll(() => c?.destroy());

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  terminationGracePeriodSeconds: 1
${extra}  containers:
  - name: main
    image: busybox:latest
    command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']
    volumeMounts: [{ name: kubectl, mountPath: /usr/local/bin/kubectl, readOnly: true }]
  volumes:
  - name: kubectl
    hostPath: { path: ${fs.realpathSync(requireTool(KUBECTL))}, type: File }
`;

const running = (name: string) => waitFor(`${name} running`, () => c.kbx(['get', 'pod', name, '-o', 'jsonpath={.status.phase}']).stdout === 'Running', 90_000);

describe('in-cluster access to the API', () => {
  it('the kubernetes Service, its endpoints, the variables and the token volume; kubectl in a pod lists pods', async () => {
    c.ok(['apply', '-f', '-'], { input: pod('kc') });
    await running('kc');
    expect(c.ok(['get', 'svc', 'kubernetes', '-o', 'jsonpath={.spec.clusterIP} {.spec.ports[0].port} {.spec.ports[0].targetPort}'])).toBe('10.96.0.1 443 6443');
    await waitFor('kubernetes endpoints', () => /:6443/.test(c.kbx(['get', 'endpoints', 'kubernetes']).stdout));
    const spec = JSON.parse(c.ok(['get', 'pod', 'kc', '-o', 'json'])).spec;
    expect(spec.volumes.map((v: { name: string }) => v.name)).toEqual([expect.stringMatching(/^kubectl$/), expect.stringMatching(/^kube-api-access-[a-z0-9]{5}$/)]);
    const env = c.ok(['exec', 'kc', '--', 'env']);
    for (const v of ['KUBERNETES_SERVICE_HOST=10.96.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443', 'KUBERNETES_PORT=tcp://10.96.0.1:443', 'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443', 'KUBERNETES_PORT_443_TCP_PROTO=tcp', 'KUBERNETES_PORT_443_TCP_PORT=443', 'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1']) {
      expect(env.split('\n')).toContain(v);
    }
    expect(c.ok(['exec', 'kc', '--', 'cat', '/var/run/secrets/kubernetes.io/serviceaccount/namespace'])).toBe('default');
    expect(c.ok(['exec', 'kc', '--', 'cat', '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt'])).toBe(fs.readFileSync(`${c.home}/pki/ca.crt`, 'utf8'));
    expect(c.ok(['exec', 'kc', '--', 'cat', '/var/run/secrets/kubernetes.io/serviceaccount/token'])).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
    // The pod's service account may do nothing until a binding allows it (RBAC), as on a real cluster.
    const denied = c.kbx(['exec', 'kc', '--', 'kubectl', 'get', 'pods']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain('Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:default" cannot list resource "pods" in API group "" in the namespace "default"');
    c.ok('create rolebinding kc-view --clusterrole=view --serviceaccount=default:default');
    const out = c.ok(['exec', 'kc', '--', 'kubectl', 'get', 'pods']);
    expect(out).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nkc\s+1\/1\s+Running\s+0\s+\S+\n$/);
    // The serving certificate names the in-cluster DNS name as well as the ClusterIP.
    expect(c.ok(['exec', 'kc', '--', 'env', 'KUBERNETES_SERVICE_HOST=kubernetes.default.svc', 'kubectl', 'get', 'svc', 'kubernetes', '-o', 'name'])).toBe('service/kubernetes\n');
  }, 180_000);

  it('automountServiceAccountToken: false mounts no token; a missing service account is refused', async () => {
    c.ok(['apply', '-f', '-'], { input: pod('nokey', '  automountServiceAccountToken: false\n') });
    await running('nokey');
    const r = c.kbx(['exec', 'nokey', '--', 'ls', '/var/run/secrets/kubernetes.io/serviceaccount']);
    expect(r.code).not.toBe(0);
    const refused = c.kbx(['apply', '-f', '-'], { input: pod('ghost', '  serviceAccountName: ghost\n') });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error looking up service account default/ghost: serviceaccount "ghost" not found');
  }, 120_000);
});
