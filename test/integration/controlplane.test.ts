// The control plane's lifecycle: auto-start, kill -9 mid-operation and re-adoption, clusters side
// by side, cluster status/stop/reset, credentials, and a Docker engine that cannot be reached.
import { describe, it, expect, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { Cluster, podRow, waitFor, writeManifest } from './harness.js';

const clusters: Cluster[] = [];
const cluster = (name: string) => {
  const c = new Cluster(name);
  clusters.push(c);
  return c;
};
afterAll(() => {
  for (const c of clusters) c.destroy();
});

const pods = (names: string[]) =>
  names
    .map(
      (n) => `apiVersion: v1
kind: Pod
metadata:
  name: ${n}
spec:
  containers:
  - name: main
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`,
    )
    .join('---\n');

function allRunning(c: Cluster, names: string[]): boolean {
  const out = c.kbx('get pods').stdout;
  return names.every((n) => podRow(out, n)?.status === 'Running');
}

describe('durability and adoption', () => {
  it('kill -9 mid-operation: same pods, same containers, no duplicates after restart', async () => {
    const c = cluster('kill9');
    const names = ['p1', 'p2', 'p3', 'p4'];
    c.ok(['apply', '-f', writeManifest(c.home, 'pods.yaml', pods(names.slice(0, 2)))]);
    await waitFor('first pods running', () => allRunning(c, ['p1', 'p2']), 60_000);
    // Start more pods and kill the control plane while it is creating their containers.
    c.ok(['apply', '-f', writeManifest(c.home, 'more.yaml', pods(names.slice(2)))]);
    const pid = c.serverPid()!;
    process.kill(pid, 'SIGKILL');
    await waitFor('control plane dead', () => {
      try {
        process.kill(pid, 0);
        return false;
      } catch {
        return true;
      }
    }, 10_000);
    // The next command restarts it; every acknowledged object is still there.
    const r = c.kbx('get pods -o name');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(names.map((n) => `pod/${n}\n`).join(''));
    expect(c.serverPid()).not.toBe(pid);
    await waitFor('all pods running', () => allRunning(c, names), 60_000);
    // Exactly one sandbox and one app container per pod: nothing duplicated, nothing orphaned.
    await waitFor('no duplicate containers', () => {
      const cs = c.containers().filter((x) => x.state === 'running');
      return cs.length === names.length * 2;
    }, 30_000);
    for (const n of names) {
      const mine = c.containers().filter((x) => x.labels['io.kbx.pod'] === n);
      expect(mine.map((x) => x.labels['io.kbx.container']).sort()).toEqual(['POD', 'main']);
    }
    // Restart counts were not bumped by the restart of the control plane.
    expect(c.kbx('get pods').stdout.split('\n').slice(1).filter(Boolean).every((l) => /\s0\s+\d+s$/.test(l))).toBe(true);
  });

  it('a pod deleted while the control plane was down has its containers removed at restart', async () => {
    const c = cluster('orphans');
    c.ok(['apply', '-f', writeManifest(c.home, 'pods.yaml', pods(['keep', 'drop']))]);
    await waitFor('pods running', () => allRunning(c, ['keep', 'drop']), 60_000);
    c.ok('delete pod drop --force --grace-period=0');
    process.kill(c.serverPid()!, 'SIGKILL');
    c.ok('get pods');
    await waitFor('orphaned containers removed', () => c.containers().every((x) => x.labels['io.kbx.pod'] === 'keep'), 30_000);
    expect(c.containers().filter((x) => x.labels['io.kbx.pod'] === 'keep')).toHaveLength(2);
  });
});

describe('clusters side by side', () => {
  it('two KBX_HOMEs have separate ids, ports, objects and containers', async () => {
    const a = cluster('side-a');
    const b = cluster('side-b');
    a.ok(['apply', '-f', writeManifest(a.home, 'p.yaml', pods(['same']))]);
    b.ok(['apply', '-f', writeManifest(b.home, 'p.yaml', pods(['same']))]);
    await waitFor('both running', () => allRunning(a, ['same']) && allRunning(b, ['same']), 60_000);
    expect(a.clusterId()).not.toBe(b.clusterId());
    expect(a.containers()).toHaveLength(2);
    expect(b.containers()).toHaveLength(2);
    a.ok('delete pod same');
    expect(b.ok('get pods -o name')).toBe('pod/same\n');
    expect(b.containers().filter((x) => x.state === 'running')).toHaveLength(2);
  });
});

describe('cluster verbs and credentials', () => {
  it('status, stop (containers keep running), restart on demand, reset removes everything', async () => {
    const c = cluster('verbs');
    c.ok(['apply', '-f', writeManifest(c.home, 'p.yaml', pods(['survivor']))]);
    await waitFor('running', () => allRunning(c, ['survivor']), 60_000);
    expect(c.ok('cluster status')).toMatch(/kbx control plane: running \(pid \d+/);
    expect(c.ok('cluster stop')).toMatch(/kbx control plane stopped/);
    const st = c.kbx('cluster status');
    expect(st.code).toBe(3);
    expect(st.stdout).toMatch(/stopped/);
    expect(c.containers().filter((x) => x.state === 'running')).toHaveLength(2);
    expect(c.ok('get pods -o name')).toBe('pod/survivor\n');
    const id = c.clusterId();
    const r = c.ok('cluster reset');
    expect(r).toMatch(/removed 3 container\(s\)/); // the pod's two and the data plane
    expect(fs.existsSync(path.join(c.home, 'store'))).toBe(false);
    for (const left of ['dataplane', 'control-plane.owner', 'server.json', 'kubeconfig', 'cluster.json', 'logs']) expect(fs.existsSync(path.join(c.home, left))).toBe(false);
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('docker', ['ps', '-aq', '--filter', `label=io.kbx.cluster=${id}`], { encoding: 'utf8' }).trim()).toBe('');
  });

  it('the API serves HTTPS only, with the CA and bearer token of the 0600 kubeconfig, on loopback only; certificates are kept', async () => {
    const c = cluster('auth');
    c.ok('get ns');
    const kc = path.join(c.home, 'kubeconfig');
    expect(fs.statSync(kc).mode & 0o777).toBe(0o600);
    expect(fs.statSync(c.home).mode & 0o777).toBe(0o700);
    for (const key of ['ca.key', 'apiserver.key']) expect(fs.statSync(path.join(c.home, 'pki', key)).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(kc, 'utf8');
    const server = /server: (\S+)/.exec(text)![1]!;
    const token = /token: (\S+)/.exec(text)![1]!;
    const ca = Buffer.from(/certificate-authority-data: (\S+)/.exec(text)![1]!, 'base64').toString();
    expect(server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const u = new URL('/api/v1/namespaces', server);
    const get = (auth?: string, host = u.hostname) =>
      new Promise<{ code: number; body: string }>((resolve, reject) => {
        https
          .get({ host, port: u.port, path: u.pathname, ca, servername: host === 'localhost' ? host : undefined, headers: auth ? { Authorization: auth } : {} }, (res) => {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () => resolve({ code: res.statusCode!, body }));
          })
          .on('error', reject);
      });
    expect((await get()).code).toBe(401);
    expect((await get('Bearer wrong')).code).toBe(401);
    const ok = await get(`Bearer ${token}`);
    expect(ok.code).toBe(200);
    expect(JSON.parse(ok.body).items.map((n: any) => n.metadata.name)).toEqual(expect.arrayContaining(['default', 'kube-system', 'kube-public']));
    expect((await get(`Bearer ${token}`, 'localhost')).code).toBe(200); // a name in the certificate
    // Plain HTTP is not served: the TLS server answers it with 400 and closes.
    const plain = await new Promise<string>((resolve) => {
      http.get({ host: u.hostname, port: u.port, path: '/healthz' }, (res) => resolve(`HTTP ${res.statusCode}`)).on('error', (e) => resolve(e.message));
    });
    expect(plain).not.toBe('HTTP 200');
    // An unknown CA is refused by the client.
    await expect(new Promise((resolve, reject) => https.get({ host: u.hostname, port: u.port, path: '/healthz' }, resolve).on('error', reject))).rejects.toThrow(/self.signed|unable to verify/i);
    // A restart keeps the CA and the serving certificate (clients keep trusting it).
    const before = fs.readFileSync(path.join(c.home, 'pki', 'apiserver.crt'), 'utf8');
    c.ok('cluster stop');
    c.ok('get ns');
    expect(fs.readFileSync(path.join(c.home, 'pki', 'apiserver.crt'), 'utf8')).toBe(before);
    expect(fs.readFileSync(kc, 'utf8')).toContain(/certificate-authority-data: (\S+)/.exec(text)![1]!);
  });
});

describe('Docker unreachable', () => {
  it('refuses new workloads with one line naming the socket, and nothing is half-written', () => {
    const c = cluster('nodocker');
    const r = c.kbx(['run', 'x', '--image=busybox:latest'], { env: { DOCKER_HOST: 'unix:///tmp/kbx-no-such-docker.sock' } });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('kbx: started'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Error from server \(ServiceUnavailable\): .*unix:\/\/\/tmp\/kbx-no-such-docker\.sock/);
    const g = c.kbx('get pods', { env: { DOCKER_HOST: 'unix:///tmp/kbx-no-such-docker.sock' } });
    expect(g.code).toBe(0);
    expect(g.stderr).toBe('No resources found in default namespace.\n');
    c.kbx('cluster stop');
  });
});
