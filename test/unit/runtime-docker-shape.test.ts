// The Docker runtime's pure parts and its behaviour without an engine, none of which needs Docker:
// the wire details (frames, exit codes, event resumption, endpoint discovery, tar), DockerRuntime
// against a dead socket or a stand-in engine on a unix socket, and the FakeRuntime the kubelet's
// unit tests use. The tests against the real engine are in test/integration/runtime-docker.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { DockerRuntime } from '../../src/runtime/docker/docker-runtime.js';
import { exitCodeFromStatus, fromEvent, sinceAfter } from '../../src/runtime/docker/convert.js';
import { FrameDecoder, mergeFrames } from '../../src/runtime/docker/demux.js';
import { parseDockerHost, resolveDockerEndpoint } from '../../src/runtime/docker/endpoint.js';
import { tarFiles } from '../../src/runtime/docker/tar.js';
import { FakeRuntime } from '../../src/runtime/fake-runtime.js';
import { readAll, waitFor } from '../support/wait.js';
import {
  ContainerNameInUseError,
  LABELS,
  RuntimeUnavailableError,
  type RuntimeEvent,
} from '../../src/runtime/runtime.js';

const RUN = randomBytes(4).toString('hex');

describe('DockerRuntime without an engine', () => {
  it('says RuntimeUnavailableError, in one line naming the socket, for a dead unix socket', async () => {
    const sock = path.join(os.tmpdir(), `kbx-rt-${RUN}-absent.sock`);
    const dead = new DockerRuntime({ env: { DOCKER_HOST: `unix://${sock}` } });
    const err = await dead.ping().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeUnavailableError);
    expect((err as Error).message).toBe(
      `Cannot connect to the Docker daemon at unix://${sock}. Is the docker daemon running? (start it with: sudo dockerd &, or start Docker Desktop)`,
    );
    await expect(dead.listContainers({})).rejects.toBeInstanceOf(RuntimeUnavailableError);
    await expect(dead.pullImage('busybox')).rejects.toBeInstanceOf(RuntimeUnavailableError);
    await expect(dead.logs('x', {})).rejects.toBeInstanceOf(RuntimeUnavailableError);
  });

  it('says RuntimeUnavailableError for a tcp:// host nobody listens on', async () => {
    const dead = new DockerRuntime({ env: { DOCKER_HOST: 'tcp://127.0.0.1:1' } });
    await expect(dead.ping()).rejects.toThrow(/^Cannot connect to the Docker daemon at tcp:\/\/127\.0\.0\.1:1\. Is the docker daemon running\?/);
  });

  it('keeps retrying the event stream while the engine is away, and close() stops it', async () => {
    // The retry timers are faked (the socket I/O is real): each failed attempt leaves one timer, which
    // the test fires; after close() no timer is left and no attempt follows, however long one waits.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const dead = new DockerRuntime({ env: { DOCKER_HOST: `unix://${path.join(os.tmpdir(), `kbx-rt-${RUN}-absent.sock`)}` } });
      const attempts = vi.spyOn((dead as unknown as { docker: { getEvents: () => unknown } }).docker, 'getEvents');
      const sub = dead.events({}, () => undefined);
      const pendingRetry = async () => {
        const deadline = Date.now() + 5_000;
        while (vi.getTimerCount() === 0) {
          if (Date.now() > deadline) throw new Error('no retry was scheduled');
          await new Promise((r) => setImmediate(r));
        }
      };
      for (let i = 1; i <= 3; i++) {
        await pendingRetry();
        expect(attempts).toHaveBeenCalledTimes(i);
        vi.advanceTimersByTime(5_000);
      }
      await pendingRetry();
      expect(attempts).toHaveBeenCalledTimes(4);
      sub.close();
      expect(vi.getTimerCount()).toBe(0);
      vi.advanceTimersByTime(60_000);
      expect(attempts).toHaveBeenCalledTimes(4);
      dead.close();
    } finally {
      vi.useRealTimers();
    }
  });

  /** A stand-in engine on a unix socket, answering with `handler`. */
  async function standIn(handler: http.RequestListener, body: (env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-rt-'));
    const sock = path.join(dir, 'docker.sock');
    const sockets = new Set<Socket>();
    const server = http.createServer(handler);
    server.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(sock, r));
    try {
      await body({ DOCKER_HOST: `unix://${sock}` });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('cancels a pull the registry never answers, with the kubelet’s words', async () => {
    const handler: http.RequestListener = (req, res) => {
      if (req.url?.endsWith('/_ping')) res.end('OK');
      // anything else (the pull): never answered
    };
    await standIn(handler, async (env) => {
      const slow = new DockerRuntime({ env, pullStartTimeoutMs: 300 });
      await slow.ping();
      const t = Date.now();
      await expect(slow.pullImage('busybox:1.36')).rejects.toThrow('Cancel pulling image "busybox:1.36" because of no progress for 0.3s, latest progress: ""');
      expect(Date.now() - t).toBeLessThan(3_000);
      slow.close();
    });
  });

  it('reconnects a dropped event stream and resumes right after the last event seen', async () => {
    const urls: string[] = [];
    const line = (id: string, nano: string) =>
      `{"Type":"container","Action":"die","Actor":{"ID":"${id}","Attributes":{"exitCode":"1","io.kbx.cluster":"c"}},"time":1700000000,"timeNano":${nano}}\n`;
    const handler: http.RequestListener = (req, res) => {
      urls.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      if (urls.length === 1) res.end(line('first', '1700000000123456789')); // then the stream drops
      else res.write(line('second', '1700000000200000000')); // and stays open
    };
    await standIn(handler, async (env) => {
      const r = new DockerRuntime({ env });
      const seen: RuntimeEvent[] = [];
      const sub = r.events({ [LABELS.cluster]: 'c' }, (e) => seen.push(e));
      try {
        await waitFor('both events', async () => seen.length >= 2, 5_000);
      } finally {
        sub.close();
        r.close();
      }
      expect(seen.map((e) => [e.id, e.exitCode])).toEqual([['first', 1], ['second', 1]]);
      const q = new URL(urls[1]!, 'http://x').searchParams;
      expect(q.get('since')).toBe('1700000000.123456790');
      expect(JSON.parse(q.get('filters')!)).toEqual({ type: ['container'], label: ['io.kbx.cluster=c'], event: ['start', 'die', 'destroy', 'oom', 'kill'] });
      expect(new URL(urls[0]!, 'http://x').searchParams.get('since')).toBeNull();
    });
  });
});

// The same lifecycle checks against the fake, so kubelet unit tests rely on behaviour the real engine has.

describe('FakeRuntime (for kubelet unit tests)', () => {
  it('records calls, answers execs, follows logs until exit, and delivers events asynchronously', async () => {
    const f = new FakeRuntime();
    f.addImage('busybox');
    const events: RuntimeEvent[] = [];
    f.events({ [LABELS.cluster]: 'c' }, (e) => events.push(e));
    const id = await f.createContainer({ name: 'a', image: 'busybox:latest', env: [], mounts: [], labels: { [LABELS.cluster]: 'c' } });
    await f.startContainer(id);
    await Promise.resolve(); // events come on a microtask (not a timer, so fake timers do not hold them back)
    expect(events.map((e) => e.action)).toEqual(['start']);

    f.onExec(async (req) => ({ stdout: (await req.input()).toUpperCase(), exitCode: req.cmd[0] === 'fail' ? 2 : 0 }));
    const s = await f.exec(id, { cmd: ['cat'], stdin: true });
    s.stdin!.end('hi');
    expect(await readAll(s.stdout)).toBe('HI');
    expect(await s.wait()).toBe(0);

    f.writeLog(id, 'one');
    const follow = await f.logs(id, { follow: true });
    const text = readAll(follow);
    f.writeLog(id, 'two', 'stderr');
    f.exit(id, 1, { oomKilled: true });
    expect(await text).toBe('one\ntwo\n');
    expect(await readAll(await f.logs(id, { tail: 1 }))).toBe('two\n');
    expect((await f.inspectContainer(id))!).toMatchObject({ state: 'exited', exitCode: 1, oomKilled: true });
    expect((await f.listContainers({}))[0]!.oomKilled).toBe(false); // as Docker's list: inspect to know
    await Promise.resolve();
    expect(events.map((e) => [e.action, e.exitCode])).toEqual([['start', undefined], ['oom', undefined], ['die', 1]]);
    expect(f.callsTo('exec')).toEqual([[id, { cmd: ['cat'], stdin: true }]]);
  });

  it('fails like Docker: unknown image, taken name, engine away, injected errors', async () => {
    const f = new FakeRuntime();
    const base = { image: 'busybox', env: [], mounts: [], labels: {} };
    await expect(f.createContainer({ ...base, name: 'x' })).rejects.toThrow('No such image: busybox');
    f.addImage('busybox');
    await f.createContainer({ ...base, name: 'x' });
    await expect(f.createContainer({ ...base, name: 'x' })).rejects.toBeInstanceOf(ContainerNameInUseError);
    f.failPull('nope:1');
    await expect(f.pullImage('nope:1')).rejects.toThrow(/pull access denied for nope, repository does not exist/);
    f.failNext('startContainer', new Error('boom'));
    await expect(f.startContainer('x')).rejects.toThrow('boom');
    await f.startContainer('x');
    f.available = false;
    await expect(f.ping()).rejects.toBeInstanceOf(RuntimeUnavailableError);
  });
});

describe('Docker wire details (no engine needed)', () => {
  it('reassembles frames split across chunks', () => {
    const frame = (stream: number, text: string) => {
      const payload = Buffer.from(text);
      const h = Buffer.alloc(8);
      h[0] = stream;
      h.writeUInt32BE(payload.length, 4);
      return Buffer.concat([h, payload]);
    };
    const all = Buffer.concat([frame(1, 'out\n'), frame(2, 'err\n'), frame(1, '')]);
    const d = new FrameDecoder();
    const got = [...d.push(all.subarray(0, 5)), ...d.push(all.subarray(5, 13)), ...d.push(all.subarray(13))];
    expect(got.map((f) => [f.stream, f.payload.toString()])).toEqual([[1, 'out\n'], [2, 'err\n'], [1, '']]);
    expect(d.pending).toBe(0);
  });

  it('merges a framed stream, ending when the source ends', async () => {
    const h = Buffer.from([2, 0, 0, 0, 0, 0, 0, 3]);
    const merged = mergeFrames(Readable.from([Buffer.concat([h, Buffer.from('hi\n')])]));
    expect(await readAll(merged)).toBe('hi\n');
  });

  it('reads the exit code from a list Status', () => {
    expect(exitCodeFromStatus('Exited (137) 5 seconds ago')).toBe(137);
    expect(exitCodeFromStatus('Restarting (1) 2 seconds ago')).toBe(1);
    expect(exitCodeFromStatus('Up 3 minutes')).toBe(0);
  });

  it('resumes events just after the last one, at nanosecond precision beyond 2^53', () => {
    expect(sinceAfter(1700000000123456789n)).toBe('1700000000.123456790');
    expect(sinceAfter(1699999999999999999n)).toBe('1700000000.000000000');
  });

  it('separates labels from Docker’s own event attributes', () => {
    const e = fromEvent({ Type: 'container', Action: 'die', Actor: { ID: 'abc', Attributes: { name: 'n', image: 'i', exitCode: '2', 'io.kbx.pod': 'p' } }, timeNano: 1.7e18 });
    expect(e).toEqual({ id: 'abc', action: 'die', labels: { 'io.kbx.pod': 'p' }, exitCode: 2, name: 'n', time: 1.7e12 });
    expect(fromEvent({ Type: 'network', Action: 'connect', Actor: { ID: 'x' } })).toBeUndefined();
  });

  it('finds the engine the way the docker CLI does', () => {
    expect(parseDockerHost('unix:///run/user/1000/docker.sock')).toMatchObject({ socketPath: '/run/user/1000/docker.sock', url: 'unix:///run/user/1000/docker.sock' });
    expect(parseDockerHost('tcp://10.1.2.3')).toMatchObject({ host: '10.1.2.3', port: 2375, protocol: 'http', url: 'tcp://10.1.2.3:2375' });
    expect(parseDockerHost('10.1.2.3:4243')).toMatchObject({ host: '10.1.2.3', port: 4243, protocol: 'http' });
    expect(parseDockerHost('tcp://h', { verify: true })).toMatchObject({ port: 2376, protocol: 'https' });
    expect(parseDockerHost('ssh://me@box')).toMatchObject({ protocol: 'ssh', host: 'box', username: 'me' });
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-rt-home-'));
    try {
      expect(resolveDockerEndpoint({ HOME: home }).url).toBe('unix:///var/run/docker.sock');
      // A docker context, as Docker Desktop sets one up.
      const cfg = path.join(home, '.docker');
      const dir = path.join(cfg, 'contexts', 'meta', createHash('sha256').update('desktop-linux').digest('hex'));
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(cfg, 'config.json'), JSON.stringify({ currentContext: 'desktop-linux' }));
      fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ Name: 'desktop-linux', Endpoints: { docker: { Host: `unix://${home}/.docker/run/docker.sock` } } }));
      expect(resolveDockerEndpoint({ HOME: home }).url).toBe(`unix://${home}/.docker/run/docker.sock`);
      expect(resolveDockerEndpoint({ HOME: home, DOCKER_HOST: 'tcp://x:1' }).url).toBe('tcp://x:1'); // DOCKER_HOST wins
      expect(resolveDockerEndpoint({ HOME: home, DOCKER_CONTEXT: 'default' }).url).toBe('unix:///var/run/docker.sock');
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });

  it('writes a tar Docker accepts: checksums, modes, long paths', () => {
    const tar = tarFiles({ 'a.sh*': 'x', ['d/'.repeat(60) + 'f']: 'y' });
    const sum = (h: Buffer) => h.reduce((s, b, i) => s + (i >= 148 && i < 156 ? 32 : b), 0);
    expect(parseInt(tar.subarray(148, 154).toString(), 8)).toBe(sum(tar.subarray(0, 512)));
    expect(tar.subarray(100, 107).toString()).toBe('0000755');
    expect(tar.length % 512).toBe(0);
    expect(() => tarFiles({ ['x'.repeat(101)]: '' })).toThrow(/too long/);
  });
});
