// A namespace with a LimitRange and a ResourceQuota, through the real kubectl: defaults appear in
// the pod's spec, a pod over quota is refused with the API server's message, status.used follows
// the pods, and a PriorityClass becomes the pod's priority. Pod Security admission's labels refuse,
// warn and audit as the API server does; no Secret value (nor its base64, a pod's service-account
// token, a helm release) is anywhere in $KBX_HOME, also after a kill -9 and a restart.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, HELM, KUBECTL, requireTool, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  requireTool(KUBECTL);
  c = new Cluster('policy');
  c.ok('create namespace team');
}, 60_000);
afterAll(() => c?.destroy());

const policy = `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: team }
spec:
  limits:
  - type: Container
    default: { cpu: 500m, memory: 128Mi }
    defaultRequest: { cpu: 250m, memory: 64Mi }
    max: { cpu: "1" }
---
apiVersion: v1
kind: ResourceQuota
metadata: { name: compute, namespace: team }
spec:
  hard: { pods: "2", requests.cpu: 600m }
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: { name: important }
value: 1000
description: for the test
`;

const pod = (name: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: { name: ${name}, namespace: team }
spec:
  terminationGracePeriodSeconds: 1
${extra}  containers:
  - name: app
    image: busybox:latest
    command: ['sh', '-c', 'trap "exit 0" TERM; sleep 3600 & wait']
`;

describe('LimitRange, ResourceQuota and PriorityClass', () => {
  it('defaults, refuses over quota, keeps status.used, resolves priority', async () => {
    const k = (args: string | string[], input?: string) => c.kubectl(args, { input });
    expect(k(['apply', '--validate=false', '-f', '-'], policy).code).toBe(0);
    expect(k(['create', '--validate=false', '-f', '-'], pod('one', '  priorityClassName: important\n')).code).toBe(0);
    const spec = JSON.parse(k('get pod one -n team -o json').stdout);
    expect(spec.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } });
    expect(spec.metadata.annotations['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app');
    expect(spec.spec.priority).toBe(1000);
    await waitFor('status.used', () => /requests.cpu: 250m\/600m/.test(k('get quota -n team').stdout));
    expect(k(['create', '--validate=false', '-f', '-'], pod('two')).code).toBe(0);
    const over = k(['create', '--validate=false', '-f', '-'], pod('three'));
    expect(over.code).toBe(1);
    expect(over.stderr.trim()).toBe(
      'Error from server (Forbidden): error when creating "STDIN": pods "three" is forbidden: exceeded quota: compute, requested: pods=1,requests.cpu=250m, used: pods=2,requests.cpu=500m, limited: pods=2,requests.cpu=600m',
    );
    const big = k(['create', '--validate=false', '-f', '-'], pod('big').replace("    command:", '    resources: { limits: { cpu: "2" } }\n    command:'));
    expect(big.stderr.trim()).toMatch(/pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2$/);
    expect(k('describe quota compute -n team').stdout).toMatch(/pods\s+2\s+2\n/);
    c.ok('delete pod two -n team --now');
    await waitFor('usage to drop', () => /pods: 1\/2/.test(k('get quota -n team').stdout));
    expect(k(['create', '--validate=false', '-f', '-'], pod('four', '  priorityClassName: missing\n')).stderr.trim()).toMatch(/pods "four" is forbidden: no PriorityClass with name missing was found$/);
  }, 120_000);
});

const restrictedNote = (c: string) =>
  `allowPrivilegeEscalation != false (container "${c}" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "${c}" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "${c}" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "${c}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`;

describe('Pod Security admission', () => {
  it('enforce refuses, warn warns (workloads too), a tighter label warns about existing pods, audit annotates', async () => {
    const k = (args: string | string[], input?: string) => c.kubectl(args, { input });
    expect(k('create namespace psa').code).toBe(0);
    expect(k('run pre --image=busybox:latest -n psa --restart=Never -- sleep 3600').code).toBe(0);
    const label = k('label ns psa pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/audit=restricted');
    expect(label.code).toBe(0);
    expect(label.stderr).toBe(
      'Warning: existing pods in namespace "psa" violate the new PodSecurity enforce level "restricted:latest"\n' +
        'Warning: pre: allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile\n',
    );
    expect(label.stdout).toBe('namespace/psa labeled\n');
    const refused = k('run x --image=busybox:latest -n psa');
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`Error from server (Forbidden): pods "x" is forbidden: violates PodSecurity "restricted:latest": ${restrictedNote('x')}`);
    const dep = k('create deployment web --image=busybox:latest -n psa');
    expect(dep.code).toBe(0);
    expect(dep.stderr.trim()).toBe(`Warning: would violate PodSecurity "restricted:latest": ${restrictedNote('busybox')}`);
    await waitFor('the ReplicaSet refused', () => /FailedCreate.*Error creating: pods "web-[a-z0-9]+-[a-z0-9]+" is forbidden: violates PodSecurity "restricted:latest"/.test(k('get events -n psa').stdout), 20_000);
    const ok = k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: { name: good, namespace: psa }
spec:
  securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: RuntimeDefault } }
  containers:
  - name: c
    image: busybox:latest
    command: [sleep, "3600"]
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }
`);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    const bad = k('label ns psa --overwrite pod-security.kubernetes.io/warn=strict');
    expect(bad.stderr.trim()).toBe('The Namespace "psa" is invalid: metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "strict": must be one of privileged, baseline, restricted');
    const audit = fs.readFileSync(path.join(c.home, 'logs', 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(audit.find((e) => e.objectRef.resource === 'deployments')?.annotations['pod-security.kubernetes.io/audit-violations']).toMatch(/^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation/);
  }, 90_000);
});

/** Files under `dir` that contain any of `needles` (every byte, binary files too). */
function filesContaining(dir: string, needles: string[]): string[] {
  const r = spawnSync('grep', ['-rlaF', ...needles.flatMap((n) => ['-e', n]), dir], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean);
}

describe('Secrets encrypted at rest', () => {
  it('no Secret value, base64 value, service-account token or helm release in $KBX_HOME, also after kill -9 and a restart', async () => {
    const k = (args: string | string[], input?: string) => c.kubectl(args, { input });
    const value = `s3cr3t-${Date.now().toString(36)}`;
    const reg = `regpass-${Date.now().toString(36)}`;
    expect(k(`create secret generic db --from-literal=password=${value}`).code).toBe(0);
    expect(k(`create secret docker-registry reg --docker-server=registry.example:5000 --docker-username=u --docker-password=${reg}`).code).toBe(0);
    const chart = path.join(c.home, 'chart');
    fs.mkdirSync(path.join(chart, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: tiny\nversion: 0.1.0\n');
    fs.writeFileSync(path.join(chart, 'templates', 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: tiny }\ndata: { a: b }\n');
    const h = spawnSync(requireTool(HELM), ['install', 'tiny', chart], { env: { ...c.env(), HOME: c.home, KUBECONFIG: c.kubeconfig }, encoding: 'utf8', timeout: 60_000 });
    expect(h.status, h.stderr).toBe(0);
    const release = JSON.parse(k('get secret sh.helm.release.v1.tiny.v1 -o json').stdout).data.release as string;
    expect(k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: { name: reader }
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: c
    image: busybox:latest
    command: [sleep, "3600"]
    env: [{ name: PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }]
    volumeMounts: [{ name: s, mountPath: /etc/db }]
  volumes: [{ name: s, secret: { secretName: db } }]
`).code).toBe(0);
    await waitFor('reader running', () => k('get pod reader -o jsonpath={.status.phase}').stdout === 'Running', 60_000);
    expect(k('exec reader -- cat /etc/db/password').stdout).toBe(value);
    const token = k('exec reader -- cat /var/run/secrets/kubernetes.io/serviceaccount/token').stdout;
    expect(token.split('.')).toHaveLength(3);
    const needles = [value, Buffer.from(value).toString('base64'), reg, Buffer.from(reg).toString('base64'), token, release.slice(100, 160)];
    expect(filesContaining(c.home, needles)).toEqual([]);
    // kill -9: no final snapshot; the log alone must not hold them either, and the restart reads them.
    process.kill(c.serverPid()!, 'SIGKILL');
    await waitFor('the control plane gone', () => spawnSync('kill', ['-0', String(c.serverPid())]).status !== 0, 10_000);
    // kbx starts the control plane again (kubectl would not).
    expect(c.ok('get secret db -o jsonpath={.data.password}')).toBe(Buffer.from(value).toString('base64'));
    expect(k('get secret reg -o jsonpath={.type}').stdout).toBe('kubernetes.io/dockerconfigjson');
    expect(filesContaining(c.home, needles)).toEqual([]);
    expect(fs.readFileSync(path.join(c.home, 'pki', 'encryption-config.yaml'), 'utf8')).toMatch(/kind: EncryptionConfiguration/);
  }, 150_000);
});
