// The pieces of the CLI's fast start: the launcher's choice of build and code cache (bin/kbx), the local
// API socket (controlplane/local-socket.ts) and the client that makes no /healthz round trip but starts the
// control plane when a request is refused (ApiClient.onRefused).
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ApiClient, ConnectionError } from '../../src/client/client.js';
import { listenLocal, MAX_SOCKET_PATH } from '../../src/controlplane/local-socket.js';
import { resourceLookup } from '../../src/api/resource-lookup.js';
import { RESOURCES, resolveResource, resourceByKind } from '../../src/api/registry.js';

const launcher = createRequire(import.meta.url)('../../bin/kbx') as {
  pickEntry(m: { cjs: number; esm: number; tsc: number }): 'cjs' | 'esm' | 'tsc';
  cacheFile(bundle: string, version?: string, arch?: string): string;
  shouldWriteCache(read: Buffer | undefined, rejected: boolean | undefined): boolean;
};

describe('bin/kbx: which build runs', () => {
  it('the CommonJS bundle when it is at least as new as tsc output, else the ES bundle, else tsc output', () => {
    expect(launcher.pickEntry({ cjs: 10, esm: 10, tsc: 9 })).toBe('cjs');
    expect(launcher.pickEntry({ cjs: 10, esm: 10, tsc: 10 })).toBe('cjs');
    // tsc ran alone after a build: both bundles are older code
    expect(launcher.pickEntry({ cjs: 10, esm: 10, tsc: 11 })).toBe('tsc');
    expect(launcher.pickEntry({ cjs: -1, esm: 10, tsc: 9 })).toBe('esm');
    expect(launcher.pickEntry({ cjs: 5, esm: 10, tsc: 9 })).toBe('esm');
    expect(launcher.pickEntry({ cjs: -1, esm: -1, tsc: 9 })).toBe('tsc');
  });
  it('one code cache per Node version and architecture, written when none was read or V8 refused it', () => {
    expect(launcher.cacheFile('/d/cli.cjs', 'v20.20.2', 'x64')).toBe('/d/cli.cjs.v20.20.2-x64.v8cache');
    expect(launcher.cacheFile('/d/cli.cjs', 'v22.1.0', 'x64')).not.toBe(launcher.cacheFile('/d/cli.cjs', 'v20.20.2', 'x64'));
    expect(launcher.shouldWriteCache(undefined, undefined)).toBe(true);
    expect(launcher.shouldWriteCache(Buffer.from('x'), true)).toBe(true);
    expect(launcher.shouldWriteCache(Buffer.from('x'), false)).toBe(false);
  });
});

describe('the resource table the CLI bundle writes out', () => {
  it('resolves as the kinds’ table does (plain data: JSON round trip)', () => {
    const table = resourceLookup(JSON.parse(JSON.stringify(RESOURCES)));
    for (const name of ['po', 'pods', 'Pod', 'deploy', 'deployments.apps', 'svc', 'cm', 'nope']) expect(table.resolveResource(name)).toEqual(resolveResource(name));
    expect(table.resourceByKind('apps/v1', 'Deployment')).toEqual(resourceByKind('apps/v1', 'Deployment'));
  });
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-cli-start-'));
  cleanups.push(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** A server answering every request with its path and Authorization header, on a free TCP port. */
async function echoServer(): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ path: req.url, auth: req.headers.authorization ?? '' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  cleanups.push(() => server.close());
  return { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** A TCP port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('ApiClient.onRefused: no health check first, a refused request starts the control plane', () => {
  it('runs onRefused once for concurrent refused requests and sends each again to the client it gives', async () => {
    const { url } = await echoServer();
    const client = new ApiClient({ server: `http://127.0.0.1:${await closedPort()}`, namespace: 'default', token: 't1' });
    let starts = 0;
    client.onRefused = async () => {
      starts++;
      return new ApiClient({ server: url, namespace: 'default', token: 't1' });
    };
    const [a, b] = await Promise.all([client.request('GET', '/a'), client.request('POST', '/b', { body: {} })]);
    expect(starts).toBe(1);
    expect(a.body).toEqual({ path: '/a', auth: 'Bearer t1' });
    expect(b.body).toEqual({ path: '/b', auth: 'Bearer t1' });
    expect(client.server).toBe(url);
    client.close();
  });
  it('without onRefused a refused request is kubectl’s connection error', async () => {
    const port = await closedPort();
    const client = new ApiClient({ server: `http://127.0.0.1:${port}`, namespace: 'default' });
    const e = await client.request('GET', '/a').catch((x) => x);
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.message).toBe(`The connection to the server 127.0.0.1:${port} was refused - did you specify the right host or port?`);
    client.close();
  });
});

describe('the local API socket', () => {
  it('serves the server’s own handlers on a socket only the user may open; the client uses it for requests', async () => {
    const { server, url } = await echoServer();
    const sock = path.join(tmpDir(), 'api.sock');
    const local = await listenLocal(server, sock, () => {});
    expect(local).toBeDefined();
    cleanups.push(() => local!.close());
    expect(fs.statSync(sock).mode & 0o777).toBe(0o600);
    const client = new ApiClient({ server: 'https://127.0.0.1:1', namespace: 'default', token: 'tok', socketPath: sock });
    expect((await client.request('GET', '/api/v1/pods')).body).toEqual({ path: '/api/v1/pods', auth: 'Bearer tok' });
    // the HTTPS URL stays the one messages and upgrades use
    expect(client.server).toBe('https://127.0.0.1:1');
    void url;
  });
  it('a socket whose file is gone is refused, as the port would be (and so starts the control plane)', async () => {
    const { url } = await echoServer();
    const client = new ApiClient({ server: 'https://127.0.0.1:1', namespace: 'default', socketPath: path.join(tmpDir(), 'gone.sock') });
    const e = await client.request('GET', '/x').catch((x) => x);
    expect(e).toBeInstanceOf(ConnectionError);
    expect(e.code).toBe('ECONNREFUSED');
    expect(e.message).toBe('The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?');
    client.onRefused = async () => new ApiClient({ server: url, namespace: 'default' });
    expect((await client.request('GET', '/x')).body).toEqual({ path: '/x', auth: '' });
  });
  it('no socket for a path longer than a socket path may be', async () => {
    const { server } = await echoServer();
    const logs: string[] = [];
    const long = path.join(tmpDir(), 'x'.repeat(MAX_SOCKET_PATH), 'api.sock');
    expect(await listenLocal(server, long, (m) => logs.push(m))).toBeUndefined();
    expect(logs[0]).toMatch(/longer than a socket path may be/);
  });
});
