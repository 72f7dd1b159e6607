// An in-memory ContainerRuntime for unit tests of the kubelet: records every call, runs nothing. Containers go
// created → running on start and stay there until a test says otherwise (exit, stop, kill). It copies the real
// engine's rules that callers depend on: names are unique, images must be present to create, a listed container
// carries only what Docker's list carries (no oomKilled, error, start/finish times or pid: inspect for those), and
// events arrive asynchronously.
import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  type VolumeOptions,
  ContainerNameInUseError,
  ContainerNotFoundError,
  ImagePullError,
  RuntimeUnavailableError,
  type ContainerRuntime,
  type ContainerSpec,
  type ContainerStats,
  type EngineInfo,
  type ExecOptions,
  type ExecSession,
  type LogStreamOptions,
  type NetworkInfo,
  type PullProgress,
  type RemoveOptions,
  type RuntimeContainer,
  type RuntimeEvent,
} from './runtime.js';

export interface RecordedCall {
  method: keyof ContainerRuntime;
  args: unknown[];
}

/** What a test's exec handler sees and returns. */
export interface FakeExecRequest extends ExecOptions {
  container: RuntimeContainer;
  /** Everything written to stdin, once it is ended (empty at once without stdin). */
  input(): Promise<string>;
}

export interface FakeExecResult {
  stdout?: string;
  stderr?: string;
  exitCode?: number;
}

export interface FakeContainer extends RuntimeContainer {
  spec: ContainerSpec;
  log: { time: number; stream: 'stdout' | 'stderr'; text: string }[];
}

interface Follower {
  out: PassThrough;
  timestamps: boolean;
}

const UNAVAILABLE = 'Cannot connect to the Docker daemon at unix:///fake/docker.sock. Is the docker daemon running? (start it with: sudo dockerd &, or start Docker Desktop)';

/** `busybox` and `docker.io/library/busybox:latest` are one image, as for Docker. */
export function normalizeImageRef(ref: string): string {
  let r = ref.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
  const last = r.split('/').pop()!;
  if (!r.includes('@') && !last.includes(':')) r += ':latest';
  return r;
}

function hexId(kind: string, n: number): string {
  return createHash('sha256').update(`${kind}-${n}`).digest('hex');
}

function signalExitCode(signal: string): number | undefined {
  const s = signal.toUpperCase().replace(/^SIG/, '');
  if (s === 'KILL' || s === '9') return 137;
  if (s === 'TERM' || s === '15') return 143;
  if (s === 'INT' || s === '2') return 130;
  return undefined; // a signal the process is taken to handle without exiting
}

export class FakeRuntime implements ContainerRuntime {
  readonly calls: RecordedCall[] = [];
  /** false: every call rejects with RuntimeUnavailableError, as with Docker stopped. */
  available = true;
  readonly containers = new Map<string, FakeContainer>();
  readonly networks = new Map<string, { id: string; labels: Record<string, string>; subnet: string; gateway: string }>();
  readonly volumes = new Map<string, Record<string, string>>();
  readonly images = new Map<string, { id: string; size: number }>();
  /** Files given to buildImage, by tag. */
  readonly builds = new Map<string, Record<string, Buffer | string>>();
  private readonly pullFailures = new Map<string, string>();
  private readonly startFailures = new Map<string, string>();
  private readonly injected = new Map<keyof ContainerRuntime, Error[]>();
  private readonly subscribers = new Set<{ labels: Record<string, string>; onEvent: (e: RuntimeEvent) => void }>();
  private readonly followers = new Map<string, Set<Follower>>();
  private execHandler: (req: FakeExecRequest) => FakeExecResult | Promise<FakeExecResult> = () => ({ exitCode: 0 });
  private seq = 0;
  private readonly usage = new Map<string, { cpuUsageNanoSeconds: number; memoryWorkingSetBytes: number }>();

  constructor(private readonly clock: { now(): number } = { now: () => Date.now() }) {}

  // ------------------------------------------------------------------------------------------------ test helpers

  /** Makes `ref` present locally. */
  addImage(ref: string, size = 4_000_000): void {
    this.images.set(normalizeImageRef(ref), { id: `sha256:${hexId('image', ++this.seq)}`, size });
  }

  /** Pulls of `ref` reject with ImagePullError(message). */
  failPull(ref: string, message = `pull access denied for ${ref.replace(/:[^/:]*$/, '')}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`): void {
    this.pullFailures.set(normalizeImageRef(ref), message);
  }

  /** Starting a container of this name fails, as Docker fails on a missing executable (state stays created). */
  failStart(name: string, message = 'OCI runtime create failed: exec: "nope": executable file not found in $PATH: unknown'): void {
    this.startFailures.set(name, message);
  }

  /** The next call of `method` rejects with `error`. */
  failNext(method: keyof ContainerRuntime, error: Error): void {
    const list = this.injected.get(method) ?? [];
    list.push(error);
    this.injected.set(method, list);
  }

  /** What stats(id) reads for a container from now on: cumulative CPU nanoseconds and working-set bytes. */
  setUsage(idOrName: string, cpuUsageNanoSeconds: number, memoryWorkingSetBytes: number): void {
    const c = this.mustFind(idOrName);
    this.usage.set(c.id, { cpuUsageNanoSeconds, memoryWorkingSetBytes });
  }

  /** Answers every exec from now on. */
  onExec(handler: (req: FakeExecRequest) => FakeExecResult | Promise<FakeExecResult>): void {
    this.execHandler = handler;
  }

  /** The running container's process ends with `code` (a crash, a completion, an OOM kill). */
  exit(idOrName: string, code: number, opts: { oomKilled?: boolean } = {}): void {
    const c = this.mustFind(idOrName);
    if (c.state !== 'running' && c.state !== 'paused') throw new Error(`FakeRuntime.exit: container ${c.name} is ${c.state}, not running`);
    if (opts.oomKilled) this.emit(c, 'oom');
    this.finish(c, code, !!opts.oomKilled);
  }

  /** The container writes to its log (followers see it at once). */
  writeLog(idOrName: string, text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    const c = this.mustFind(idOrName);
    const entry = { time: this.clock.now(), stream, text };
    c.log.push(entry);
    for (const f of this.followers.get(c.id) ?? []) f.out.write(formatLog(entry, f.timestamps));
  }

  /** The internal record (with its spec and log), by id, id prefix or name. */
  container(idOrName: string): FakeContainer | undefined {
    const byId = this.containers.get(idOrName);
    if (byId) return byId;
    for (const c of this.containers.values()) if (c.name === idOrName || (idOrName.length >= 4 && c.id.startsWith(idOrName))) return c;
    return undefined;
  }

  callsTo(method: keyof ContainerRuntime): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  // ------------------------------------------------------------------------------------------------ the port

  async ping(): Promise<void> {
    this.enter('ping', []);
  }

  async info(): Promise<EngineInfo> {
    this.enter('info', []);
    return { serverVersion: '20.10.24-fake', apiVersion: '1.41', os: 'FakeOS', ncpu: 2, memTotal: 4 * 1024 ** 3 };
  }

  async ensureNetwork(name: string, labels: Record<string, string>): Promise<NetworkInfo> {
    this.enter('ensureNetwork', [name, labels]);
    let net = this.networks.get(name);
    if (!net) {
      const n = this.networks.size + 1;
      net = { id: hexId('network', ++this.seq), labels: { ...labels }, subnet: `172.30.${n}.0/24`, gateway: `172.30.${n}.1` };
      this.networks.set(name, net);
    }
    return { id: net.id, subnet: net.subnet, gateway: net.gateway };
  }

  async removeNetwork(name: string): Promise<void> {
    this.enter('removeNetwork', [name]);
    const inUse = [...this.containers.values()].some((c) => c.spec.network?.mode === 'network' && c.spec.network.name === name);
    if (inUse) throw new Error(`error while removing network: network ${name} id ${this.networks.get(name)?.id} has active endpoints`);
    this.networks.delete(name);
  }

  async listNetworks(labels: Record<string, string>): Promise<{ id: string; name: string; labels: Record<string, string> }[]> {
    this.enter('listNetworks', [labels]);
    return [...this.networks.entries()].filter(([, n]) => matches(n.labels, labels)).map(([name, n]) => ({ id: n.id, name, labels: { ...n.labels } }));
  }

  async imagePresent(ref: string): Promise<{ id: string; size: number } | null> {
    this.enter('imagePresent', [ref]);
    const i = this.images.get(normalizeImageRef(ref));
    return i ? { ...i } : null;
  }

  async pullImage(ref: string, onProgress?: (p: PullProgress) => void, auth?: { username: string; password: string; serveraddress: string }): Promise<void> {
    this.enter('pullImage', auth ? [ref, auth.username] : [ref]);
    const full = normalizeImageRef(ref);
    const failure = this.pullFailures.get(full);
    if (failure) throw new ImagePullError(failure);
    onProgress?.({ status: `Pulling from ${full.split(':')[0]}`, id: full.split(':')[1] });
    onProgress?.({ status: 'Downloading', id: 'layer0', current: 2_000_000, total: 4_000_000 });
    onProgress?.({ status: 'Pull complete', id: 'layer0' });
    onProgress?.({ status: `Status: Downloaded newer image for ${full}` });
    if (!this.images.has(full)) this.addImage(full);
  }

  async createContainer(spec: ContainerSpec): Promise<string> {
    this.enter('createContainer', [spec]);
    for (const c of this.containers.values()) {
      if (c.name === spec.name) {
        throw new ContainerNameInUseError(`Conflict. The container name "/${spec.name}" is already in use by container "${c.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
    }
    const image = this.images.get(normalizeImageRef(spec.image));
    if (!image) throw new Error(`No such image: ${spec.image}`);
    let ipAddress: string | undefined;
    if (spec.network?.mode === 'container' && !this.container(spec.network.id)) throw new Error(`No such container: ${spec.network.id}`);
    if (spec.network?.mode === 'network') {
      const net = this.networks.get(spec.network.name);
      if (!net) throw new Error(`network ${spec.network.name} not found`);
      const netName = spec.network.name;
      const used = [...this.containers.values()].filter((c) => c.spec.network?.mode === 'network' && c.spec.network.name === netName).length;
      ipAddress = net.subnet.replace(/\.0\/24$/, `.${used + 2}`);
    }
    for (const m of spec.mounts) if (m.type === 'volume' && !this.volumes.has(m.source)) this.volumes.set(m.source, {});
    const id = hexId('container', ++this.seq);
    this.containers.set(id, {
      id,
      name: spec.name,
      labels: { ...spec.labels },
      image: spec.image,
      imageId: image.id,
      state: 'created',
      exitCode: 0,
      oomKilled: false,
      error: '',
      createdAt: new Date(this.clock.now()).toISOString(),
      ...(ipAddress ? { ipAddress } : {}),
      spec: structuredClone(spec),
      log: [],
    });
    return id;
  }

  async startContainer(id: string): Promise<void> {
    this.enter('startContainer', [id]);
    const c = this.container(id);
    if (!c) throw new ContainerNotFoundError(`No such container: ${id}`);
    if (c.state === 'running') return;
    const failure = this.startFailures.get(c.name);
    if (failure) {
      c.error = failure;
      c.exitCode = 127;
      throw new Error(failure);
    }
    c.state = 'running';
    c.exitCode = 0;
    c.oomKilled = false;
    c.error = '';
    c.startedAt = new Date(this.clock.now()).toISOString();
    c.finishedAt = undefined;
    c.pid = 1000 + this.seq++;
    this.emit(c, 'start');
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    this.enter('stopContainer', [id, graceSeconds]);
    const c = this.container(id);
    if (!c || c.state !== 'running') return;
    this.emit(c, 'kill', { signal: c.spec.stopSignal ?? 'SIGTERM' });
    // Taken to exit on the stop signal when given time to, else to be SIGKILLed.
    this.finish(c, graceSeconds > 0 ? 143 : 137, false);
  }

  async killContainer(id: string, signal: string): Promise<void> {
    this.enter('killContainer', [id, signal]);
    const c = this.container(id);
    if (!c || c.state !== 'running') return;
    this.emit(c, 'kill', { signal });
    const code = signalExitCode(signal);
    if (code !== undefined) this.finish(c, code, false);
  }

  async removeContainer(id: string, opts: RemoveOptions = {}): Promise<void> {
    this.enter('removeContainer', [id, opts]);
    const c = this.container(id);
    if (!c) return;
    if (c.state === 'running' && !opts.force) {
      throw new Error(`You cannot remove a running container ${c.id}. Stop the container before attempting removal or force remove`);
    }
    if (c.state === 'running') {
      this.emit(c, 'kill', { signal: 'SIGKILL' });
      this.finish(c, 137, false);
    }
    this.containers.delete(c.id);
    this.emit(c, 'destroy');
  }

  async inspectContainer(idOrName: string): Promise<RuntimeContainer | null> {
    this.enter('inspectContainer', [idOrName]);
    const c = this.container(idOrName);
    return c ? publicView(c) : null;
  }

  async listContainers(labels: Record<string, string>): Promise<RuntimeContainer[]> {
    this.enter('listContainers', [labels]);
    return [...this.containers.values()]
      .filter((c) => matches(c.labels, labels))
      .reverse() // newest first, as Docker lists them
      .map((c) => {
        const { oomKilled: _o, error: _e, startedAt: _s, finishedAt: _f, pid: _p, ...listed } = publicView(c);
        return { ...listed, oomKilled: false, error: '' };
      });
  }

  async createVolume(name: string, labels: Record<string, string>, opts?: VolumeOptions): Promise<boolean> {
    this.enter('createVolume', opts?.gid !== undefined ? [name, labels, opts.gid] : [name, labels]);
    if (!this.volumes.has(name)) this.volumes.set(name, { ...labels });
    return true;
  }

  async removeVolume(name: string): Promise<void> {
    this.enter('removeVolume', [name]);
    const users = [...this.containers.values()].filter((c) => c.spec.mounts.some((m) => m.type === 'volume' && m.source === name));
    if (users.length) throw new Error(`remove ${name}: volume is in use - [${users.map((c) => c.id).join(', ')}]`);
    this.volumes.delete(name);
  }

  async listVolumes(labels: Record<string, string>): Promise<{ name: string; labels: Record<string, string> }[]> {
    this.enter('listVolumes', [labels]);
    return [...this.volumes.entries()].filter(([, l]) => matches(l, labels)).map(([name, l]) => ({ name, labels: { ...l } }));
  }

  async logs(id: string, opts: LogStreamOptions): Promise<NodeJS.ReadableStream> {
    this.enter('logs', [id, opts]);
    const c = this.container(id);
    if (!c) throw new ContainerNotFoundError(`No such container: ${id}`);
    let since = -Infinity;
    if (opts.sinceTime) since = Date.parse(opts.sinceTime);
    else if (opts.sinceSeconds) since = this.clock.now() - opts.sinceSeconds * 1000;
    let entries = c.log.filter((e) => e.time >= since);
    if (opts.tail !== undefined && opts.tail >= 0) entries = opts.tail === 0 ? [] : entries.slice(-opts.tail);
    const text = entries.map((e) => formatLog(e, !!opts.timestamps)).join('');
    if (!opts.follow || c.state !== 'running') return Readable.from(text ? [Buffer.from(text)] : []);
    const out = new PassThrough();
    if (text) out.write(text);
    const follower = { out, timestamps: !!opts.timestamps };
    const set = this.followers.get(c.id) ?? new Set<Follower>();
    set.add(follower);
    this.followers.set(c.id, set);
    out.on('close', () => set.delete(follower));
    return out;
  }

  async attach(id: string, opts: { stdin?: boolean; tty?: boolean }): Promise<ExecSession> {
    return this.exec(id, { cmd: [], stdin: opts.stdin, tty: opts.tty });
  }

  async exec(id: string, opts: ExecOptions): Promise<ExecSession> {
    this.enter('exec', [id, opts]);
    const c = this.container(id);
    if (!c) throw new ContainerNotFoundError(`No such container: ${id}`);
    if (c.state !== 'running') throw new Error(`Container ${c.id} is not running`);
    const stdin = opts.stdin ? new PassThrough() : null;
    const input = new Promise<string>((resolve) => {
      if (!stdin) return resolve('');
      const chunks: Buffer[] = [];
      stdin.on('data', (b: Buffer) => chunks.push(b));
      stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const result = Promise.resolve()
      .then(() => this.execHandler({ ...opts, container: publicView(c), input: () => input }))
      .then((r) => {
        stdout.end(opts.tty ? (r.stdout ?? '') + (r.stderr ?? '') : (r.stdout ?? ''));
        stderr.end(opts.tty ? '' : (r.stderr ?? ''));
        return r.exitCode ?? 0;
      });
    return {
      stdin,
      stdout,
      stderr,
      resize: async () => undefined,
      wait: () => result,
      close: () => {
        stdout.destroy();
        stderr.destroy();
      },
    };
  }

  async stats(id: string): Promise<ContainerStats | null> {
    this.enter('stats', [id]);
    const c = this.container(id);
    if (!c || c.state !== 'running') return null;
    const u = this.usage.get(c.id) ?? { cpuUsageNanoSeconds: 1, memoryWorkingSetBytes: 0 };
    return { ...u, timestamp: this.clock.now() };
  }

  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void): { close(): void } {
    // Never fails, like DockerRuntime's, which keeps reconnecting while the engine is away.
    this.calls.push({ method: 'events', args: [structuredClone(labels)] });
    const sub = { labels, onEvent };
    this.subscribers.add(sub);
    return { close: () => this.subscribers.delete(sub) };
  }

  async buildImage(tag: string, contextFiles: Record<string, Buffer | string>): Promise<void> {
    this.enter('buildImage', [tag, Object.keys(contextFiles)]);
    this.builds.set(tag, { ...contextFiles });
    this.addImage(tag, 2_000_000);
  }

  // ------------------------------------------------------------------------------------------------ internals

  /** Records the call, then fails it if Docker is "down" or a failure was injected. */
  private enter(method: keyof ContainerRuntime, args: unknown[]): void {
    this.calls.push({ method, args: args.map((a) => (a && typeof a === 'object' ? structuredClone(a) : a)) });
    if (!this.available) throw new RuntimeUnavailableError(UNAVAILABLE);
    const injected = this.injected.get(method)?.shift();
    if (injected) throw injected;
  }

  private mustFind(idOrName: string): FakeContainer {
    const c = this.container(idOrName);
    if (!c) throw new ContainerNotFoundError(`No such container: ${idOrName}`);
    return c;
  }

  private finish(c: FakeContainer, code: number, oomKilled: boolean): void {
    c.state = 'exited';
    c.exitCode = code;
    c.oomKilled = oomKilled;
    c.finishedAt = new Date(this.clock.now()).toISOString();
    c.pid = undefined;
    for (const f of this.followers.get(c.id) ?? []) f.out.end();
    this.followers.delete(c.id);
    this.emit(c, 'die', { exitCode: String(code) });
  }

  /** Delivered on a later microtask, as events from a socket would be. */
  private emit(c: FakeContainer, action: string, attrs: { exitCode?: string; signal?: string } = {}): void {
    const event: RuntimeEvent = {
      id: c.id,
      action,
      labels: { ...c.labels },
      name: c.name,
      time: this.clock.now(),
      ...(attrs.exitCode !== undefined ? { exitCode: Number(attrs.exitCode) } : {}),
      ...(attrs.signal !== undefined ? { signal: attrs.signal } : {}),
    };
    for (const sub of this.subscribers) {
      if (matches(c.labels, sub.labels)) queueMicrotask(() => sub.onEvent(event));
    }
  }
}

function matches(have: Record<string, string>, want: Record<string, string>): boolean {
  return Object.entries(want).every(([k, v]) => have[k] === v);
}

function publicView(c: FakeContainer): RuntimeContainer {
  const { spec: _spec, log: _log, ...view } = c;
  return structuredClone(view);
}

function formatLog(e: { time: number; text: string }, timestamps: boolean): string {
  const text = e.text.endsWith('\n') ? e.text : `${e.text}\n`;
  if (!timestamps) return text;
  const stamp = new Date(e.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z'); // RFC 3339 with nanoseconds, as Docker writes
  return text
    .split(/(?<=\n)/)
    .map((line) => `${stamp} ${line}`)
    .join('');
}
