// The Ingress proxy against local HTTP servers standing in for pods (the dial is a plain connect): routing,
// 404/503, X-Forwarded-*, keep-alive towards the client and pooled upstream connections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import type { KObject } from '../../src/api/types.js';
import { IngressProxy } from '../../src/dataplane/ingress-proxy.js';
import { buildIngressTable } from '../../src/dataplane/ingress-routes.js';

let backend: http.Server;
let backendPort = 0;
const upstreamSockets = new Set<net.Socket>();
let proxyServer: http.Server;
let proxyPort = 0;

beforeAll(async () => {
  backend = http.createServer((req, res) => res.end(JSON.stringify({ url: req.url, headers: req.headers })));
  backend.on('connection', (s) => upstreamSockets.add(s));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', () => r()));
  backendPort = (backend.address() as net.AddressInfo).port;
  const proxy = new IngressProxy(
    (ip, port) =>
      new Promise((resolve, reject) => {
        const s = net.connect(port, ip, () => resolve(s));
        s.once('error', reject);
      }),
    () => undefined,
  );
  const cls: KObject = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'kbx' }, spec: { controller: 'kbx.io/ingress-controller' } };
  const ing: KObject = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'i', namespace: 'default' },
    spec: {
      ingressClassName: 'kbx',
      rules: [
        { host: 'app.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } },
        { host: 'empty.test', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'empty', port: { number: 80 } } } }] } },
      ],
    },
  };
  const svc = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
  const ep = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'web', namespace: 'default' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: backendPort }] }] } as KObject;
  proxy.setTable(buildIngressTable({ ingresses: [ing], classes: [cls], services: [svc('web'), svc('empty')], endpoints: new Map([['default/web', ep]]), secrets: new Map() }).table);
  proxyServer = proxy.httpServer();
  await new Promise<void>((r) => proxyServer.listen(0, '127.0.0.1', () => r()));
  proxyPort = (proxyServer.address() as net.AddressInfo).port;
});
afterAll(() => {
  proxyServer?.closeAllConnections();
  proxyServer?.close();
  backend?.closeAllConnections();
  backend?.close();
});

function get(agent: http.Agent, host: string, path = '/'): Promise<{ status: number; body: string; socket: net.Socket }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: proxyPort, path, agent, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socket: req.socket! }));
    });
    req.on('error', reject);
  });
}

describe('IngressProxy', () => {
  it('routes, sets X-Forwarded-*, keeps the client connection and pools the upstream one', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const a = await get(agent, 'app.test', '/x?y=1');
    const b = await get(agent, 'app.test:8080', '/z');
    expect(a.status).toBe(200);
    const seen = JSON.parse(a.body);
    expect(seen.url).toBe('/x?y=1');
    expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers['x-forwarded-host']).toBe('app.test');
    expect(JSON.parse(b.body).headers['x-forwarded-host']).toBe('app.test:8080');
    expect(b.socket).toBe(a.socket);
    expect(upstreamSockets.size).toBe(1);
    agent.destroy();
  });
  it('answers 404 for an unknown host and 503 for a backend without ready endpoints', async () => {
    const agent = new http.Agent({ keepAlive: false });
    expect(await get(agent, 'nothing.test')).toMatchObject({ status: 404, body: '404 page not found\n' });
    const r = await get(agent, 'empty.test');
    expect(r.status).toBe(503);
    expect(r.body).toContain('no ready endpoints for default/empty:80');
  });
});
