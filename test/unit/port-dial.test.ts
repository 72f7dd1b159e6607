import net from 'node:net';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { PodDialer, execConnection } from '../../src/kubelet/port-dial.js';
import type { ContainerRuntime, ExecSession } from '../../src/runtime/runtime.js';

/** An exec whose process we play: `written` is what reached its stdin, `out`/`err` are its stdout/stderr. */
function fakeExec() {
  const written: Buffer[] = [];
  let stdinEnded = false;
  const out = new PassThrough();
  const err = new PassThrough();
  let code = 0;
  let closed = false;
  const session: ExecSession = {
    stdin: new Writable({
      write(chunk: Buffer, _e, cb) {
        written.push(chunk);
        cb();
      },
      final(cb) {
        stdinEnded = true;
        cb();
      },
    }),
    stdout: out,
    stderr: err,
    resize: async () => {},
    wait: async () => code,
    close: () => {
      closed = true;
    },
  };
  return {
    session,
    out,
    err,
    stdin: () => Buffer.concat(written).toString(),
    stdinEnded: () => stdinEnded,
    exit: (c: number) => (code = c),
    closed: () => closed,
  };
}

function fakeRuntime() {
  const execs: ReturnType<typeof fakeExec>[] = [];
  const cmds: string[][] = [];
  const runtime = {
    listContainers: async () => [{ id: 'infra1', state: 'running' }],
    exec: async (_id: string, o: { cmd: string[] }) => {
      cmds.push(o.cmd);
      const e = fakeExec();
      execs.push(e);
      return e.session;
    },
  } as unknown as ContainerRuntime;
  return { runtime, execs, cmds };
}

const pod = (ip?: string) => ({ metadata: { name: 'web', uid: 'u1' }, spec: { containers: [] }, status: { podIP: ip } }) as unknown as Pod;

const read = (s: NodeJS.ReadableStream) =>
  new Promise<string>((resolve, reject) => {
    let t = '';
    s.on('data', (d) => (t += d));
    s.on('end', () => resolve(t));
    s.on('error', reject);
  });

let dialers: PodDialer[] = [];
afterEach(() => {
  for (const d of dialers) d.close();
  dialers = [];
});

describe('PodDialer', () => {
  it('sandbox path: a warm `nc` exec gets the port on its first line, then the bytes; end() half-closes', async () => {
    const { runtime, execs, cmds } = fakeRuntime();
    const d = new PodDialer(runtime, 'c1', 'sandbox');
    dialers.push(d);
    const conn = await d.dialPod(pod('10.0.0.9'), 8080);
    expect(cmds[0]).toEqual(['sh', '-c', 'read -r p || exit 0; exec nc 127.0.0.1 "$p"']);
    const e = execs[0]!;
    conn.write('GET / HTTP/1.0\r\n\r\n');
    conn.end();
    await new Promise((r) => setImmediate(r));
    expect(e.stdin()).toBe('8080\nGET / HTTP/1.0\r\n\r\n');
    expect(e.stdinEnded()).toBe(true);
    // the reply still flows after the half-close
    const got = read(conn);
    e.out.end('HTTP/1.0 200 OK\r\n\r\nhi');
    expect(await got).toBe('HTTP/1.0 200 OK\r\n\r\nhi');
    // more execs were started to stay warm; the next dial takes one of them
    await new Promise((r) => setImmediate(r));
    expect(execs.length).toBeGreaterThanOrEqual(2);
    await d.dialPod(pod(), 80);
    expect(execs.length).toBeGreaterThanOrEqual(2);
  });

  it("sandbox path: nc's complaint becomes the connection's error", async () => {
    const { runtime, execs } = fakeRuntime();
    const d = new PodDialer(runtime, 'c1', 'sandbox');
    dialers.push(d);
    const conn = await d.dialPod(pod(), 81);
    const e = execs[0]!;
    e.exit(1);
    e.err.write("nc: can't connect to remote host (127.0.0.1): Connection refused\n");
    e.out.end();
    await expect(read(conn)).rejects.toThrow("nc: can't connect to remote host (127.0.0.1): Connection refused");
    expect(e.closed()).toBe(true);
  });

  it('direct path: a TCP connection to the pod IP; refused (bound to 127.0.0.1 only) falls back to the sandbox', async () => {
    const server = net.createServer({ allowHalfOpen: true }, (s) => {
      let t = '';
      s.on('data', (d) => (t += d));
      s.on('end', () => s.end(`echo:${t}`)); // answers only after the client half-closed
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const { runtime, execs } = fakeRuntime();
    const d = new PodDialer(runtime, 'c1', 'direct');
    dialers.push(d);
    const conn = await d.dialPod(pod('127.0.0.1'), port);
    conn.end('abc');
    expect(await read(conn)).toBe('echo:abc');
    expect(execs).toHaveLength(0);
    server.close();
    await new Promise((r) => server.once('close', r));
    await d.dialPod(pod('127.0.0.1'), port); // refused now
    expect(execs.length).toBeGreaterThanOrEqual(1);
  });

  it('execConnection: writes after the pod side closed are dropped, not errors', async () => {
    const e = fakeExec();
    const conn = execConnection(e.session);
    const got = read(conn);
    e.out.end('bye');
    expect(await got).toBe('bye');
    await new Promise<void>((r) => conn.write('late', () => r()));
  });
});
