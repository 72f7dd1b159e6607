// DockerRuntime against the real engine. Everything made here carries this run's own cluster label and is removed
// by that label afterwards. Waits poll with deadlines; nothing sleeps a fixed time.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerRuntime } from '../../src/runtime/docker/docker-runtime.js';
import { FakeRuntime } from '../../src/runtime/fake-runtime.js';
import { readAll, waitFor } from '../support/wait.js';
import {
  ContainerNameInUseError,
  ContainerNotFoundError,
  ImagePullError,
  LABELS,
  type ContainerRuntime,
  type ContainerSpec,
  type RuntimeEvent,
} from '../../src/runtime/runtime.js';

const RUN = randomBytes(4).toString('hex');
const CLUSTER = `rt-test-${RUN}`;
const BASE_LABELS = { [LABELS.managed]: 'true', [LABELS.cluster]: CLUSTER };
const IMAGE = 'busybox:latest';
const BUILD_TAG = 'kbx-test/runtime-build:test';

const rt = new DockerRuntime();

function spec(name: string, over: Partial<ContainerSpec> = {}): ContainerSpec {
  const { labels, ...rest } = over;
  return {
    name: `kbx-rt-${RUN}-${name}`,
    image: IMAGE,
    env: [],
    mounts: [],
    ...rest,
    labels: { ...BASE_LABELS, [LABELS.container]: name, [LABELS.role]: 'app', ...labels },
  };
}

async function run(name: string, over: Partial<ContainerSpec> = {}): Promise<string> {
  const id = await rt.createContainer(spec(name, over));
  await rt.startContainer(id);
  return id;
}

async function waitExited(id: string, deadlineMs = 15_000) {
  return waitFor(`container ${id.slice(0, 12)} to exit`, async () => {
    const c = await rt.inspectContainer(id);
    return c && c.state === 'exited' ? c : undefined;
  }, deadlineMs);
}

async function execText(id: string, cmd: string[], opts: { env?: string[]; workingDir?: string } = {}) {
  const s = await rt.exec(id, { cmd, ...opts });
  const [stdout, stderr] = await Promise.all([readAll(s.stdout), readAll(s.stderr)]);
  return { stdout, stderr, code: await s.wait() };
}

/** The docker CLI, only to tidy up what the port has no verb for (an image). Failures are ignored. */
function dockerCli(args: string[]): Promise<void> {
  return new Promise((resolve) => execFile('docker', args, () => resolve()));
}

beforeAll(async () => {
  await rt.ping();
  if (!(await rt.imagePresent(IMAGE))) throw new Error(`${IMAGE} is missing: run scripts/setup.sh first`);
});

afterAll(async () => {
  const list = await rt.listContainers({ [LABELS.cluster]: CLUSTER });
  // Containers that joined another's network namespace first, then the rest.
  for (const c of list.sort((a, b) => Number(a.labels[LABELS.role] === 'infra') - Number(b.labels[LABELS.role] === 'infra'))) {
    await rt.removeContainer(c.id, { force: true, removeVolumes: true });
  }
  for (const v of await rt.listVolumes({ [LABELS.cluster]: CLUSTER })) await rt.removeVolume(v.name);
  for (const n of await rt.listNetworks({ [LABELS.cluster]: CLUSTER })) await rt.removeNetwork(n.name);
  await dockerCli(['image', 'rm', '-f', BUILD_TAG]);
  expect(await rt.listContainers({ [LABELS.cluster]: CLUSTER })).toEqual([]);
  rt.close();
});

describe('DockerRuntime (real Docker)', () => {
  it('pings and describes the engine', async () => {
    const info = await rt.info();
    expect(info.serverVersion).toMatch(/^\d+\.\d+/);
    expect(Number(info.apiVersion)).toBeGreaterThanOrEqual(1.41);
    expect(info.ncpu).toBeGreaterThan(0);
    expect(info.memTotal).toBeGreaterThan(0);
  });

  it('creates, finds and removes a labelled network, idempotently', async () => {
    const name = `kbx-rt-${RUN}-net`;
    const a = await rt.ensureNetwork(name, BASE_LABELS);
    const b = await rt.ensureNetwork(name, BASE_LABELS);
    expect(b.id).toBe(a.id);
    expect(a.subnet).toMatch(/\/\d+$/);
    expect(a.gateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect((await rt.listNetworks({ [LABELS.cluster]: CLUSTER })).map((n) => n.name)).toContain(name);
    await rt.removeNetwork(name);
    await rt.removeNetwork(name); // already gone: no error
    expect((await rt.listNetworks({ [LABELS.cluster]: CLUSTER })).map((n) => n.name)).not.toContain(name);
  });

  it('runs a pod: an app container in the infra container’s network namespace serves on its localhost', async () => {
    const netName = `kbx-rt-${RUN}-pod`;
    await rt.ensureNetwork(netName, BASE_LABELS);
    const pod = { [LABELS.pod]: 'web', [LABELS.podUid]: `uid-${RUN}` };
    const infra = await run('POD', {
      cmd: ['sleep', '3600'],
      hostname: 'web',
      network: { mode: 'network', name: netName, aliases: ['web-alias'] },
      labels: { ...pod, [LABELS.container]: 'POD', [LABELS.role]: 'infra' },
    });
    const app = await run('httpd', {
      entrypoint: ['sh', '-c'],
      cmd: ['mkdir -p /w && echo "hello from $(hostname)" > /w/index.html && exec httpd -f -p 8080 -h /w'],
      hostname: 'ignored-when-joined', // inherited from the infra container; Docker would reject setting it
      dns: ['10.0.0.1'],
      network: { mode: 'container', id: infra },
      labels: { ...pod, [LABELS.container]: 'httpd' },
    });
    const page = await waitFor('httpd to answer on the pod’s localhost', async () => {
      const r = await execText(infra, ['wget', '-q', '-O', '-', 'http://127.0.0.1:8080/']);
      return r.code === 0 ? r.stdout : undefined;
    });
    expect(page).toBe('hello from web\n');

    const listed = await rt.listContainers({ [LABELS.cluster]: CLUSTER, [LABELS.podUid]: `uid-${RUN}` });
    expect(listed.map((c) => c.labels[LABELS.container]).sort()).toEqual(['POD', 'httpd']);
    const infraListed = listed.find((c) => c.id === infra)!;
    expect(infraListed.state).toBe('running');
    expect(infraListed.name).toBe(`kbx-rt-${RUN}-POD`);
    expect(infraListed.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const appInspected = (await rt.inspectContainer(app))!;
    expect(appInspected.ipAddress).toBeUndefined(); // it has no network of its own
    expect(appInspected.pid).toBeGreaterThan(0);
    expect(Date.parse(appInspected.startedAt!)).toBeGreaterThan(0);
    expect(appInspected.finishedAt).toBeUndefined();
  });

  it('applies env, entrypoint, cmd, working directory, hostname and resource limits', async () => {
    const id = await run('config', {
      entrypoint: ['sh', '-c'],
      cmd: [
        'echo "FOO=$FOO"; pwd; hostname; ' +
          'cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes; ' +
          'cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us 2>/dev/null | head -1',
      ],
      env: ['FOO=bar baz'],
      workingDir: '/tmp',
      hostname: 'configured',
      memoryBytes: 64 * 1024 * 1024,
      nanoCpus: 500_000_000,
    });
    const done = await waitExited(id);
    expect(done.exitCode).toBe(0);
    // Both set; Docker stamps StartedAt after runc's start returns and FinishedAt from the exit event, so a container
    // that exits at once can finish a few ms "before" it started on a busy engine (seen: 32 ms).
    expect(Date.parse(done.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt!) - 1000);
    const lines = (await readAll(await rt.logs(id, {}))).trim().split('\n');
    expect(lines.slice(0, 3)).toEqual(['FOO=bar baz', '/tmp', 'configured']);
    expect(lines[3]).toBe(String(64 * 1024 * 1024));
    expect(lines[4]).toMatch(/^50000( 100000)?$/); // half a CPU: 50ms of every 100ms
  });

  it('reports a never-started container without start time, and an unstartable one with its error', async () => {
    const idle = await rt.createContainer(spec('idle', { cmd: ['true'] }));
    const c = (await rt.inspectContainer(idle))!;
    expect(c.state).toBe('created');
    expect(c.startedAt).toBeUndefined();
    expect(c.finishedAt).toBeUndefined();

    const broken = await rt.createContainer(spec('broken', { entrypoint: ['/no/such/binary'] }));
    await expect(rt.startContainer(broken)).rejects.toThrow(/no such file or directory|not found/);
    const b = (await rt.inspectContainer(broken))!;
    expect(b.state).toBe('created'); // Docker 20.10 leaves it created, with the reason in State.Error
    expect(b.error).toMatch(/no such file or directory|not found/);
    expect(b.exitCode).toBe(127);
  });

  it('shares a labelled volume between two containers, read-only where asked', async () => {
    const vol = `kbx-rt-${RUN}-data`;
    await rt.createVolume(vol, BASE_LABELS);
    await rt.createVolume(vol, BASE_LABELS); // exists: no error
    expect((await rt.listVolumes({ [LABELS.cluster]: CLUSTER })).map((v) => v.name)).toContain(vol);
    const writer = await run('writer', { cmd: ['sh', '-c', 'echo shared > /data/f'], mounts: [{ type: 'volume', source: vol, target: '/data' }] });
    expect((await waitExited(writer)).exitCode).toBe(0);
    const reader = await run('reader', {
      cmd: ['sh', '-c', 'cat /data/f; (echo x > /data/g) 2>/dev/null || echo read-only'],
      mounts: [{ type: 'volume', source: vol, target: '/data', readOnly: true }],
    });
    expect((await waitExited(reader)).exitCode).toBe(0);
    expect(await readAll(await rt.logs(reader, {}))).toBe('shared\nread-only\n');
    await rt.removeContainer(writer);
    await rt.removeContainer(reader);
    await rt.removeVolume(vol);
    await rt.removeVolume(vol); // gone: no error
    expect((await rt.listVolumes({ [LABELS.cluster]: CLUSTER })).map((v) => v.name)).not.toContain(vol);
  });

  describe('logs', () => {
    let id: string;
    beforeAll(async () => {
      // Pauses between lines: the engine reads stdout and stderr separately, so only writes apart in time have an order.
      id = await run('logs', { cmd: ['sh', '-c', 'echo out1; sleep 0.1; echo err1 >&2; sleep 0.1; echo out2; sleep 0.1; echo \'{"json":true}\''] });
      await waitExited(id);
    });

    it('merges stdout and stderr in order', async () => {
      expect(await readAll(await rt.logs(id, {}))).toBe('out1\nerr1\nout2\n{"json":true}\n');
    });

    it('honours tail and timestamps', async () => {
      expect(await readAll(await rt.logs(id, { tail: 2 }))).toBe('out2\n{"json":true}\n');
      expect(await readAll(await rt.logs(id, { tail: 0 }))).toBe('');
      const stamped = (await readAll(await rt.logs(id, { timestamps: true, tail: 2 }))).trim().split('\n');
      expect(stamped).toHaveLength(2);
      for (const line of stamped) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z (out2|\{"json":true\})$/);
      expect(await readAll(await rt.logs(id, { sinceTime: new Date(Date.now() + 60_000).toISOString() }))).toBe('');
    });

    it('follows until the container exits', async () => {
      const f = await run('follow', { cmd: ['sh', '-c', 'for i in 1 2 3 4 5; do echo line$i; sleep 0.2; done; echo bye >&2'] });
      const started = Date.now();
      const text = await readAll(await rt.logs(f, { follow: true }));
      expect(text).toBe('line1\nline2\nline3\nline4\nline5\nbye\n');
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('stops following when the reader destroys the stream', async () => {
      const f = await run('follow-cancel', { cmd: ['sh', '-c', 'while true; do echo tick; sleep 0.1; done'] });
      const s = await rt.logs(f, { follow: true });
      await new Promise<void>((resolve) => s.once('data', () => resolve()));
      const closed = new Promise<void>((resolve) => s.once('close', () => resolve()));
      (s as PassThrough).destroy();
      await closed; // the follow ends: the stream closes although the container still writes
      expect((s as PassThrough).destroyed).toBe(true);
      expect((await rt.inspectContainer(f))?.state).toBe('running');
      await rt.stopContainer(f, 0);
    });

    it('passes a TTY container’s log through unframed (even when it looks like JSON)', async () => {
      const t = await run('tty-log', { tty: true, cmd: ['sh', '-c', 'echo 123'] });
      await waitExited(t);
      expect(await readAll(await rt.logs(t, {}))).toBe('123\r\n');
    });

    it('says ContainerNotFoundError for a container that does not exist', async () => {
      await expect(rt.logs(`kbx-rt-${RUN}-nope`, {})).rejects.toBeInstanceOf(ContainerNotFoundError);
    });
  });

  describe('exec', () => {
    let id: string;
    beforeAll(async () => {
      id = await run('exec', { cmd: ['sleep', '3600'] });
    });

    it('passes the exit code through and keeps stdout and stderr apart', async () => {
      expect(await execText(id, ['sh', '-c', 'echo hi; echo oops >&2; exit 3'])).toEqual({ stdout: 'hi\n', stderr: 'oops\n', code: 3 });
      expect((await execText(id, ['true'])).code).toBe(0);
    });

    it('applies env and working directory', async () => {
      expect((await execText(id, ['sh', '-c', 'echo $X; pwd'], { env: ['X=42'], workingDir: '/etc' })).stdout).toBe('42\n/etc\n');
    });

    it('pipes stdin, and ending stdin is EOF for the process', async () => {
      const s = await rt.exec(id, { cmd: ['cat'], stdin: true });
      const out = readAll(s.stdout);
      s.stdin!.write('hello\n');
      s.stdin!.end('world\n');
      expect(await out).toBe('hello\nworld\n');
      expect(await s.wait()).toBe(0);
    });

    it('runs on a terminal with tty', async () => {
      const s = await rt.exec(id, { cmd: ['sh', '-c', 'tty; echo err >&2; exit 5'], tty: true });
      await s.resize(100, 30);
      const [out, err] = await Promise.all([readAll(s.stdout), readAll(s.stderr)]);
      expect(out).toMatch(/^\/dev\/pts\/\d+\r\nerr\r\n$/);
      expect(err).toBe('');
      expect(await s.wait()).toBe(5);
    });

    it('fails for a stopped or missing container', async () => {
      const stopped = await run('exec-stopped', { cmd: ['true'] });
      await waitExited(stopped);
      await expect(rt.exec(stopped, { cmd: ['true'] })).rejects.toThrow(/is not running/);
      await expect(rt.exec(`kbx-rt-${RUN}-nope`, { cmd: ['true'] })).rejects.toBeInstanceOf(ContainerNotFoundError);
    });
  });

  describe('stop, kill and remove', () => {
    // A signal that arrives before the shell has run `trap` would be ignored (PID 1 has no default actions), so the
    // scripts touch /tmp/ready once their traps are set.
    const trapsSet = (id: string) => waitFor('the shell to set its traps', async () => (await execText(id, ['test', '-f', '/tmp/ready'])).code === 0);

    it('stops a container that handles SIGTERM at once, and SIGKILLs one that ignores it after the grace', async () => {
      const polite = await run('polite', { cmd: ['sh', '-c', 'trap "exit 143" TERM; touch /tmp/ready; while true; do sleep 0.1; done'] });
      const stubborn = await run('stubborn', { cmd: ['sh', '-c', 'trap "" TERM; touch /tmp/ready; while true; do sleep 0.1; done'] });
      await trapsSet(polite);
      await trapsSet(stubborn);

      let t = Date.now();
      await rt.stopContainer(polite, 10);
      const politeTook = Date.now() - t;
      t = Date.now();
      await rt.stopContainer(stubborn, 1);
      const stubbornTook = Date.now() - t;

      expect((await rt.inspectContainer(polite))!.exitCode).toBe(143);
      expect(politeTook).toBeLessThan(5_000);
      expect((await rt.inspectContainer(stubborn))!.exitCode).toBe(137);
      expect(stubbornTook).toBeGreaterThanOrEqual(900);
      await rt.stopContainer(polite, 10); // already stopped: no error
    });

    it('uses the container’s stop signal', async () => {
      const id = await run('usr1', { stopSignal: 'SIGUSR1', cmd: ['sh', '-c', 'trap "exit 10" USR1; touch /tmp/ready; while true; do sleep 0.1; done'] });
      await trapsSet(id);
      await rt.stopContainer(id, 10);
      expect((await rt.inspectContainer(id))!.exitCode).toBe(10);
    });

    it('kills, and lists the exit code without inspecting', async () => {
      const id = await run('killme', { cmd: ['sleep', '3600'] });
      await rt.killContainer(id, 'SIGKILL');
      await waitExited(id);
      const listed = (await rt.listContainers({ [LABELS.cluster]: CLUSTER, [LABELS.container]: 'killme' }))[0]!;
      expect(listed.state).toBe('exited');
      expect(listed.exitCode).toBe(137);
      await rt.killContainer(id, 'SIGKILL'); // not running: no error
    });

    it('refuses a taken name, and tolerates what is already gone', async () => {
      const id = await rt.createContainer(spec('dup', { cmd: ['true'] }));
      await expect(rt.createContainer(spec('dup', { cmd: ['true'] }))).rejects.toBeInstanceOf(ContainerNameInUseError);
      await rt.removeContainer(id);
      await rt.removeContainer(id);
      await rt.stopContainer(id, 1);
      await rt.killContainer(id, 'SIGTERM');
      expect(await rt.inspectContainer(id)).toBeNull();
      await expect(rt.startContainer(id)).rejects.toBeInstanceOf(ContainerNotFoundError);
    });

    it('reports an OOM kill', async () => {
      // `tail` of a file without newlines buffers it all: past 16Mi the kernel's OOM killer ends it.
      const id = await run('oom', { memoryBytes: 16 * 1024 * 1024, cmd: ['sh', '-c', 'tail /dev/zero'] });
      const c = await waitExited(id, 30_000);
      expect(c.oomKilled).toBe(true);
      expect(c.exitCode).toBe(137);
    });
  });

  it('streams start and die events (with the exit code) for labelled containers only', async () => {
    const mark = { 'io.kbx.test-events': RUN };
    const seen: RuntimeEvent[] = [];
    const sub = rt.events({ [LABELS.cluster]: CLUSTER, ...mark }, (e) => seen.push(e));
    try {
      // The subscription is ready once an event of a probe container arrives.
      await waitFor('the event stream', async () => {
        const probe = await run(`probe-${Date.now()}`, { cmd: ['true'], labels: mark });
        await rt.removeContainer(probe, { force: true });
        return seen.some((e) => e.id === probe);
      });
      await run('unlabelled-for-events', { cmd: ['sh', '-c', 'exit 1'] });
      const id = await run('events', { cmd: ['sh', '-c', 'exit 7'], labels: mark });
      const die = await waitFor('the die event', async () => seen.find((e) => e.id === id && e.action === 'die'));
      expect(die.exitCode).toBe(7);
      expect(die.labels[LABELS.container]).toBe('events');
      expect(die.labels[LABELS.cluster]).toBe(CLUSTER);
      expect(die.labels.name).toBeUndefined(); // Docker's own attributes are not passed off as labels
      expect(die.name).toBe(`kbx-rt-${RUN}-events`);
      expect(seen.some((e) => e.id === id && e.action === 'start')).toBe(true);
      expect(seen.every((e) => e.labels['io.kbx.test-events'] === RUN)).toBe(true);
      await rt.removeContainer(id);
      await waitFor('the destroy event', async () => seen.some((e) => e.id === id && e.action === 'destroy'));
    } finally {
      sub.close();
    }
  });

  it('builds a small image from in-memory files', async () => {
    await rt.buildImage(BUILD_TAG, {
      Dockerfile: `FROM ${IMAGE}\nCOPY hello.sh /hello.sh\nCOPY conf/ /conf/\nCMD ["/hello.sh"]\n`,
      'hello.sh*': '#!/bin/sh\necho "built $(cat /conf/name)"\n',
      'conf/name': 'by kbx',
    });
    expect(await rt.imagePresent(BUILD_TAG)).not.toBeNull();
    const id = await run('built', { image: BUILD_TAG });
    await waitExited(id);
    expect(await readAll(await rt.logs(id, {}))).toBe('built by kbx\n');
    await expect(rt.buildImage(BUILD_TAG, { Dockerfile: `FROM ${IMAGE}\nRUN exit 3\n` })).rejects.toThrow(/returned a non-zero code: 3/);
  });

  it('knows which images are present', async () => {
    expect((await rt.imagePresent('busybox'))?.id).toMatch(/^sha256:/);
    expect(await rt.imagePresent(`kbx-nonexistent-${RUN}/nope:1`)).toBeNull();
  });

  it('fails a pull of an image no registry has quickly, with Docker’s words', async () => {
    const fast = new DockerRuntime({ pullStartTimeoutMs: 10_000 });
    const t = Date.now();
    const err = await fast.pullImage(`kbx-nonexistent-${RUN}/nope:1`).then(
      () => undefined,
      (e: unknown) => e,
    );
    const took = Date.now() - t;
    console.log(`failing pull took ${took} ms: ${(err as Error).message}`);
    expect(err).toBeInstanceOf(ImagePullError);
    // Offline: "Get https://registry-1.docker.io/v2/: dial tcp: lookup …"; online: "pull access denied for …".
    expect((err as Error).message).toMatch(/registry-1\.docker\.io|pull access denied|repository does not exist|no progress/);
    expect(took).toBeLessThan(12_000);
    fast.close();
  });
});

describe.each([
  ['DockerRuntime', () => rt as ContainerRuntime, async (id: string) => void (await rt.killContainer(id, 'SIGKILL'))],
  [
    'FakeRuntime',
    () => {
      const f = new FakeRuntime();
      f.addImage(IMAGE);
      return f as ContainerRuntime;
    },
    undefined,
  ],
] as const)('the port contract: %s', (_name, make, crash) => {
  it('create → start → running → exited, found by label, removed', async () => {
    const r = make();
    const labels = { ...BASE_LABELS, [LABELS.container]: 'contract', 'io.kbx.contract': _name };
    const id = await r.createContainer({ ...spec(`contract-${_name}`), labels, cmd: ['sleep', '3600'] });
    expect((await r.inspectContainer(id))!.state).toBe('created');
    await r.startContainer(id);
    await r.startContainer(id); // already running: no error
    const [listed] = await r.listContainers({ 'io.kbx.contract': _name, [LABELS.cluster]: CLUSTER });
    expect(listed).toMatchObject({ id, state: 'running', labels });
    expect(listed!.startedAt).toBeUndefined(); // the list does not say; inspect does
    expect((await r.inspectContainer(id))!.startedAt).toBeDefined();
    if (crash) await crash(id);
    else (r as FakeRuntime).exit(id, 137);
    const exited = await waitFor('exit', async () => {
      const c = await r.inspectContainer(id);
      return c?.state === 'exited' ? c : undefined;
    });
    expect(exited.exitCode).toBe(137);
    await expect(r.removeContainer(`${id}`)).resolves.toBeUndefined();
    expect(await r.inspectContainer(id)).toBeNull();
    expect(await r.listContainers({ 'io.kbx.contract': _name, [LABELS.cluster]: CLUSTER })).toEqual([]);
  });
});
