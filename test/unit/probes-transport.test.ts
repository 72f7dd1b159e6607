// Probe transports: request building, response verdicts, Go-like error texts, and the real http/tcp paths against a
// local server (the direct path) — plus the sandbox shell's framing against a fake exec session.
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  DefaultProbeTransport,
  canonicalHeader,
  dialError,
  httpRequestSpec,
  httpVerdict,
  ncError,
  parseHttpResponse,
  rawHttpRequest,
  resolvePort,
  sameHostRedirect,
} from '../../src/kubelet/probes/transport.js';
import { goQuote } from '../../src/compat/go-format.js';
import { printfBytes } from '../../src/kubelet/probes/sandbox-shell.js';
import { probeSettings } from '../../src/kubelet/probes/worker.js';
import type { Container, Pod } from '../../src/api/types.js';
import type { ContainerRuntime, ExecOptions, ExecSession } from '../../src/runtime/runtime.js';
import { FakeRuntime } from '../../src/runtime/fake-runtime.js';

const web: Container = { name: 'web', image: 'kbx-test/web:1', ports: [{ name: 'http', containerPort: 8080 }] };
const pod: Pod = { metadata: { name: 'p', namespace: 'default', uid: 'u1' }, spec: { containers: [web] } };

describe('ports', () => {
  it('a number, a container port name, or a number in a string', () => {
    expect(resolvePort(80, web)).toBe(80);
    expect(resolvePort('http', web)).toBe(8080);
    expect(resolvePort('9090', web)).toBe(9090);
    expect(() => resolvePort('nope', web)).toThrow("couldn't find port: nope in web");
    expect(() => resolvePort(0, web)).toThrow('invalid port number: 0');
  });
});

describe('http requests', () => {
  it('URL on the pod IP, Host, User-Agent kube-probe/1.35 and Accept */* as Kubernetes sends them', () => {
    const s = httpRequestSpec({ path: '/healthz', port: 'http', scheme: 'HTTP' }, web, '172.18.0.5');
    expect(s.url).toBe('http://172.18.0.5:8080/healthz');
    expect(s.headers).toEqual([
      ['Host', '172.18.0.5:8080'],
      ['User-Agent', 'kube-probe/1.35'],
      ['Accept', '*/*'],
    ]);
    expect(rawHttpRequest(s).toString()).toBe('GET /healthz HTTP/1.1\r\nHost: 172.18.0.5:8080\r\nUser-Agent: kube-probe/1.35\r\nAccept: */*\r\nConnection: close\r\n\r\n');
  });

  it('httpHeaders are canonicalised and appended; Host and User-Agent can be overridden; empty Accept is dropped', () => {
    const s = httpRequestSpec(
      { path: 'ready', port: 80, host: 'example.test', httpHeaders: [{ name: 'x-custom', value: 'a' }, { name: 'host', value: 'vhost' }, { name: 'user-agent', value: 'me' }, { name: 'accept', value: '' }] },
      web,
      '172.18.0.5',
    );
    expect(s.url).toBe('http://example.test:80/ready');
    expect(s.headers).toEqual([
      ['Host', 'vhost'],
      ['X-Custom', 'a'],
      ['User-Agent', 'me'],
    ]);
    expect(canonicalHeader('x-forwarded-FOR')).toBe('X-Forwarded-For');
  });

  it('verdicts: 200–399 success (3xx not followed: warning), else "HTTP probe failed with statuscode: N"', () => {
    expect(httpVerdict(200, Buffer.from('ok'))).toEqual({ result: 'success', output: 'ok' });
    expect(httpVerdict(399, Buffer.alloc(0)).result).toBe('warning');
    expect(httpVerdict(503, Buffer.from('down'))).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 503' });
    expect(httpVerdict(199, Buffer.alloc(0)).result).toBe('failure');
  });

  it('redirects are followed on the same host only', () => {
    const s = httpRequestSpec({ path: '/a', port: 80 }, web, '10.0.0.1');
    expect(sameHostRedirect(s, '/b?x=1')?.url).toBe('http://10.0.0.1:80/b?x=1');
    expect(sameHostRedirect(s, 'http://10.0.0.1:81/c')?.port).toBe(81);
    expect(sameHostRedirect(s, 'http://elsewhere/c')).toBeUndefined();
  });

  it('parses raw responses (what the sandbox path reads back), chunked bodies too', () => {
    const r = parseHttpResponse(Buffer.from('HTTP/1.1 301 Moved\r\nLocation: /x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'))!;
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/x');
    expect(r.body.toString()).toBe('abc');
    expect(parseHttpResponse(Buffer.from("nc: can't connect to remote host (127.0.0.1): Connection refused\n"))).toBeUndefined();
  });
});

describe('error texts as Go prints them', () => {
  it('dial errors', () => {
    expect(dialError('10.0.0.1:80', { code: 'ECONNREFUSED', message: '' })).toBe('dial tcp 10.0.0.1:80: connect: connection refused');
    expect(dialError('10.0.0.1:80', { code: 'TIMEOUT', message: '' })).toBe('dial tcp 10.0.0.1:80: i/o timeout');
    expect(ncError('10.0.0.1:80', "nc: can't connect to remote host (127.0.0.1): Connection refused\n")).toBe('dial tcp 10.0.0.1:80: connect: connection refused');
    expect(goQuote('sh -c "sleep 5"')).toBe('"sh -c \\"sleep 5\\""');
  });

  it('printf %b arguments keep every byte, quotes and backslashes included', () => {
    const bytes = Buffer.from("GET /a'b\\c HTTP/1.1\r\nX: é\r\n\r\n");
    const arg = printfBytes(bytes);
    expect(arg.startsWith("'") && arg.endsWith("'") && !arg.slice(1, -1).includes("'")).toBe(true);
    // The shell prints exactly the bytes back (a POSIX shell is required, as in the sandbox).
    const back = execFileSync('sh', ['-c', `printf '%b' ${arg}`]);
    expect(back.equals(bytes)).toBe(true);
  });
});

describe('the direct path against a local server', () => {
  let server: http.Server;
  let port = 0;
  const seen: http.IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      if (req.url === '/healthz') return res.end('ok');
      if (req.url === '/down') {
        res.statusCode = 503;
        return res.end('down');
      }
      if (req.url === '/hop') {
        res.statusCode = 302;
        res.setHeader('Location', '/healthz');
        return res.end();
      }
      if (req.url === '/away') {
        res.statusCode = 302;
        res.setHeader('Location', 'http://elsewhere.invalid/');
        return res.end('bye');
      }
      if (req.url === '/slow') return setTimeout(() => res.end('late'), 1500);
      res.statusCode = 404;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => server.close());

  const t = new DefaultProbeTransport(new FakeRuntime(), { network: 'direct' });
  const target = { pod, container: web, containerId: 'c1', podIP: '127.0.0.1' };
  const probe = (handler: object, timeoutSeconds = 1) => t.run('readiness', probeSettings('readiness', { ...handler, timeoutSeconds }), target);

  it('200 is a success; the request carries kube-probe headers', async () => {
    expect(await probe({ httpGet: { path: '/healthz', port } })).toEqual({ result: 'success', output: 'ok' });
    expect(seen.at(-1)!['user-agent']).toBe('kube-probe/1.35');
    expect(seen.at(-1)!.host).toBe(`127.0.0.1:${port}`);
    expect(seen.at(-1)!.accept).toBe('*/*');
  });

  it('503, redirects, timeouts and refused connections', async () => {
    expect(await probe({ httpGet: { path: '/down', port } })).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 503' });
    expect((await probe({ httpGet: { path: '/hop', port } })).result).toBe('success');
    expect(await probe({ httpGet: { path: '/away', port } })).toEqual({ result: 'warning', output: 'Probe terminated redirects, Response body: bye' });
    expect(await probe({ httpGet: { path: '/slow', port } })).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${port}/slow": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
    });
    const closed = await freePort();
    expect(await probe({ httpGet: { path: '/', port: closed } })).toEqual({
      result: 'failure',
      output: `Get "http://127.0.0.1:${closed}/": dial tcp 127.0.0.1:${closed}: connect: connection refused`,
    });
  });

  it('tcpSocket: connect is success; refused is the dial error', async () => {
    expect(await probe({ tcpSocket: { port } })).toEqual({ result: 'success', output: '' });
    const closed = await freePort();
    expect(await probe({ tcpSocket: { port: closed } })).toEqual({ result: 'failure', output: `dial tcp 127.0.0.1:${closed}: connect: connection refused` });
  });

  it('a port name that the container does not declare is a probe error', async () => {
    expect(await probe({ httpGet: { path: '/', port: 'metrics' } })).toEqual({ result: 'unknown', output: "couldn't find port: metrics in web" });
  });
});

describe('exec probes', () => {
  it('exit 0 succeeds, other codes fail with the output, a hang times out', async () => {
    const rt = new FakeRuntime();
    rt.addImage('busybox:latest');
    const id = await rt.createContainer({ name: 'x', image: 'busybox:latest', env: [], labels: {}, mounts: [] });
    await rt.startContainer(id);
    rt.onExec(async (req) => {
      if (req.cmd[0] === 'true') return { exitCode: 0, stdout: 'fine\n' };
      if (req.cmd[0] === 'sleep') return new Promise(() => {});
      return { exitCode: 1, stderr: "cat: can't open '/tmp/healthy': No such file or directory\n" };
    });
    const t = new DefaultProbeTransport(rt, { network: 'direct' });
    const target = { pod, container: web, containerId: id };
    const run = (command: string[]) => t.run('liveness', probeSettings('liveness', { exec: { command } }), target);
    expect(await run(['true'])).toEqual({ result: 'success', output: 'fine\n' });
    expect(await run(['cat', '/tmp/healthy'])).toEqual({ result: 'failure', output: "cat: can't open '/tmp/healthy': No such file or directory\n" });
    expect(await run(['sleep', '5'])).toEqual({ result: 'failure', output: 'command "sleep 5" timed out' });
  });
});

describe('the sandbox path', () => {
  /** An exec session that behaves like `sh` for the probe commands: answers from a script. */
  function shellRuntime(answer: (cmd: string) => { out: string; code: number }) {
    const execs: ExecOptions[] = [];
    const rt = {
      exec: async (_id: string, opts: ExecOptions): Promise<ExecSession> => {
        execs.push(opts);
        const stdin = new PassThrough();
        const stdout = new PassThrough();
        let buf = '';
        stdin.on('data', (d: Buffer) => {
          buf += d.toString();
          let m: RegExpExecArray | null;
          // One command: "{ <script>\n} 2>&1 </dev/null; printf '\n<token> %d\n' "$?"\n"
          while ((m = /^\{ ([\s\S]*?)\n\} 2>&1 <\/dev\/null; printf '\\n(\w+) %d\\n' "\$\?"\n/.exec(buf))) {
            buf = buf.slice(m[0].length);
            const r = answer(m[1]!);
            stdout.write(`${r.out}\n${m[2]} ${r.code}\n`);
          }
          buf = buf.replace(/^set -o pipefail[^\n]*\n/, '');
        });
        return { stdin, stdout, stderr: new PassThrough(), resize: async () => {}, wait: () => new Promise(() => {}), close: () => stdout.end() };
      },
    } as unknown as ContainerRuntime;
    return { rt, execs };
  }

  it('http and tcp run as commands in one long-lived shell of the infra container, dialling 127.0.0.1', async () => {
    const scripts: string[] = [];
    const { rt, execs } = shellRuntime((cmd) => {
      scripts.push(cmd);
      if (cmd.includes(' nc ') && cmd.includes('-e true')) return cmd.includes(' 81 ') ? { out: "nc: can't connect to remote host (127.0.0.1): Connection refused", code: 1 } : { out: '', code: 0 };
      if (cmd.includes('/down')) return { out: 'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n', code: 0 };
      return { out: 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', code: 0 };
    });
    const t = new DefaultProbeTransport(rt, { network: 'sandbox' });
    const target = { pod, container: web, containerId: 'app1', podIP: '172.18.0.9', infraId: 'infra1' };
    const run = (h: object) => t.run('readiness', probeSettings('readiness', h), target);
    expect(await run({ httpGet: { path: '/healthz', port: 'http' } })).toEqual({ result: 'success', output: 'ok' });
    expect(await run({ httpGet: { path: '/down', port: 80 } })).toEqual({ result: 'failure', output: 'HTTP probe failed with statuscode: 503' });
    expect(await run({ tcpSocket: { port: 80 } })).toEqual({ result: 'success', output: '' });
    expect(await run({ tcpSocket: { port: 81 } })).toEqual({ result: 'failure', output: 'dial tcp 172.18.0.9:81: connect: connection refused' });
    expect(execs).toHaveLength(1); // one session for all four probes
    expect(execs[0]).toMatchObject({ cmd: ['sh'], stdin: true });
    expect(scripts[0]).toMatch(/^printf '%b' 'GET \/healthz HTTP\/1\.1\\r\\nHost: 172\.18\.0\.9:8080\\r\\n.*' \| timeout 1 nc '127\.0\.0\.1' 8080 \| head -c \d+$/);
    expect(scripts[2]).toBe("timeout 1 nc '127.0.0.1' 80 -e true");
    expect(t.sandboxSessions()).toBe(1);
    t.forgetPod('u1');
    expect(t.sandboxSessions()).toBe(0);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}
