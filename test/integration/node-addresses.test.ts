// The node's addresses from the host: a NodePort answers on the INTERNAL-IP `get nodes -o wide` shows (and on
// the loopback), a hostPort is published on the node's loopback, and hostNetwork is refused with a clear
// error rather than ignored. Real Docker, real CLI.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Cluster, waitFor, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('nodeaddr');
});
afterAll(() => c?.destroy());

function get(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/', timeout: 3000 }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve(body));
    });
    req.on('error', (e) => resolve(`error: ${e.message}`));
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

const manifests = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec:
  containers:
  - name: web
    image: kbx-test/web:1
    ports:
    - {containerPort: 80}
---
apiVersion: v1
kind: Pod
metadata: {name: published}
spec:
  containers:
  - name: web
    image: kbx-test/web:2
    ports:
    - {containerPort: 80, hostPort: HOSTPORT}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - {port: 80, targetPort: 80}
`;

describe('node addresses', () => {
  it('a NodePort answers on the node INTERNAL-IP and the loopback; a hostPort on the loopback', async () => {
    const dir = fs.mkdtempSync(path.join(c.home, 'm-'));
    // A free port for the hostPort: ask the kernel, release it, publish it.
    const hostPort = await new Promise<number>((resolve) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    c.ok(['apply', '-f', writeManifest(dir, 'm.yaml', manifests.replace('HOSTPORT', String(hostPort)))]);
    const internal = await waitFor('the node INTERNAL-IP', () => c.ok(['get', 'nodes', '-o', 'jsonpath={.items[0].status.addresses[?(@.type=="InternalIP")].address}']).trim());
    expect(c.ok(['get', 'nodes', '-o', 'wide'])).toContain(internal);
    const nodePort = Number(c.ok(['get', 'svc', 'web', '-o', 'jsonpath={.spec.ports[0].nodePort}']));
    await waitFor('the NodePort on the INTERNAL-IP', async () => (await get(internal, nodePort)).startsWith('web v1 web'), 60_000);
    expect(await get('127.0.0.1', nodePort)).toMatch(/^web v1 web/);
    await waitFor('the hostPort on the loopback', async () => (await get('127.0.0.1', hostPort)).startsWith('web v2 published'), 60_000);
  });

  it('refuses hostNetwork: true', () => {
    const dir = fs.mkdtempSync(path.join(c.home, 'h-'));
    const r = c.kbx(['apply', '-f', writeManifest(dir, 'hn.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: hn}\nspec:\n  hostNetwork: true\n  containers:\n  - {name: c, image: busybox, command: [sleep, "1000"]}\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('spec.hostNetwork: Forbidden: not supported by kbx');
  });
});
