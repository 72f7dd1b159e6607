// port-forward on real Docker through the real CLI: kubectl's output, many sequential and concurrent
// connections, 50 MB each way, half-close, svc/ and deploy/, the pod going away, Ctrl-C, and the real kubectl.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster, KUBECTL, requireTool, waitFor, writeManifest } from './harness.js';

const manifests = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: pfweb }
spec:
  containers:
  - name: web
    image: kbx-test/web:1
    ports:
    - { name: http, containerPort: 80 }
---
apiVersion: v1
kind: Pod
metadata:
  name: echo
spec:
  containers:
  - name: echo
    image: busybox:latest
    command: ['nc', '-ll', '-p', '9000', '-e', 'cat']
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: webd
spec:
  replicas: 1
  selector:
    matchLabels: { app: webd }
  template:
    metadata:
      labels: { app: webd }
    spec:
      containers:
      - name: web
        image: kbx-test/web:2
        ports:
        - { name: http, containerPort: 80 }
---
apiVersion: v1
kind: Service
metadata:
  name: websvc
spec:
  selector: { app: webd }
  ports:
  - { name: web, port: 8080, targetPort: http }
`;

let c: Cluster;
const running: { proc: ReturnType<typeof spawn> }[] = [];
const savedPath = process.env.KBX_PORTFORWARD_NETWORK;

beforeAll(async () => {
  // The control plane reaches pods as on Docker Desktop (no route to container IPs): through an exec in the
  // pod's sandbox. The direct path is checked on its own below.
  process.env.KBX_PORTFORWARD_NETWORK = 'sandbox';
  c = new Cluster('pf');
  c.ok(['apply', '-f', writeManifest(c.home, 'pf.yaml', manifests)]);
  await waitFor('pods running', () => {
    const out = c.ok('get pods --no-headers');
    const lines = out.trim().split('\n');
    return lines.length === 3 && lines.every((l) => /\s1\/1\s+Running\s/.test(l));
  }, 60_000);
}, 90_000);

afterAll(() => {
  for (const r of running) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  c?.destroy();
  if (savedPath === undefined) delete process.env.KBX_PORTFORWARD_NETWORK;
  else process.env.KBX_PORTFORWARD_NETWORK = savedPath;
});

/** The client address busybox httpd logged for the last request to pod web. */
function lastClient(): string {
  const lines = c.ok('logs web --tail 1').trim().split('\n');
  return /^(.*):\d+: response:/.exec(lines[lines.length - 1]!)?.[1] ?? '';
}

/** Starts `kbx port-forward ARGS`; resolves with the local port of the first "Forwarding from" line. */
async function forward(args: string[]) {
  const f = c.spawn(['port-forward', ...args]);
  running.push(f);
  const m = await waitFor('Forwarding from', () => /Forwarding from 127\.0\.0\.1:(\d+) -> (\d+)/.exec(f.output()), 20_000, 50);
  return { ...f, port: Number(m[1]), remote: Number(m[2]) };
}

function get(port: number, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: '/', agent: false, timeout: 10_000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** Sends `data`, half-closes, and resolves with everything received until the other side's end. */
function roundTrip(port: number, data: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    s.on('data', (d: Buffer) => parts.push(d));
    s.on('end', () => {
      resolve(Buffer.concat(parts));
      s.destroy();
    });
    s.on('error', reject);
    s.end(data);
  });
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

describe('port-forward', () => {
  it('forwards to a pod as kubectl prints it: 200 sequential and 20 concurrent requests, Ctrl-C frees the port', async () => {
    const f = await forward(['pod/web', ':80']);
    expect(f.remote).toBe(80);
    const first = f.output().split('\n')[0];
    expect(first).toBe(`Forwarding from 127.0.0.1:${f.port} -> 80`);
    if (f.output().includes('[::1]')) expect(f.output()).toContain(`Forwarding from [::1]:${f.port} -> 80`);
    for (let i = 0; i < 200; i++) expect(await get(f.port)).toBe('web v1 web\n');
    expect(lastClient()).toMatch(/^\[(::ffff:)?127\.0\.0\.1\]$|^127\.0\.0\.1$/); // from the pod's own loopback: the sandbox path
    const bodies = await Promise.all(Array.from({ length: 20 }, () => get(f.port)));
    expect(bodies).toEqual(Array(20).fill('web v1 web\n'));
    await waitFor('220 connections handled', () => f.output().split(`Handling connection for ${f.port}\n`).length - 1 === 220, 10_000, 50);
    const r = await f.stop(); // SIGINT
    expect(r.code).toBe(0);
    expect(r.stderr.replace(/kbx: started the control plane[^\n]*\n/, '')).toBe('');
    // The port is free again at once.
    await new Promise<void>((resolve, reject) => {
      const srv = net.createServer().once('error', reject);
      srv.listen(f.port, '127.0.0.1', () => srv.close(() => resolve()));
    });
  }, 90_000);

  it('carries 50 MB each way intact, and a half-closed connection still gets its reply', async () => {
    const f = await forward(['echo', ':9000']);
    expect(await roundTrip(f.port, Buffer.from('hello\n'))).toEqual(Buffer.from('hello\n'));
    const big = crypto.randomBytes(50 * 1024 * 1024);
    const t0 = Date.now();
    const back = await roundTrip(f.port, big);
    const ms = Date.now() - t0;
    expect(back.length).toBe(big.length);
    expect(sha(back)).toBe(sha(big));
    console.log(`port-forward: 50 MB up and 50 MB back (echo) in ${ms} ms`);
    expect((await f.stop()).code).toBe(0);
  }, 60_000);

  it('svc/ maps the service port to the target port (named) and deploy/ picks a running pod', async () => {
    const s = await forward(['svc/websvc', ':8080']);
    expect(s.remote).toBe(80);
    expect(await get(s.port)).toMatch(/^web v2 webd-/);
    expect((await s.stop()).code).toBe(0);
    const d = await forward(['deploy/webd', ':http']);
    expect(d.remote).toBe(80);
    expect(await get(d.port)).toMatch(/^web v2 webd-/);
    expect((await d.stop()).code).toBe(0);
  }, 60_000);

  it("errors read like kubectl's", () => {
    let r = c.kbx('port-forward pod/web');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: TYPE/NAME and list of ports are required for port-forward');
    r = c.kbx('port-forward pod/nope 80');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error from server (NotFound): pods "nope" not found');
    r = c.kbx('port-forward svc/websvc 81');
    expect(r.stderr).toContain('error: Service websvc does not have a service port 81');
    r = c.kbx('port-forward pod/web 1:2:3', { timeout: 20_000 });
    expect(r.stderr).toContain("error: invalid port format '1:2:3'");
    r = c.kbx('port-forward --address example.com pod/web :80');
    expect(r.stderr).toContain('error: example.com is not a valid IP');
    c.ok('run pending --image=kbx-test/missing:0 --restart=Never');
    r = c.kbx('port-forward pod/pending 80');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: unable to forward port because pod is not running. Current status=Pending');
  });

  it('the real kubectl forwards through kbx (SPDY over WebSocket), 10 MB both ways', async () => {
    // The kubeconfig exactly as kbx wrote it: https, its CA, its bearer token.
    const proc = spawn(requireTool(KUBECTL), ['--kubeconfig', c.kubeconfig, '--cache-dir', path.join(c.home, 'kubectl-cache'), 'port-forward', 'pod/echo', ':9000', '-v=6'], { env: { ...c.env(), HOME: c.home } });
    running.push({ proc });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    try {
      const m = await waitFor('kubectl Forwarding from', () => /Forwarding from 127\.0\.0\.1:(\d+) -> 9000/.exec(out), 20_000, 50);
      expect(err).toContain('negotiated protocol: portforward.k8s.io'); // the WebSocket tunnel, not the SPDY fallback
      const port = Number(m[1]);
      for (let i = 0; i < 20; i++) expect((await roundTrip(port, Buffer.from(`ping ${i}\n`))).toString()).toBe(`ping ${i}\n`);
      const big = crypto.randomBytes(10 * 1024 * 1024);
      expect(sha(await roundTrip(port, big))).toBe(sha(big));
      await waitFor('Handling connection lines', () => out.split(`Handling connection for ${port}\n`).length - 1 === 21, 5_000, 50);
      const exited = new Promise<number | null>((r) => proc.on('close', (code) => r(code)));
      proc.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
  }, 60_000);

  it('where the host cannot route to pod IPs, connections go through the data plane tunnel (no exec each)', async () => {
    c.ok('cluster stop');
    // As on Docker Desktop: the tunnel by its published port, to the pod IP from the data-plane container.
    expect(c.kbx('get pods', { env: { KBX_PORTFORWARD_NETWORK: 'tunnel', KBX_TUNNEL_PUBLISHED: '1' } }).code).toBe(0);
    const f = await forward(['pod/web', ':80']);
    const bodies = await Promise.all(Array.from({ length: 20 }, () => get(f.port)));
    expect(bodies).toEqual(Array(20).fill('web v1 web\n'));
    const id = JSON.parse(fs.readFileSync(path.join(c.home, 'cluster.json'), 'utf8')).id;
    const { execFileSync } = await import('node:child_process');
    const agentIP = execFileSync('docker', ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', `kbx-${id}_dataplane`], { encoding: 'utf8' }).trim();
    expect(lastClient()).toContain(agentIP); // httpd logs it as [::ffff:a.b.c.d]
    const e = await forward(['pod/echo', ':9000']);
    const big = crypto.randomBytes(10 * 1024 * 1024);
    expect(sha(await roundTrip(e.port, big))).toBe(sha(big));
    expect((await f.stop()).code).toBe(0);
    expect((await e.stop()).code).toBe(0);
  }, 60_000);

  it('where the host routes to pod IPs, connections go straight to the pod IP', async () => {
    c.ok('cluster stop');
    // The control plane starts again, with the direct path.
    expect(c.kbx('get pods', { env: { KBX_PORTFORWARD_NETWORK: 'direct' } }).code).toBe(0);
    const f = await forward(['pod/web', ':80']);
    const bodies = await Promise.all(Array.from({ length: 20 }, () => get(f.port)));
    expect(bodies).toEqual(Array(20).fill('web v1 web\n'));
    expect(lastClient()).not.toContain('127.0.0.1'); // from the host, over the pod's network
    expect((await f.stop()).code).toBe(0);
  }, 45_000);

  it('ends with a non-zero exit and "lost connection to pod" when the pod goes away', async () => {
    const f = await forward(['pod/web', ':80']);
    expect(await get(f.port)).toBe('web v1 web\n');
    c.ok('delete pod web --wait=false');
    const r = await waitFor('port-forward to exit', () => (f.proc.exitCode !== null ? f.stop() : undefined), 30_000, 50);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: lost connection to pod');
  }, 45_000);
});
