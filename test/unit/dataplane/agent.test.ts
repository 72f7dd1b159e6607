// The agent's proxies and tunnel on the loopback (no Docker): round-robin over backends, refusal without one,
// half-close carried through, the tunnel's token.
import { describe, it, expect, afterEach } from 'vitest';
import net from 'node:net';
import { ServiceProxies } from '../../../src/dataplane/agent/proxy.js';
import { TunnelServer } from '../../../src/dataplane/agent/tunnel.js';
import { dialTunnel } from '../../../src/dataplane/tunnel-client.js';
import type { DataplaneConfig } from '../../../src/dataplane/protocol.js';

const closers: (() => void)[] = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

/** A backend that answers its name, then echoes what it receives until the client half-closes. */
async function backend(name: string): Promise<number> {
  const s = net.createServer({ allowHalfOpen: true }, (c) => {
    c.write(`${name}:`);
    c.pipe(c);
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  closers.push(() => s.close());
  return (s.address() as net.AddressInfo).port;
}

function exchange(sock: net.Socket, send: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let got = '';
    sock.on('data', (d) => (got += d));
    sock.on('end', () => resolve(got));
    sock.on('error', reject);
    sock.end(send); // half-close: the reply must still come
    sock.resume();
  });
}

const config = (ports: { port: number; backends: { ip: string; port: number }[] }[]): DataplaneConfig => ({
  generation: 1,
  token: 'secret',
  domain: 'cluster.local',
  dnsIP: '127.0.0.10',
  serviceCIDR: '127.0.0.0/8',
  services: [{ namespace: 'default', name: 'web', clusterIP: '127.0.0.1', addresses: [], hostnames: {}, ports: ports.map((p) => ({ name: '', protocol: 'TCP', ...p })) }],
});

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return p;
}

describe('data-plane agent', () => {
  it('spreads connections over the backends and carries half-closes', async () => {
    const a = await backend('a');
    const b = await backend('b');
    const port = await freePort();
    const proxies = new ServiceProxies(() => {});
    proxies.apply(config([{ port, backends: [{ ip: '127.0.0.1', port: a }, { ip: '127.0.0.1', port: b }] }]));
    closers.push(() => proxies.apply({ ...config([]), services: [] }));
    await new Promise((r) => setTimeout(r, 50)); // the listener binds asynchronously
    const answers: string[] = [];
    for (let i = 0; i < 4; i++) answers.push(await exchange(net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }), 'ping'));
    expect(answers.sort()).toEqual(['a:ping', 'a:ping', 'b:ping', 'b:ping']);
  });

  it('keeps a client on one backend with sessionAffinity ClientIP', async () => {
    const a = await backend('a');
    const b = await backend('b');
    const port = await freePort();
    const proxies = new ServiceProxies(() => {});
    const cfg = config([{ port, backends: [{ ip: '127.0.0.1', port: a }, { ip: '127.0.0.1', port: b }] }]);
    cfg.services[0]!.affinitySeconds = 60;
    proxies.apply(cfg);
    closers.push(() => proxies.apply({ ...config([]), services: [] }));
    await new Promise((r) => setTimeout(r, 50));
    const answers = new Set<string>();
    for (let i = 0; i < 4; i++) answers.add(await exchange(net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }), 'x'));
    expect(answers.size).toBe(1);
  });

  it('skips a refusing backend and refuses when none is left', async () => {
    const a = await backend('a');
    const dead = await freePort();
    const port = await freePort();
    const proxies = new ServiceProxies(() => {});
    proxies.apply(config([{ port, backends: [{ ip: '127.0.0.1', port: dead }, { ip: '127.0.0.1', port: a }] }]));
    closers.push(() => proxies.apply({ ...config([]), services: [] }));
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 3; i++) expect(await exchange(net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }), 'x')).toBe('a:x');
    proxies.apply(config([{ port, backends: [] }]));
    await expect(exchange(net.connect({ host: '127.0.0.1', port, allowHalfOpen: true }), 'x')).rejects.toThrow(/ECONNRESET/);
  });

  it('tunnels to an address with the token, and refuses without it', async () => {
    const a = await backend('a');
    const proxies = new ServiceProxies(() => {});
    const tunnel = new TunnelServer(() => 'secret', proxies, () => {});
    const tport = await freePort();
    await tunnel.listen(tport);
    closers.push(() => tunnel.close());
    const sock = await dialTunnel({ host: '127.0.0.1', port: tport }, 'secret', '127.0.0.1', a);
    expect(await exchange(sock, 'through')).toBe('a:through');
    await expect(dialTunnel({ host: '127.0.0.1', port: tport }, 'wrong!', '127.0.0.1', a)).rejects.toThrow(/unauthorized/);
    await expect(dialTunnel({ host: '127.0.0.1', port: tport }, 'secret', '127.0.0.1', await freePort())).rejects.toThrow(/connection refused/);
  });
});
