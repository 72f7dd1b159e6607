// The host's end of the data plane's tunnel: a TCP connection to any address:port on the cluster network
// (a pod IP, or a ClusterIP, which the agent balances over ready backends), through the agent's published port
// (or straight to the agent's address when the host routes to the cluster network: one hop less).

/** Whether a TCP connection to host:port opens within the time (used to pick the direct path). */
export function canConnect(host: string, port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    const done = (ok: boolean) => {
      clearTimeout(t);
      s.destroy();
      resolve(ok);
    };
    const t = setTimeout(() => done(false), timeoutMs);
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}
import net from 'node:net';

export class TunnelError extends Error {}

/** Resolves with the connected socket, paused: pipe() it or resume() it. */
export function dialTunnel(tunnel: { host: string; port: number }, token: string, ip: string, port: number, timeoutMs = 5000): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: tunnel.host, port: tunnel.port, allowHalfOpen: true, noDelay: true });
    let head = Buffer.alloc(0);
    const timer = setTimeout(() => fail(new TunnelError(`dial tcp ${ip}:${port}: i/o timeout`)), timeoutMs);
    const fail = (e: Error) => {
      clearTimeout(timer);
      sock.destroy();
      reject(e);
    };
    const onData = (d: Buffer) => {
      head = Buffer.concat([head, d]);
      const nl = head.indexOf(10);
      if (nl < 0) return;
      sock.off('data', onData);
      sock.pause();
      const line = head.subarray(0, nl).toString('utf8');
      const rest = head.subarray(nl + 1);
      if (line !== 'OK') return fail(new TunnelError(line.replace(/^ERR\s*/, '') || 'tunnel refused'));
      clearTimeout(timer);
      sock.off('error', fail);
      sock.off('end', onEnd);
      if (rest.length) sock.unshift(rest);
      resolve(sock);
    };
    const onEnd = () => fail(new TunnelError(`dial tcp ${ip}:${port}: connection closed by the data plane`));
    sock.on('data', onData);
    sock.once('error', fail);
    sock.once('end', onEnd);
    sock.once('connect', () => sock.write(`${token} ${ip} ${port}\n`));
  });
}
