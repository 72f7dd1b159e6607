// The only module that talks to Docker (through dockerode). Maps Docker's shapes to runtime.ts's.
// Requests go unversioned (/containers/json, not /v1.41/…): every engine then answers in its own current API
// version with no negotiation round trip, and kbx only reads fields that API 1.41 (Docker 20.10) already has.
// (Pinning /v1.41 would break on Docker 29, whose minimum API version is 1.44.)
import http from 'node:http';
import https from 'node:https';
import util from 'node:util';
import Docker from 'dockerode';
import {
  type VolumeOptions,
  ContainerNameInUseError,
  ContainerNotFoundError,
  ImagePullError,
  RuntimeUnavailableError,
  type ContainerRuntime,
  type ContainerSpec,
  type EngineInfo,
  type ExecOptions,
  type ExecSession,
  type LogStreamOptions,
  type NetworkInfo,
  type PullProgress,
  type ContainerStats,
  type RemoveOptions,
  type RuntimeContainer,
  type RuntimeEvent,
} from '../runtime.js';
import { createOptions, dockerMessage, fromEvent, fromInspect, fromListItem, labelFilter, sinceAfter, statsFromDocker, statusOf, type DockerStatsReply } from './convert.js';
import { resolveDockerEndpoint, type DockerEndpoint } from './endpoint.js';
import { readExecOutput } from './exec.js';
import { mergeFrames, passRaw } from './demux.js';
import { readJsonLines } from './json-lines.js';
import { tarFiles } from './tar.js';
import { checkSubPathInside } from './volume-dir.js';
import { setVolumeOwnership } from '../volume-ownership.js';

export interface DockerRuntimeOptions {
  /** Where DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY… are read from. */
  env?: NodeJS.ProcessEnv;
  /** How long ping waits for an answer before calling the engine unavailable. */
  pingTimeoutMs?: number;
  /** A pull with no answer from the registry this long is cancelled (the kubelet's image-pull-progress-deadline). */
  pullStartTimeoutMs?: number;
  /** A started pull with no progress this long is cancelled. */
  pullStallTimeoutMs?: number;
}

/** Socket errors that mean "no engine there" rather than "the engine said no". */
const UNREACHABLE = new Set([
  'ECONNREFUSED', 'ENOENT', 'EACCES', 'EPERM', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE',
  'ENOTFOUND', 'EAI_AGAIN', 'ENOTSOCK',
]);

const EVENT_ACTIONS = ['start', 'die', 'destroy', 'oom', 'kill'];

export class DockerRuntime implements ContainerRuntime {
  readonly endpoint: DockerEndpoint;
  private readonly docker: Docker;
  private readonly agent?: http.Agent;
  private readonly pingTimeoutMs: number;
  private readonly pullStartTimeoutMs: number;
  private readonly pullStallTimeoutMs: number;

  constructor(opts: DockerRuntimeOptions = {}) {
    const env = opts.env ?? process.env;
    this.endpoint = resolveDockerEndpoint(env);
    this.pingTimeoutMs = opts.pingTimeoutMs ?? 5_000;
    this.pullStartTimeoutMs = opts.pullStartTimeoutMs ?? 20_000;
    this.pullStallTimeoutMs = opts.pullStallTimeoutMs ?? 60_000;
    const ep = this.endpoint;
    // One keep-alive agent for every request: no connection set-up per call (idle sockets are unref'd, so they
    // never keep the process alive).
    if (ep.protocol === 'https') {
      this.agent = new https.Agent({ keepAlive: true, ca: ep.tls?.ca, cert: ep.tls?.cert, key: ep.tls?.key, rejectUnauthorized: ep.tls?.verify ?? true });
    } else if (ep.protocol === 'http') {
      this.agent = new http.Agent({ keepAlive: true });
    }
    // docker-modem formats every request's options, agent included, with util.inspect({ showHidden: true,
    // depth: null }) even when its debug log is off. A keep-alive agent holding sockets makes that cost
    // milliseconds per request, and seconds with the dozens of sockets a burst of pod starts opens (it
    // starved the event loop: the API stopped answering while 50 pods started). Inspect it as a name.
    if (this.agent) Object.defineProperty(this.agent, util.inspect.custom, { value: () => '[kbx Docker agent]' });
    // Every key is given, so dockerode's own reading of process.env (DOCKER_HOST, DOCKER_CLIENT_TIMEOUT…) cannot
    // override what was resolved from `env`. No `version`: see the top of the file. No timeout: stop and follow
    // requests legitimately last long.
    this.docker = new Docker({
      socketPath: ep.socketPath,
      host: ep.host,
      port: ep.port,
      protocol: ep.protocol,
      username: ep.username,
      ca: ep.tls?.ca,
      cert: ep.tls?.cert,
      key: ep.tls?.key,
      version: undefined,
      timeout: undefined,
      sshOptions: ep.protocol === 'ssh' ? { agent: env.SSH_AUTH_SOCK } : undefined,
      agent: this.agent,
    } as Docker.DockerOptions);
  }

  /** Releases pooled connections (optional: they never hold the process open). */
  close(): void {
    this.agent?.destroy();
  }

  // ------------------------------------------------------------------------------------------------ errors

  private unavailable(cause?: unknown, detail = ''): RuntimeUnavailableError {
    const url = this.endpoint.url;
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    let msg: string;
    if (code === 'EACCES' || code === 'EPERM') {
      msg = `permission denied while trying to connect to the Docker daemon socket at ${url} (add yourself to the docker group: sudo usermod -aG docker $USER, then log in again)`;
    } else if (url.startsWith('unix://')) {
      msg = `Cannot connect to the Docker daemon at ${url}${detail}. Is the docker daemon running? (start it with: sudo dockerd &, or start Docker Desktop)`;
    } else {
      msg = `Cannot connect to the Docker daemon at ${url}${detail}. Is the docker daemon running? (start it, or point DOCKER_HOST at a running engine)`;
    }
    const err = new RuntimeUnavailableError(msg);
    (err as { cause?: unknown }).cause = cause;
    return err;
  }

  private isUnreachable(e: unknown): boolean {
    const code = (e as NodeJS.ErrnoException).code;
    return !!code && UNREACHABLE.has(code) && statusOf(e) === undefined;
  }

  /** Runs one engine call, turning "nobody answers" into RuntimeUnavailableError; other errors pass through. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (this.isUnreachable(e)) throw this.unavailable(e);
      throw e;
    }
  }

  /** An engine error as an Error with Docker's own words ("No such image: x"), keeping the original as cause. */
  private engineError(e: unknown): Error {
    if (e instanceof RuntimeUnavailableError) return e;
    if (this.isUnreachable(e)) return this.unavailable(e);
    const err = new Error(dockerMessage(e));
    (err as { cause?: unknown }).cause = e;
    return err;
  }

  // ------------------------------------------------------------------------------------------------ engine

  async ping(): Promise<void> {
    try {
      // dockerode's types omit ping's options; it does pass abortSignal on.
      const ping = this.docker.ping as (this: Docker, o: { abortSignal: AbortSignal }) => Promise<unknown>;
      await ping.call(this.docker, { abortSignal: AbortSignal.timeout(this.pingTimeoutMs) });
    } catch (e) {
      if (this.isUnreachable(e)) throw this.unavailable(e);
      if ((e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError') {
        throw this.unavailable(e, ` (no answer within ${this.pingTimeoutMs / 1000}s)`);
      }
      throw this.engineError(e);
    }
  }

  async info(): Promise<EngineInfo> {
    const [info, version] = await this.call(() => Promise.all([this.docker.info(), this.docker.version()]));
    return { serverVersion: info.ServerVersion, apiVersion: version.ApiVersion, os: info.OperatingSystem, ncpu: info.NCPU, memTotal: info.MemTotal };
  }

  // ------------------------------------------------------------------------------------------------ networks

  /** In-flight ensureNetwork calls by name: Docker 20.10 makes two networks of one name when asked at once. */
  private ensuring = new Map<string, Promise<NetworkInfo>>();

  ensureNetwork(name: string, labels: Record<string, string>): Promise<NetworkInfo> {
    let p = this.ensuring.get(name);
    if (!p) {
      p = this.ensureNetworkOnce(name, labels).finally(() => this.ensuring.delete(name));
      this.ensuring.set(name, p);
    }
    return p;
  }

  private async ensureNetworkOnce(name: string, labels: Record<string, string>): Promise<NetworkInfo> {
    return this.call(async () => {
      let net = await this.inspectNetwork(name);
      if (!net) {
        try {
          // CheckDuplicate: without it Docker 20.10 happily makes two networks of one name (newer engines ignore it
          // and always check).
          await this.docker.createNetwork({ Name: name, Driver: 'bridge', Labels: labels, CheckDuplicate: true });
        } catch (e) {
          if (statusOf(e) !== 409) throw this.engineError(e); // 409: made meanwhile by someone else, fine
        }
        net = await this.inspectNetwork(name);
        if (!net) throw new Error(`network ${name} vanished right after it was created`);
      }
      const cfg = net.IPAM?.Config?.[0] ?? {};
      return { id: net.Id, ...(cfg.Subnet ? { subnet: cfg.Subnet } : {}), ...(cfg.Gateway ? { gateway: cfg.Gateway } : {}) };
    });
  }

  /** By exact name (Docker would also match an id prefix). */
  private async inspectNetwork(name: string): Promise<Docker.NetworkInspectInfo | null> {
    try {
      const net = (await this.docker.getNetwork(name).inspect()) as Docker.NetworkInspectInfo;
      return net.Name === name ? net : null;
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  /**
   * By name or id. With `disconnect`, endpoints still attached (a stale one Docker keeps after its container was
   * killed with the control plane: "network … has active endpoints") are force-disconnected first and the removal
   * retried once. The caller names only a network of its own cluster.
   */
  async removeNetwork(name: string, opts: { disconnect?: boolean } = {}): Promise<void> {
    await this.call(async () => {
      const net = this.docker.getNetwork(name);
      try {
        await net.remove();
      } catch (e) {
        if (statusOf(e) === 404) return;
        if (!opts.disconnect || !/active endpoints/i.test(String((e as Error).message))) throw this.engineError(e);
        const info = (await net.inspect()) as Docker.NetworkInspectInfo;
        for (const [key, ep] of Object.entries(info.Containers ?? {})) {
          await net.disconnect({ Container: ep.Name || key, Force: true }).catch(() => undefined);
        }
        try {
          await net.remove();
        } catch (e2) {
          if (statusOf(e2) !== 404) throw this.engineError(e2);
        }
      }
    });
  }

  async listNetworks(labels: Record<string, string>): Promise<{ id: string; name: string; labels: Record<string, string> }[]> {
    const nets = await this.call(() => this.docker.listNetworks({ filters: { label: labelFilter(labels) } }));
    return nets.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} }));
  }

  // ------------------------------------------------------------------------------------------------ images

  async imagePresent(ref: string): Promise<{ id: string; size: number; user?: string } | null> {
    return this.call(async () => {
      try {
        const i = await this.docker.getImage(ref).inspect();
        return { id: i.Id, size: i.Size, user: i.Config?.User ?? '' };
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw this.engineError(e);
      }
    });
  }

  /**
   * Pulls with progress. A registry that does not answer is given up on after pullStartTimeoutMs (and a stalled
   * download after pullStallTimeoutMs) with the kubelet's own words, instead of waiting for Docker's dial timeouts.
   */
  async pullImage(ref: string, onProgress?: (p: PullProgress) => void, auth?: { username: string; password: string; serveraddress: string }): Promise<void> {
    const abort = new AbortController();
    let latest = '';
    let timedOut: string | undefined;
    let stream: NodeJS.ReadableStream | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = `Cancel pulling image "${ref}" because of no progress for ${ms / 1000}s, latest progress: "${latest}"`;
        abort.abort();
        (stream as { destroy?: () => void } | undefined)?.destroy?.();
      }, ms);
    };
    arm(this.pullStartTimeoutMs);
    try {
      try {
        stream = (await this.docker.pull(ref, { abortSignal: abort.signal, ...(auth ? { authconfig: auth } : {}) })) as NodeJS.ReadableStream;
      } catch (e) {
        if (timedOut) throw new ImagePullError(timedOut);
        if (this.isUnreachable(e)) throw this.unavailable(e);
        throw new ImagePullError(dockerMessage(e));
      }
      arm(this.pullStallTimeoutMs);
      await new Promise<void>((resolve, reject) => {
        readJsonLines(
          stream!,
          (line) => {
            const m = line as { status?: string; id?: string; progress?: string; error?: string; errorDetail?: { message?: string }; progressDetail?: { current?: number; total?: number } };
            if (m.error || m.errorDetail?.message) throw new ImagePullError(m.errorDetail?.message || m.error || 'pull failed');
            arm(this.pullStallTimeoutMs);
            latest = [m.id, m.status, m.progress].filter(Boolean).join(' ');
            onProgress?.({
              status: m.status ?? '',
              ...(m.id ? { id: m.id } : {}),
              ...(m.progressDetail?.current !== undefined ? { current: m.progressDetail.current } : {}),
              ...(m.progressDetail?.total !== undefined ? { total: m.progressDetail.total } : {}),
            });
          },
          (err) => {
            if (timedOut) reject(new ImagePullError(timedOut));
            else if (err instanceof ImagePullError) reject(err);
            else if (err) reject(new ImagePullError(`pulling image "${ref}": ${err.message}`));
            else resolve();
          },
        );
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async buildImage(tag: string, contextFiles: Record<string, Buffer | string>): Promise<void> {
    const stream = await this.call(async () => {
      try {
        return (await this.docker.buildImage(tarFiles(contextFiles) as unknown as NodeJS.ReadableStream, { t: tag, rm: true, forcerm: true })) as NodeJS.ReadableStream;
      } catch (e) {
        throw this.engineError(e);
      }
    });
    await new Promise<void>((resolve, reject) => {
      let tail: string[] = [];
      readJsonLines(
        stream,
        (line) => {
          const m = line as { stream?: string; error?: string; errorDetail?: { message?: string } };
          if (m.error || m.errorDetail?.message) throw new Error(`building ${tag}: ${m.errorDetail?.message || m.error}\n${tail.join('')}`);
          if (m.stream) tail = [...tail, m.stream].slice(-10); // the build's last words, to explain a failure
        },
        (err) => (err ? reject(err) : resolve()),
      );
    });
  }

  // ------------------------------------------------------------------------------------------------ containers

  async createContainer(spec: ContainerSpec): Promise<string> {
    return this.call(async () => {
      try {
        const mountpoints: Record<string, string> = {};
        for (const m of spec.mounts) {
          if (m.type !== 'volume' || !m.subPath) continue;
          mountpoints[m.source] ??= ((await this.docker.getVolume(m.source).inspect()) as { Mountpoint: string }).Mountpoint;
          checkSubPathInside(mountpoints[m.source], m.subPath);
        }
        return (await this.docker.createContainer(createOptions(spec, mountpoints))).id;
      } catch (e) {
        if (statusOf(e) === 409) throw new ContainerNameInUseError(dockerMessage(e));
        throw this.engineError(e);
      }
    });
  }

  async startContainer(id: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).start();
      } catch (e) {
        if (statusOf(e) === 304) return; // already running
        if (statusOf(e) === 404) throw new ContainerNotFoundError(dockerMessage(e));
        throw this.engineError(e);
      }
    });
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    await this.call(async () => {
      try {
        // The engine sends the stop signal, waits t seconds, then SIGKILLs; the request returns once it stopped.
        await this.docker.getContainer(id).stop({ t: Math.max(0, Math.ceil(graceSeconds)) });
      } catch (e) {
        const s = statusOf(e);
        if (s === 304 || s === 404) return; // already stopped, or gone
        throw this.engineError(e);
      }
    });
  }

  async killContainer(id: string, signal: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).kill({ signal });
      } catch (e) {
        const s = statusOf(e);
        if (s === 404 || s === 409) return; // gone, or not running
        throw this.engineError(e);
      }
    });
  }

  async removeContainer(id: string, opts: RemoveOptions = {}): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).remove({ force: !!opts.force, v: !!opts.removeVolumes });
      } catch (e) {
        const s = statusOf(e);
        if (s === 404) return;
        if (s === 409 && /already in progress/i.test(dockerMessage(e))) return;
        throw this.engineError(e);
      }
    });
  }

  async inspectContainer(idOrName: string): Promise<RuntimeContainer | null> {
    return this.call(async () => {
      try {
        return fromInspect(await this.docker.getContainer(idOrName).inspect());
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw this.engineError(e);
      }
    });
  }

  /** One GET /containers/json?all=1 with label filters: state and exit code come from the list itself. */
  async listContainers(labels: Record<string, string>): Promise<RuntimeContainer[]> {
    const list = await this.call(() => this.docker.listContainers({ all: true, filters: { label: labelFilter(labels) } }));
    return list.map(fromListItem);
  }

  /** One GET /containers/{id}/stats?stream=false&one-shot=true: a single reading, without Docker's one-second wait for a second one. */
  async stats(id: string): Promise<ContainerStats | null> {
    return this.call(async () => {
      try {
        const reply = (await this.docker.getContainer(id).stats({ stream: false, 'one-shot': true })) as unknown as DockerStatsReply;
        return statsFromDocker(reply, Date.now());
      } catch (e) {
        if (statusOf(e) === 404 || statusOf(e) === 409) return null;
        throw this.engineError(e);
      }
    });
  }

  // ------------------------------------------------------------------------------------------------ volumes

  async createVolume(name: string, labels: Record<string, string>, opts: VolumeOptions = {}): Promise<boolean> {
    return this.call(async () => {
      try {
        if (opts.tmpfs) {
          // A tmpfs takes its mode and group as mount options (it is mounted afresh for each container).
          const o = [opts.sizeBytes ? `size=${opts.sizeBytes}` : '', opts.mode !== undefined ? `mode=${opts.mode.toString(8)}` : '', opts.gid !== undefined ? `gid=${opts.gid}` : ''].filter(Boolean).join(',');
          await this.docker.createVolume({ Name: name, Labels: labels, DriverOpts: { type: 'tmpfs', device: 'tmpfs', ...(o ? { o } : {}) } });
          return true;
        }
        await this.docker.createVolume({ Name: name, Labels: labels });
        if (opts.mode === undefined && opts.gid === undefined) return true;
        const mountpoint = ((await this.docker.getVolume(name).inspect()) as { Mountpoint: string }).Mountpoint;
        return setVolumeOwnership(mountpoint, opts.mode, opts.gid);
      } catch (e) {
        throw this.engineError(e);
      }
    });
  }

  async removeVolume(name: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getVolume(name).remove();
      } catch (e) {
        if (statusOf(e) !== 404) throw this.engineError(e);
      }
    });
  }

  async listVolumes(labels: Record<string, string>): Promise<{ name: string; labels: Record<string, string> }[]> {
    const r = await this.call(() => this.docker.listVolumes({ filters: { label: labelFilter(labels) } }));
    return (r.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  }

  // ------------------------------------------------------------------------------------------------ logs, exec

  async logs(id: string, opts: LogStreamOptions): Promise<NodeJS.ReadableStream> {
    // Whether the log is framed depends on the container's TTY; API 1.41 does not say so in the response.
    const tty = await this.call(async () => {
      try {
        return !!(await this.docker.getContainer(id).inspect()).Config.Tty;
      } catch (e) {
        if (statusOf(e) === 404) throw new ContainerNotFoundError(dockerMessage(e));
        throw this.engineError(e);
      }
    });
    let since: string | undefined;
    if (opts.sinceTime) since = String(Date.parse(opts.sinceTime) / 1000);
    else if (opts.sinceSeconds) since = String(Date.now() / 1000 - opts.sinceSeconds);
    const query = {
      stdout: true,
      stderr: true,
      follow: !!opts.follow,
      timestamps: !!opts.timestamps,
      tail: opts.tail !== undefined && opts.tail >= 0 ? String(opts.tail) : 'all',
      ...(since ? { since } : {}),
    };
    // Always as a stream (dockerode buffers a non-follow log and JSON-parses it, which mangles a log that is JSON).
    const raw = await this.call(
      () =>
        new Promise<NodeJS.ReadableStream>((resolve, reject) => {
          this.docker.modem.dial(
            { path: `/containers/${encodeURIComponent(id)}/logs?`, method: 'GET', options: query, isStream: true, statusCodes: { 200: true, 404: 'no such container', 500: 'server error' } },
            (err: unknown, res: unknown) => (err ? reject(err) : resolve(res as NodeJS.ReadableStream)),
          );
        }),
    ).catch((e: unknown) => {
      if (statusOf(e) === 404) throw new ContainerNotFoundError(dockerMessage(e));
      throw this.engineError(e);
    });
    return tty ? passRaw(raw) : mergeFrames(raw);
  }

  async exec(id: string, opts: ExecOptions): Promise<ExecSession> {
    return this.call(async () => {
      let exec: Docker.Exec;
      try {
        exec = await this.docker.getContainer(id).exec({
          Cmd: opts.cmd,
          AttachStdin: !!opts.stdin,
          AttachStdout: true,
          AttachStderr: true,
          Tty: !!opts.tty,
          ...(opts.env ? { Env: opts.env } : {}),
          ...(opts.workingDir ? { WorkingDir: opts.workingDir } : {}),
        });
      } catch (e) {
        if (statusOf(e) === 404) throw new ContainerNotFoundError(dockerMessage(e));
        throw this.engineError(e);
      }
      // Tty must be repeated at start: it is what tells the engine whether to frame the output.
      const socket = (await exec.start({ hijack: true, stdin: !!opts.stdin, Detach: false, Tty: !!opts.tty }).catch((e: unknown) => {
        throw this.engineError(e);
      })) as unknown as import('node:stream').Duplex;
      return readExecOutput(socket, exec, !!opts.stdin, !!opts.tty);
    });
  }

  async attach(id: string, opts: { stdin?: boolean; tty?: boolean }): Promise<ExecSession> {
    return this.call(async () => {
      const container = this.docker.getContainer(id);
      const socket = (await container
        .attach({ stream: true, stdin: !!opts.stdin, stdout: true, stderr: true, hijack: true })
        .catch((e: unknown) => {
          if (statusOf(e) === 404) throw new ContainerNotFoundError(dockerMessage(e));
          throw this.engineError(e);
        })) as unknown as import('node:stream').Duplex;
      // The container's main process stands where an exec's would: its exit code comes from inspect.
      const asExec = {
        id,
        resize: (o: { w: number; h: number }) => container.resize(o),
        inspect: async () => {
          const st = (await container.inspect()).State;
          return { Running: st.Running, ExitCode: st.Running ? null : st.ExitCode };
        },
      } as unknown as Docker.Exec;
      return readExecOutput(socket, asExec, !!opts.stdin, !!opts.tty);
    });
  }

  // ------------------------------------------------------------------------------------------------ events

  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void): { close(): void } {
    let closed = false;
    let abort: AbortController | undefined;
    let stream: NodeJS.ReadableStream | undefined;
    let retry: NodeJS.Timeout | undefined;
    let delay = 250;
    // Where to resume after a drop, so events that happened meanwhile are replayed rather than lost.
    let since: string | undefined;
    let lastNano: bigint | undefined;
    const reconnect = () => {
      if (closed || retry) return;
      // Right after the last event seen; with none seen yet, from (a second before) the first drop, which a run of
      // failed attempts must not move forward. Replayed duplicates are harmless to level-triggered readers.
      if (lastNano !== undefined) since = sinceAfter(lastNano);
      else since ??= String(Math.floor(Date.now() / 1000) - 1);
      retry = setTimeout(() => {
        retry = undefined;
        connect();
      }, delay);
      retry.unref();
      delay = Math.min(delay * 2, 5_000);
    };
    const connect = () => {
      if (closed) return;
      abort = new AbortController();
      const filters = { type: ['container'], label: labelFilter(labels), event: EVENT_ACTIONS };
      this.docker
        .getEvents({ filters, ...(since ? { since } : {}), abortSignal: abort.signal } as Docker.GetEventsOptions)
        .then((s) => {
          if (closed) return void (s as { destroy?: () => void }).destroy?.();
          stream = s;
          delay = 250;
          readJsonLines(
            s,
            (line, raw) => {
              const nano = /"timeNano":(\d+)/.exec(raw)?.[1];
              if (nano) lastNano = BigInt(nano);
              const ev = fromEvent(line as Parameters<typeof fromEvent>[0]);
              if (ev) onEvent(ev);
            },
            () => reconnect(), // ended or broke: the engine restarted, or the connection dropped
          );
        })
        .catch(() => reconnect());
    };
    connect();
    return {
      close: () => {
        closed = true;
        clearTimeout(retry);
        abort?.abort();
        (stream as { destroy?: () => void } | undefined)?.destroy?.();
      },
    };
  }
}

