// Ingress from the host (the built-in controller, class kbx): curl by host name and path reaches the right
// pods (kbx-test/web answers with its version and pod name), 404 otherwise, HTTPS with the Ingress's
// kubernetes.io/tls Secret chosen by SNI, an Upgrade relayed byte for byte with X-Forwarded-*, and the
// configured port taken → another one reported in PORTS and an event. Real Docker, real CLI and kubectl, curl.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Cluster, waitFor, writeManifest, requireTool } from './harness.js';

let c: Cluster;
let busy: net.Server;
let busyPort: number;
beforeAll(async () => {
  c = new Cluster('ingress');
  // A port someone else holds: the controller must fall back and say so.
  busy = net.createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
  busyPort = (busy.address() as net.AddressInfo).port;
});
afterAll(() => {
  busy?.close();
  c?.destroy();
});

const apps = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web1}
spec:
  replicas: 2
  selector: {matchLabels: {app: web1}}
  template:
    metadata: {labels: {app: web1}}
    spec:
      containers:
      - {name: web, image: "kbx-test/web:1", ports: [{containerPort: 80, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: web1}
spec:
  selector: {app: web1}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web2}
spec:
  replicas: 1
  selector: {matchLabels: {app: web2}}
  template:
    metadata: {labels: {app: web2}}
    spec:
      containers:
      - {name: web, image: "kbx-test/web:2", ports: [{containerPort: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web2}
spec:
  selector: {app: web2}
  ports: [{port: 8080, targetPort: 80}]
---
apiVersion: v1
kind: Pod
metadata: {name: echo, labels: {app: echo}}
spec:
  containers:
  - {name: echo, image: busybox, command: ["nc", "-ll", "-p", "80", "-e", "cat"]}
---
apiVersion: v1
kind: Service
metadata: {name: echo}
spec:
  selector: {app: echo}
  ports: [{port: 80}]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: app}
spec:
  tls:
  - hosts: [app.localhost]
    secretName: app-tls
  rules:
  - host: app.localhost
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web1, port: {name: http}}}}
      - {path: /index.html, pathType: Exact, backend: {service: {name: web2, port: {number: 8080}}}}
  - host: "*.v2.localhost"
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web2, port: {number: 8080}}}}
  - host: ws.localhost
    http:
      paths:
      - {path: /, pathType: ImplementationSpecific, backend: {service: {name: echo, port: {number: 80}}}}
`;

/** The host's curl (it resolves *.localhost to the loopback by itself, as the README's examples rely on). */
const CURL = requireTool(spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim() || '/usr/bin/curl');

function curl(args: string[]): { code: string; body: string } {
  const r = spawnSync(CURL, ['-s', '-m', '10', '-w', '\n%{http_code}', ...args], { encoding: 'utf8' });
  const out = r.stdout ?? '';
  const nl = out.lastIndexOf('\n');
  return { body: out.slice(0, nl), code: out.slice(nl + 1) };
}

describe('Ingress (class kbx) from the host', () => {
  let httpPort = 0;
  let httpsPort = 0;
  let dir: string;

  it('serves on another port when the configured one is taken, and says where', async () => {
    dir = fs.mkdtempSync(path.join(c.home, 'm-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'tls.key'), '-out', path.join(dir, 'tls.crt'), '-days', '2', '-subj', '/CN=app.localhost', '-addext', 'subjectAltName=DNS:app.localhost'], { stdio: 'ignore' });
    const first = c.kbx(['create', 'secret', 'tls', 'app-tls', `--cert=${path.join(dir, 'tls.crt')}`, `--key=${path.join(dir, 'tls.key')}`], { env: { KBX_INGRESS_HTTP_PORT: String(busyPort), KBX_INGRESS_HTTPS_PORT: '0' } });
    expect(first.code, first.stderr).toBe(0);
    c.ok(['apply', '-f', writeManifest(dir, 'apps.yaml', apps)]);
    expect(c.ok(['get', 'ingressclass'])).toMatch(/^NAME\s+CONTROLLER\s+PARAMETERS\s+AGE\nkbx\s+kbx\.io\/ingress-controller\s+<none>\s+/);
    const ports = await waitFor('the Ingress status', () => c.ok(['get', 'ing', 'app', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip} {.status.loadBalancer.ingress[0].ports[*].port}']).trim().split(' ').length === 3 && c.ok(['get', 'ing', 'app', '-o', 'jsonpath={.status.loadBalancer.ingress[0].ip} {.status.loadBalancer.ingress[0].ports[*].port}']).trim());
    const [ip, h, s] = (ports as string).split(' ');
    expect(ip).toBe('127.0.0.1');
    httpPort = Number(h);
    httpsPort = Number(s);
    expect(httpPort).not.toBe(busyPort);
    const table = c.ok(['get', 'ing']);
    expect(table).toMatch(new RegExp(`^NAME\\s+CLASS\\s+HOSTS\\s+ADDRESS\\s+PORTS\\s+AGE\\napp\\s+kbx\\s+app\\.localhost,\\*\\.v2\\.localhost,ws\\.localhost\\s+127\\.0\\.0\\.1\\s+${httpPort}, ${httpsPort}\\s+`));
    expect(c.kubectl(['get', 'ing']).stdout.replace(/\d+s\n/g, '')).toBe(table.replace(/\d+s\n/g, ''));
    await waitFor('the PortUnavailable event', () => c.ok(['describe', 'ing', 'app']).includes(`port ${busyPort} on 127.0.0.1: address already in use: serving on 127.0.0.1:${httpPort} instead`));
  });

  it('routes by host and path to ready pods; 404 for hosts nothing serves', async () => {
    await waitFor('web1 answering through the Ingress', () => curl([`http://app.localhost:${httpPort}/`]).body.startsWith('web v1 web1-'), 60_000);
    const seen = new Set<string>();
    await waitFor('both web1 pods answering', () => {
      seen.add(curl([`http://app.localhost:${httpPort}/`]).body.trim());
      return seen.size === 2;
    });
    expect([...seen].every((b) => /^web v1 web1-/.test(b))).toBe(true);
    // Exact /index.html beats Prefix / on the same host; the wildcard covers one label.
    expect(curl([`http://app.localhost:${httpPort}/index.html`]).body).toMatch(/^web v2 web2-/);
    expect(curl([`http://x.v2.localhost:${httpPort}/`]).body).toMatch(/^web v2 web2-/);
    expect(curl([`http://a.b.v2.localhost:${httpPort}/`]).code).toBe('404');
    expect(curl([`http://other.localhost:${httpPort}/`])).toEqual({ code: '404', body: '404 page not found\n' });
    const d = c.ok(['describe', 'ing', 'app']);
    expect(d).toMatch(/Rules:\n  Host\s+Path\s+Backends\n/);
    expect(d).toMatch(/\/\s+web1:http \(\d+\.\d+\.\d+\.\d+:80,\d+\.\d+\.\d+\.\d+:80\)/);
    expect(d).toMatch(/TLS:\n  app-tls terminates app\.localhost\n/);
  });

  it('terminates TLS with the Secret that SNI names', () => {
    const ok = curl(['--cacert', path.join(dir, 'tls.crt'), `https://app.localhost:${httpsPort}/`]);
    expect(ok.code).toBe('200');
    expect(ok.body).toMatch(/^web v1 web1-/);
    // Another name gets the default certificate (not app.localhost's): verification fails, -k gets the 404.
    expect(curl(['--cacert', path.join(dir, 'tls.crt'), `https://other.localhost:${httpsPort}/`]).code).toBe('000');
    expect(curl(['-k', `https://other.localhost:${httpsPort}/`]).code).toBe('404');
  });

  it('relays an Upgrade byte for byte with X-Forwarded-*', async () => {
    await waitFor('the echo pod ready', () => c.ok(['get', 'ep', 'echo', '-o', 'jsonpath={.subsets[*].addresses[*].ip}']).trim() !== '');
    const echoed = await new Promise<string>((resolve, reject) => {
      const s = net.connect(httpPort, '127.0.0.1', () => s.write('GET /chat HTTP/1.1\r\nHost: ws.localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nX-Forwarded-For: 192.0.2.1\r\n\r\nFRAME-1'));
      let got = '';
      const t = setTimeout(() => (s.destroy(), reject(new Error(`no echo: ${got}`))), 10_000);
      s.on('data', (d) => {
        got += d;
        if (got.includes('FRAME-1')) {
          clearTimeout(t);
          s.destroy();
          resolve(got);
        }
      });
      s.on('error', reject);
    });
    expect(echoed).toMatch(/^GET \/chat HTTP\/1\.1\r\n/);
    expect(echoed).toContain('x-forwarded-for: 192.0.2.1, 127.0.0.1\r\n');
    expect(echoed).toContain('x-forwarded-proto: http\r\n');
    expect(echoed).toContain('x-forwarded-host: ws.localhost\r\n');
    expect(echoed).toContain('upgrade: websocket\r\n');
  });

  it('stores a NetworkPolicy through kbx and kubectl without a not-enforced warning', () => {
    const f = writeManifest(dir, 'np.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deny}\nspec:\n  podSelector: {}\n');
    const r = c.kbx(['apply', '-f', f]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Warning:');
    const k = c.kubectl(['apply', '--validate=false', '-f', writeManifest(dir, 'np2.yaml', fs.readFileSync(f, 'utf8').replace('name: deny', 'name: deny2'))]);
    expect(k.code, k.stderr).toBe(0);
    expect(k.stderr).not.toContain('Warning:');
    expect(c.ok(['get', 'netpol'])).toMatch(/^NAME\s+POD-SELECTOR\s+AGE\ndeny\s+<none>\s+\d+s\ndeny2\s+<none>\s+/);
  });

  it('stops serving a deleted Ingress', async () => {
    c.ok(['delete', 'ing', 'app']);
    await waitFor('404 after the delete', () => curl([`http://app.localhost:${httpPort}/`]).code === '404');
  });
});
