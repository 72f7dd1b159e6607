// Reaching a TCP port inside a pod for port-forward (NodeApi.dialPod). Two paths, as for probes:
//
// direct   when the host routes to container IPs (Linux), a TCP connection to the pod IP. Checked once per
//          control plane (probes/transport.ts detectDirect); a refused connection (an application bound to
//          127.0.0.1 only) falls back to the sandbox path, which reaches the pod's loopback.
// tunnel   otherwise, when the services data plane runs: its agent on the cluster network connects to the pod
//          IP (src/dataplane/); refused (loopback-only application) → the sandbox path.
// sandbox  otherwise (Docker Desktop cannot route to container IPs): a `docker exec` in the pod's infrastructure
//          container — which owns the pod's network namespace, so 127.0.0.1 there is the pod — runs busybox
//          `nc 127.0.0.1 PORT`, and the exec's hijacked stdin/stdout carry the connection. busybox nc
//          half-closes (shutdown SHUT_WR) when its stdin ends and exits when the pod side closes, so
//          half-closed connections behave as with a plain socket.
// KBX_PORTFORWARD_NETWORK=direct|tunnel|sandbox forces one (else KBX_PROBE_NETWORK, else detected).
//
// Starting a process with `docker exec` takes 50–100 ms, so each sandbox keeps execs warm: each runs
// `sh -c 'read -r p; exec nc 127.0.0.1 "$p"'` and waits for its port on the first line of stdin (the shell
// reads that line byte by byte, so what follows goes to nc untouched). The pool starts at 2 and doubles (up to
// 8) each time a dial finds it empty, so a burst of connections is served by execs started in parallel; it is
// dropped after a quiet minute. This module is the only place that knows how the bytes get there: callers see
// dialPod → Duplex.
import net from 'node:net';
import { Duplex } from 'node:stream';
import type { Pod } from '../api/types.js';
import { INFRA_CONTAINER_NAME, LABELS, type ContainerRuntime, type ExecSession } from '../runtime/runtime.js';
import { detectDirect } from './probes/transport.js';

export type DialPath = 'direct' | 'tunnel' | 'sandbox';

const WARM_MIN = 2;
const WARM_MAX = 8;
/** Execs being started at once per sandbox: more only slows each of them down (the engine serializes much of it). */
const MAX_STARTING = 4;
const IDLE_MS = 60_000;
const SANDBOX_CACHE_MS = 5_000;
const SCRIPT = 'read -r p || exit 0; exec nc 127.0.0.1 "$p"';
const MAX_STDERR = 4096;

interface Pool {
  warm: ExecSession[];
  starting: number;
  target: number;
  /** Dials waiting for an exec to be ready. */
  waiters: { resolve: (s: ExecSession) => void; reject: (e: Error) => void }[];
  timer?: NodeJS.Timeout;
}

export class PodDialer {
  private readonly pools = new Map<string, Pool>();
  private readonly sandboxes = new Map<string, { id: string; at: number }>();
  private route?: Promise<boolean>;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly clusterId: string,
    /** Forces a path; default: KBX_PORTFORWARD_NETWORK, KBX_PROBE_NETWORK, else detected. */
    private readonly path: DialPath | undefined = envPath(),
    /** The data plane's tunnel to an address on the cluster network (dataplane/manager.ts), when it runs. */
    private readonly tunnel?: (ip: string, port: number) => Promise<net.Socket>,
  ) {}

  /** A connection to `port` on the pod's loopback (or its IP, same namespace). Rejects when the pod has no running sandbox. */
  async dialPod(pod: Pod, port: number): Promise<Duplex> {
    const ip = pod.status?.podIP;
    if (ip && (await this.routable(ip))) {
      const sock = await connectDirect(ip, port).catch(() => undefined);
      if (sock) return sock;
    }
    if (ip && this.tunnel && this.path !== 'sandbox' && this.path !== 'direct') {
      // Through the data-plane container on the cluster network: one long-lived process, no exec per connection.
      const sock = await this.tunnel(ip, port).catch(() => undefined);
      if (sock) return sock;
    }
    return this.dialSandbox(pod, port);
  }

  private routable(ip: string): Promise<boolean> {
    if (this.path) return Promise.resolve(this.path === 'direct');
    this.route ??= detectDirect(ip);
    return this.route;
  }

  private async dialSandbox(pod: Pod, port: number): Promise<Duplex> {
    const sandbox = await this.sandboxOf(pod);
    const pool = this.pool(sandbox);
    let session = pool.warm.shift();
    if (!session) {
      // None warm: wait for the next exec that is ready (one is started for each waiting dial), and grow the pool.
      pool.target = Math.min(WARM_MAX, pool.target * 2);
      session = await new Promise<ExecSession>((resolve, reject) => {
        pool.waiters.push({ resolve, reject });
        this.refill(sandbox, pool);
      });
    } else {
      this.refill(sandbox, pool);
    }
    session.stdin!.write(`${port}\n`);
    return execConnection(session);
  }

  /** Closes every warm exec. */
  close(): void {
    for (const [id, pool] of this.pools) this.drop(id, pool);
  }

  private async sandboxOf(pod: Pod): Promise<string> {
    const uid = pod.metadata.uid!;
    const hit = this.sandboxes.get(uid);
    if (hit && Date.now() - hit.at < SANDBOX_CACHE_MS) return hit.id;
    const list = await this.runtime.listContainers({ [LABELS.cluster]: this.clusterId, [LABELS.podUid]: uid, [LABELS.container]: INFRA_CONTAINER_NAME });
    const infra = list.find((c) => c.state === 'running');
    if (!infra) {
      this.sandboxes.delete(uid);
      throw new Error(`pod ${pod.metadata.name} has no running sandbox`);
    }
    this.sandboxes.set(uid, { id: infra.id, at: Date.now() });
    return infra.id;
  }

  private pool(sandbox: string): Pool {
    let pool = this.pools.get(sandbox);
    if (!pool) {
      pool = { warm: [], starting: 0, target: WARM_MIN, waiters: [] };
      this.pools.set(sandbox, pool);
    }
    if (pool.timer) clearTimeout(pool.timer);
    pool.timer = setTimeout(() => this.drop(sandbox, pool!), IDLE_MS);
    pool.timer.unref();
    return pool;
  }

  private drop(sandbox: string, pool: Pool): void {
    if (pool.timer) clearTimeout(pool.timer);
    for (const s of pool.warm.splice(0)) s.close();
    if (this.pools.get(sandbox) === pool) this.pools.delete(sandbox);
  }

  private refill(sandbox: string, pool: Pool): void {
    while (pool.warm.length + pool.starting < pool.target + pool.waiters.length && pool.starting < MAX_STARTING) {
      pool.starting++;
      this.startExec(sandbox)
        .then((s) => {
          pool.starting--;
          const waiter = pool.waiters.shift();
          this.refill(sandbox, pool);
          if (waiter) return waiter.resolve(s);
          if (this.pools.get(sandbox) !== pool) return s.close();
          pool.warm.push(s);
          // A warm exec that ends on its own (the sandbox stopped) is no longer usable.
          s.stdout.once('end', () => {
            const i = pool.warm.indexOf(s);
            if (i >= 0) pool.warm.splice(i, 1);
          });
        })
        .catch((e: Error) => {
          pool.starting--;
          pool.waiters.shift()?.reject(e); // e.g. the sandbox is gone
        });
    }
  }

  private startExec(sandbox: string): Promise<ExecSession> {
    return this.runtime.exec(sandbox, { cmd: ['sh', '-c', SCRIPT], stdin: true, tty: false });
  }
}

/**
 * The exec as a socket-like Duplex: writes go to nc's stdin, end() half-closes it, nc's stdout is readable.
 * When nc fails (nothing listens on the port) the Duplex fails with nc's message.
 */
export function execConnection(session: ExecSession): Duplex {
  let stderr = '';
  let outputEnded = false;
  const stdin = session.stdin!;
  const out = session.stdout;
  const conn = new Duplex({
    allowHalfOpen: true,
    read() {
      out.resume();
    },
    write(chunk: Buffer, _enc, cb) {
      if (outputEnded) return cb(); // the pod side is gone; what is still sent has nowhere to go
      stdin.write(chunk, () => cb());
    },
    final(cb) {
      if (!outputEnded) stdin.end();
      cb();
    },
    destroy(err, cb) {
      session.close();
      cb(err);
    },
  });
  out.on('data', (d: Buffer) => {
    if (!conn.push(d)) out.pause();
  });
  session.stderr.on('data', (d: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += d.toString();
  });
  session.stderr.on('error', () => {});
  out.on('error', (e: Error) => conn.destroy(e));
  out.on('end', () => {
    outputEnded = true;
    // nc says nothing on stderr unless it failed (e.g. "can't connect to remote host"): no need to ask the
    // engine for the exit code of every connection.
    if (!stderr.trim()) {
      conn.push(null);
      session.close();
      return;
    }
    session
      .wait()
      .then((code) => {
        if (code !== 0) conn.destroy(new Error(stderr.trim()));
        else conn.push(null);
      })
      .catch(() => conn.push(null))
      .finally(() => session.close());
  });
  return conn;
}

function envPath(): DialPath | undefined {
  const v = process.env.KBX_PORTFORWARD_NETWORK || process.env.KBX_PROBE_NETWORK;
  return v === 'direct' || v === 'sandbox' || v === 'tunnel' ? v : undefined;
}

/** A TCP connection to ip:port that can be half-closed; rejects if it is refused or does not connect in time. */
export function connectDirect(ip: string, port: number, timeoutMs = 3000): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: ip, port, allowHalfOpen: true });
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error(`dial tcp ${ip}:${port}: i/o timeout`));
    }, timeoutMs);
    sock.once('connect', () => {
      clearTimeout(timer);
      sock.setNoDelay(true);
      resolve(sock);
    });
    sock.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
