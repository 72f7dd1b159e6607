// The real kubectl v1.35 against kbx's OpenAPI (/openapi/v3, generated at build time from the upstream
// definitions): the -f verbs with client-side validation on (no --validate=false), explain, and the server's
// ETag; `kbx explain` prints what kubectl explain prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('openapi');
  c.ok('get ns');
}, 60_000);
afterAll(() => c?.destroy());

const deployment = (replicas: number, image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: ${image}
        ports:
        - containerPort: 8080
`;

function kubectlOk(args: string | string[], opts: { input?: string; env?: Record<string, string> } = {}): string {
  const r = c.kubectl(args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r.stdout;
}

describe('the real kubectl with kbx OpenAPI', () => {
  it('apply -f (create, then a three-way patch), replace, edit, delete -f, create -f: all with validation on', () => {
    const file = writeManifest(c.home, 'web.yaml', deployment(1, 'kbx-test/web:1'));
    expect(kubectlOk(`apply -f ${file}`)).toBe('deployment.apps/web created\n');
    writeManifest(c.home, 'web.yaml', deployment(2, 'kbx-test/web:2'));
    expect(kubectlOk(`apply -f ${file}`)).toBe('deployment.apps/web configured\n');
    expect(c.ok('get deploy web -o jsonpath={.spec.replicas}/{.spec.template.spec.containers[0].image}')).toBe('2/kbx-test/web:2');
    expect(kubectlOk(`apply -f ${file}`)).toBe('deployment.apps/web unchanged\n');
    writeManifest(c.home, 'web.yaml', deployment(1, 'kbx-test/web:1'));
    expect(kubectlOk(`replace -f ${file}`)).toBe('deployment.apps/web replaced\n');
    expect(c.kubectl('edit deploy/web', { env: { KUBE_EDITOR: 'true' } }).stderr).toBe('Edit cancelled, no changes made.\n');
    // An editor that changes the object: the edit is sent as a patch.
    const r = c.kubectl('edit deploy/web', { env: { KUBE_EDITOR: `sed -i s/replicas:\\ 1/replicas:\\ 3/` } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('deployment.apps/web edited\n');
    expect(c.ok('get deploy web -o jsonpath={.spec.replicas}')).toBe('3');
    expect(kubectlOk(`delete -f ${file}`)).toBe('deployment.apps "web" deleted from default namespace\n');
    expect(kubectlOk(`create -f ${file}`)).toBe('deployment.apps/web created\n');
    kubectlOk(`delete -f ${file} --wait=false`);
  });

  it('a manifest with an unknown field is refused by the server with kubectl\'s message', () => {
    const file = writeManifest(c.home, 'bad.yaml', deployment(1, 'kbx-test/web:1').replace('  replicas: 1\n', '  replicas: 1\n  replica: 2\n'));
    const r = c.kubectl(`apply -f ${file}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "' + file + '": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"\n');
  });

  it('create generators (protobuf bodies): deployment, service, namespace, job, cronjob, configmap, secret, serviceaccount, pdb, token', async () => {
    expect(kubectlOk('create deployment gen --image=kbx-test/web:1 --port=8080 --replicas=2')).toBe('deployment.apps/gen created\n');
    expect(kubectlOk('create service clusterip gen --tcp=80:8080')).toBe('service/gen created\n');
    expect(kubectlOk('create namespace gen-ns')).toBe('namespace/gen-ns created\n');
    expect(kubectlOk('create job gen-job --image=busybox:latest -- echo hi')).toBe('job.batch/gen-job created\n');
    expect(kubectlOk(['create', 'cronjob', 'gen-cj', '--image=busybox:latest', '--schedule=*/5 * * * *', '--', 'echo', 'hi'])).toBe('cronjob.batch/gen-cj created\n');
    expect(kubectlOk('create configmap gen-cm --from-literal=a=b')).toBe('configmap/gen-cm created\n');
    expect(kubectlOk('create secret generic gen-sec --from-literal=x=y')).toBe('secret/gen-sec created\n');
    expect(kubectlOk('create serviceaccount gen-sa')).toBe('serviceaccount/gen-sa created\n');
    expect(kubectlOk('create pdb gen-pdb --selector=app=gen --min-available=1')).toBe('poddisruptionbudget.policy/gen-pdb created\n');
    expect(kubectlOk('create token gen-sa')).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(kubectlOk('create deployment gen-zero --image=kbx-test/web:1 --replicas=0')).toBe('deployment.apps/gen-zero created\n');
    expect(c.ok('get deploy gen-zero -o jsonpath={.spec.replicas}')).toBe('0');
    expect(c.ok('get svc gen -o jsonpath={.spec.ports[0].port}/{.spec.ports[0].targetPort}')).toBe('80/8080');
    expect(c.ok('get secret gen-sec -o jsonpath={.data.x}')).toBe('eQ==');
    expect(c.ok('get cm gen-cm -o jsonpath={.data.a}')).toBe('b');
    expect(kubectlOk('rollout status deploy/gen --timeout=90s')).toMatch(/successfully rolled out/);
    // exec over SPDY/3.1, as kubectl < 1.30 speaks it (1.35 with websockets turned off)
    const pod = c.ok('get pods -l app=gen -o jsonpath={.items[0].metadata.name}');
    const spdy = { KUBECTL_REMOTE_COMMAND_WEBSOCKETS: 'false' };
    const e = c.kubectl(['exec', pod, '--', 'sh', '-c', 'echo out; echo err >&2; exit 3'], { env: spdy });
    expect([e.code, e.stdout, e.stderr]).toEqual([3, 'out\n', 'err\ncommand terminated with exit code 3\n']);
    expect(kubectlOk(['exec', '-i', pod, '--', 'cat'], { input: 'typed\n', env: spdy })).toBe('typed\n');
    kubectlOk('delete deploy gen gen-zero --wait=false');
    kubectlOk('delete ns gen-ns --wait=false');
  });

  it('server-side apply: ownership, the conflict after kubectl scale, --force-conflicts, managedFields hidden unless asked', () => {
    const file = writeManifest(c.home, 'ssa.yaml', deployment(1, 'kbx-test/web:1').replace('name: web\n', 'name: ssa\n'));
    expect(kubectlOk(`apply --server-side -f ${file}`)).toBe('deployment.apps/ssa serverside-applied\n');
    expect(kubectlOk('scale deploy ssa --replicas=3')).toBe('deployment.apps/ssa scaled\n');
    const r = c.kubectl(`apply --server-side -f ${file}`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1: \.spec\.replicas\nPlease review the fields above--they currently have other managers\./);
    // kbx prints the same
    const k = c.kbx(`apply --server-side -f ${file}`);
    expect(k.code).toBe(1);
    expect(k.stderr.split('\n')[0]).toBe(r.stderr.split('\n')[0]);
    expect(kubectlOk(`apply --server-side --force-conflicts -f ${file}`)).toBe('deployment.apps/ssa serverside-applied\n');
    expect(c.ok('get deploy ssa -o jsonpath={.spec.replicas}')).toBe('1');
    const managers = JSON.parse(kubectlOk('get deploy ssa -o json --show-managed-fields')).metadata.managedFields.map((e: { manager: string; operation: string }) => `${e.manager}/${e.operation}`);
    expect(managers).toEqual(['kubectl/Apply']);
    expect(c.ok('get deploy ssa -o yaml')).not.toMatch(/managedFields/);
    expect(c.ok('get deploy ssa -o yaml --show-managed-fields')).toMatch(/^  managedFields:\n  - apiVersion: apps\/v1\n    fieldsType: FieldsV1\n/m);
    // Another manager changing the image kubectl applied: a conflict on that field only (equal values are shared).
    writeManifest(c.home, 'ssa.yaml', deployment(1, 'kbx-test/web:2').replace('name: web\n', 'name: ssa\n'));
    const other = c.kbx(`apply --server-side --field-manager=other -f ${file}`);
    expect(other.code).toBe(1);
    expect(other.stderr.split('\n')[0]).toBe('error: Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.template.spec.containers[name="web"].image');
    kubectlOk('delete deploy ssa --wait=false');
  });

  it('auth whoami, can-i, can-i --list; /readyz?verbose', () => {
    expect(kubectlOk('auth whoami')).toMatch(/^ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      \[system:masters system:authenticated\]\n/);
    expect(kubectlOk('auth can-i create deployments -n kube-system')).toBe('yes\n');
    expect(kubectlOk('auth can-i --list')).toMatch(/^Resources\s+Non-Resource URLs\s+Resource Names\s+Verbs\n\*\.\*\s+\[\]\s+\[\]\s+\[\*\]\n/);
    kubectlOk('create serviceaccount who');
    const token = kubectlOk('create token who');
    expect(kubectlOk(['auth', 'whoami', `--token=${token}`])).toMatch(/^Username\s+system:serviceaccount:default:who\nUID\s+\S+\nGroups\s+\[system:serviceaccounts system:serviceaccounts:default system:authenticated\]$/m);
    expect(kubectlOk(['get', '--raw=/readyz?verbose'])).toBe('[+]ping ok\n[+]log ok\n[+]etcd ok\n[+]api-serving ok\nreadyz check passed\n');
    expect(kubectlOk(['get', '--raw=/livez'])).toBe('ok');
  });

  it('a List manifest: validated item by item against /openapi/v2 (protobuf), as kubectl does', () => {
    const list = (extra: string) => `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: { name: l1 }
  data: { a: b }
- apiVersion: v1
  kind: ConfigMap
  metadata: { name: l2 }
  data: { a: c }${extra}
`;
    const bad = writeManifest(c.home, 'badlist.yaml', list('\n  dta: { x: y }'));
    const r = c.kubectl(`apply -f ${bad}`);
    expect([r.code, r.stderr]).toEqual([1, `error: error validating "${bad}": error validating data: ValidationError(ConfigMap): unknown field "dta" in io.k8s.api.core.v1.ConfigMap; if you choose to ignore these errors, turn validation off with --validate=false\n`]);
    const file = writeManifest(c.home, 'list.yaml', list(''));
    expect(kubectlOk(`apply -f ${file}`)).toBe('configmap/l1 created\nconfigmap/l2 created\n');
    expect(kubectlOk('explain deploy.spec.replicas --output=plaintext-openapiv2')).toMatch(/^KIND:     Deployment\nVERSION:  apps\/v1\n\nFIELD:    replicas <integer>\n/);
  });

  it('explain: the upstream field documentation, and kbx explain prints the same text', () => {
    const out = kubectlOk('explain deployment.spec.strategy');
    expect(out).toMatch(/^GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n/);
    expect(out).toMatch(/^  type\t<string>\n  enum: Recreate, RollingUpdate\n/m);
    for (const f of ['deployment.spec.strategy', 'pod.spec.containers', 'svc', 'cronjob.spec.jobTemplate', 'cm.data']) expect(c.ok(`explain ${f}`)).toBe(kubectlOk(`explain ${f}`));
    expect(c.ok('explain pod.spec --recursive')).toBe(kubectlOk('explain pod.spec --recursive'));
    const bad = c.kbx('explain pod.spec.nope');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('error: field "nope" does not exist\n');
  });
});
