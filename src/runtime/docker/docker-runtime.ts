// The only module that talks to Docker (through dockerode). Maps Docker's shapes to runtime.ts's.
// Works with API 1.41 (Docker 20.10) and newer engines; honours DOCKER_HOST like the docker CLI.
import Docker from 'dockerode';
import { PassThrough, Readable } from 'node:stream';
import {
  ImagePullError,
  RuntimeUnavailableError,
  type ContainerRuntime,
  type ContainerSpec,
  type EngineInfo,
  type ExecSession,
  type LogStreamOptions,
  type PullProgress,
  type RuntimeContainer,
  type RuntimeEvent,
} from '../runtime.js';
import { tarFiles } from './tar.js';
import { demuxInto } from './demux.js';

interface Endpoint {
  options: Docker.DockerOptions;
  describe: string;
}

export function dockerEndpoint(env = process.env): Endpoint {
  const host = env.DOCKER_HOST;
  if (!host || host.startsWith('unix://')) {
    const socketPath = host ? host.slice('unix://'.length) : '/var/run/docker.sock';
    return { options: { socketPath }, describe: `unix://${socketPath}` };
  }
  if (host.startsWith('tcp://') || host.startsWith('http://')) {
    const u = new URL(host.replace(/^tcp:/, 'http:'));
    return { options: { host: u.hostname, port: Number(u.port || 2375), protocol: 'http' }, describe: host };
  }
  if (host.startsWith('npipe://')) {
    return { options: { socketPath: host.slice('npipe://'.length) }, describe: host };
  }
  return { options: { socketPath: host }, describe: host };
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOENT', 'EACCES', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE']);

function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number }).statusCode;
}

function messageOf(e: unknown): string {
  const j = (e as { json?: { message?: string } }).json;
  if (j?.message) return j.message;
  const reason = (e as { reason?: string }).reason;
  const msg = (e as Error).message ?? String(e);
  return msg.replace(/^\(HTTP code \d+\) [a-z ]+ - /, '') || reason || msg;
}

/** `busybox` → `busybox:latest` (the API pulls every tag when none is given). */
export function withDefaultTag(ref: string): string {
  if (ref.includes('@')) return ref;
  const last = ref.split('/').pop()!;
  return last.includes(':') ? ref : `${ref}:latest`;
}

function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

function iso(t: string | undefined): string | undefined {
  if (!t || t.startsWith('0001-01-01')) return undefined;
  return t;
}

export class DockerRuntime implements ContainerRuntime {
  private docker: Docker;
  private readonly where: string;

  constructor(env = process.env) {
    const ep = dockerEndpoint(env);
    this.docker = new Docker(ep.options);
    this.where = ep.describe;
  }

  /** Turns "cannot connect" into one clear line; other errors pass through. */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code && CONNECT_CODES.has(code)) {
        throw new RuntimeUnavailableError(
          `Cannot connect to the Docker daemon at ${this.where}. Is the docker daemon running? (start it with 'sudo dockerd &' or 'sudo systemctl start docker', or start Docker Desktop)`,
        );
      }
      throw e;
    }
  }

  async ping(): Promise<void> {
    await this.call(() => this.docker.ping());
  }

  async info(): Promise<EngineInfo> {
    const [info, version] = await this.call(() => Promise.all([this.docker.info(), this.docker.version()]));
    return { serverVersion: info.ServerVersion, apiVersion: version.ApiVersion, os: info.OperatingSystem, ncpu: info.NCPU, memTotal: info.MemTotal };
  }

  async ensureNetwork(name: string, labels: Record<string, string>): Promise<{ id: string; subnet?: string; gateway?: string }> {
    return this.call(async () => {
      const found = (await this.docker.listNetworks({ filters: { name: [name] } })).find((n) => n.Name === name);
      let id = found?.Id;
      if (!id) {
        try {
          const created = await this.docker.createNetwork({ Name: name, Driver: 'bridge', Labels: labels, CheckDuplicate: true } as Docker.NetworkCreateOptions);
          id = created.id;
        } catch (e) {
          if (statusOf(e) !== 409) throw e;
          id = (await this.docker.listNetworks({ filters: { name: [name] } })).find((n) => n.Name === name)!.Id;
        }
      }
      const net = await this.docker.getNetwork(id!).inspect();
      const cfg = net.IPAM?.Config?.[0] ?? {};
      return { id: id!, subnet: cfg.Subnet, gateway: cfg.Gateway };
    });
  }

  async removeNetwork(name: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getNetwork(name).remove();
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    });
  }

  async listNetworks(labels: Record<string, string>) {
    const nets = await this.call(() => this.docker.listNetworks({ filters: { label: labelFilters(labels) } }));
    return nets.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} }));
  }

  async imagePresent(ref: string): Promise<{ id: string; size: number } | null> {
    return this.call(async () => {
      try {
        const i = await this.docker.getImage(withDefaultTag(ref)).inspect();
        return { id: i.Id, size: i.Size };
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw e;
      }
    });
  }

  async pullImage(ref: string, onProgress?: (p: PullProgress) => void): Promise<void> {
    const full = withDefaultTag(ref);
    await this.call(async () => {
      let stream: NodeJS.ReadableStream;
      try {
        stream = (await this.docker.pull(full)) as NodeJS.ReadableStream;
      } catch (e) {
        throw new ImagePullError(messageOf(e));
      }
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(
          stream,
          (err: Error | null, out: { error?: string }[]) => {
            const failed = err ? messageOf(err) : out?.find((o) => o.error)?.error;
            if (failed) reject(new ImagePullError(failed));
            else resolve();
          },
          (e: { status?: string; id?: string; progressDetail?: { current?: number; total?: number } }) =>
            onProgress?.({ status: e.status ?? '', id: e.id, current: e.progressDetail?.current, total: e.progressDetail?.total }),
        );
      });
    });
  }

  async createContainer(spec: ContainerSpec): Promise<string> {
    const hostConfig: Docker.HostConfig = {
      Mounts: spec.mounts.map((m) => ({ Type: m.type, Source: m.source, Target: m.target, ReadOnly: !!m.readOnly })),
    };
    let networking: Docker.ContainerCreateOptions['NetworkingConfig'];
    if (spec.network?.mode === 'container') hostConfig.NetworkMode = `container:${spec.network.id}`;
    else if (spec.network?.mode === 'none') hostConfig.NetworkMode = 'none';
    else if (spec.network?.mode === 'network') {
      hostConfig.NetworkMode = spec.network.name;
      networking = { EndpointsConfig: { [spec.network.name]: { Aliases: spec.network.aliases ?? [] } } };
    }
    if (spec.memoryBytes) hostConfig.Memory = spec.memoryBytes;
    if (spec.nanoCpus) hostConfig.NanoCpus = spec.nanoCpus;
    if (spec.extraHosts?.length) hostConfig.ExtraHosts = spec.extraHosts;
    if (spec.dns?.length) hostConfig.Dns = spec.dns;
    if (spec.dnsSearch?.length) hostConfig.DnsSearch = spec.dnsSearch;
    if (spec.dnsOptions?.length) hostConfig.DnsOptions = spec.dnsOptions;
    const exposed: Record<string, object> = {};
    if (spec.portBindings?.length) {
      hostConfig.PortBindings = {};
      for (const p of spec.portBindings) {
        const key = `${p.containerPort}/${p.protocol}`;
        exposed[key] = {};
        (hostConfig.PortBindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
      }
    }
    const opts: Docker.ContainerCreateOptions = {
      name: spec.name,
      Image: spec.image,
      Env: spec.env,
      Labels: spec.labels,
      HostConfig: hostConfig,
      ...(networking ? { NetworkingConfig: networking } : {}),
      ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
      ...(spec.cmd ? { Cmd: spec.cmd } : {}),
      ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
      ...(spec.hostname ? { Hostname: spec.hostname } : {}),
      ...(spec.stopSignal ? { StopSignal: spec.stopSignal } : {}),
      ...(spec.tty ? { Tty: true } : {}),
      ...(spec.openStdin ? { OpenStdin: true, AttachStdin: true } : {}),
      ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
    };
    return this.call(async () => {
      try {
        return (await this.docker.createContainer(opts)).id;
      } catch (e) {
        throw new Error(messageOf(e));
      }
    });
  }

  async startContainer(id: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).start();
      } catch (e) {
        if (statusOf(e) === 304) return;
        throw new Error(messageOf(e));
      }
    });
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).stop({ t: Math.max(0, Math.ceil(graceSeconds)) });
      } catch (e) {
        const s = statusOf(e);
        if (s === 304 || s === 404) return;
        throw e;
      }
    });
  }

  async killContainer(id: string, signal: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).kill({ signal });
      } catch (e) {
        const s = statusOf(e);
        if (s === 404 || s === 409) return;
        throw e;
      }
    });
  }

  async removeContainer(id: string, opts: { force?: boolean; removeVolumes?: boolean } = {}): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getContainer(id).remove({ force: !!opts.force, v: !!opts.removeVolumes });
      } catch (e) {
        const s = statusOf(e);
        if (s === 404 || s === 409) return; // gone, or already being removed
        throw e;
      }
    });
  }

  async inspectContainer(idOrName: string): Promise<RuntimeContainer | null> {
    return this.call(async () => {
      let i: Docker.ContainerInspectInfo;
      try {
        i = await this.docker.getContainer(idOrName).inspect();
      } catch (e) {
        if (statusOf(e) === 404) return null;
        throw e;
      }
      const nets = Object.values(i.NetworkSettings?.Networks ?? {});
      return {
        id: i.Id,
        name: i.Name.replace(/^\//, ''),
        labels: i.Config.Labels ?? {},
        image: i.Config.Image,
        imageId: i.Image,
        state: i.State.Status as RuntimeContainer['state'],
        exitCode: i.State.ExitCode,
        oomKilled: i.State.OOMKilled,
        error: i.State.Error ?? '',
        createdAt: i.Created,
        startedAt: iso(i.State.StartedAt),
        finishedAt: iso(i.State.FinishedAt),
        ipAddress: nets.find((n) => n.IPAddress)?.IPAddress || undefined,
        pid: i.State.Pid || undefined,
      };
    });
  }

  async listContainers(labels: Record<string, string>): Promise<RuntimeContainer[]> {
    const list = await this.call(() => this.docker.listContainers({ all: true, filters: { label: labelFilters(labels) } }));
    return list.map((c) => {
      const exit = /^Exited \((-?\d+)\)/.exec(c.Status);
      const nets = Object.values(c.NetworkSettings?.Networks ?? {});
      return {
        id: c.Id,
        name: (c.Names[0] ?? '').replace(/^\//, ''),
        labels: c.Labels ?? {},
        image: c.Image,
        imageId: c.ImageID,
        state: c.State as RuntimeContainer['state'],
        exitCode: exit ? Number(exit[1]) : 0,
        oomKilled: false,
        error: '',
        createdAt: new Date(c.Created * 1000).toISOString(),
        ipAddress: nets.find((n) => n.IPAddress)?.IPAddress || undefined,
      };
    });
  }

  async createVolume(name: string, labels: Record<string, string>): Promise<void> {
    await this.call(() => this.docker.createVolume({ Name: name, Labels: labels }));
  }

  async removeVolume(name: string): Promise<void> {
    await this.call(async () => {
      try {
        await this.docker.getVolume(name).remove();
      } catch (e) {
        if (statusOf(e) !== 404) throw e;
      }
    });
  }

  async listVolumes(labels: Record<string, string>) {
    const r = await this.call(() => this.docker.listVolumes({ filters: { label: labelFilters(labels) } }));
    return (r.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  }

  async logs(id: string, opts: LogStreamOptions): Promise<NodeJS.ReadableStream> {
    return this.call(async () => {
      const c = this.docker.getContainer(id);
      const info = await c.inspect();
      let since: number | undefined;
      if (opts.sinceSeconds) since = Math.floor(Date.now() / 1000) - opts.sinceSeconds;
      if (opts.sinceTime) since = Math.floor(Date.parse(opts.sinceTime) / 1000);
      const base = { stdout: true, stderr: true, timestamps: !!opts.timestamps, tail: opts.tail !== undefined && opts.tail >= 0 ? opts.tail : ('all' as unknown as number), ...(since ? { since } : {}) };
      const out = new PassThrough();
      if (opts.follow) {
        const raw = (await c.logs({ ...base, follow: true })) as unknown as NodeJS.ReadableStream;
        if (info.Config.Tty) raw.pipe(out);
        else demuxInto(raw, out, out);
        out.on('close', () => (raw as unknown as { destroy?: () => void }).destroy?.());
      } else {
        const buf = (await c.logs({ ...base, follow: false })) as unknown as Buffer;
        const raw = Readable.from([buf]);
        if (info.Config.Tty) raw.pipe(out);
        else demuxInto(raw, out, out);
      }
      return out;
    });
  }

  async exec(id: string, opts: { cmd: string[]; stdin?: boolean; tty?: boolean; env?: string[]; workingDir?: string }): Promise<ExecSession> {
    return this.call(async () => {
      const exec = await this.docker.getContainer(id).exec({
        Cmd: opts.cmd,
        AttachStdin: !!opts.stdin,
        AttachStdout: true,
        AttachStderr: true,
        Tty: !!opts.tty,
        ...(opts.env ? { Env: opts.env } : {}),
        ...(opts.workingDir ? { WorkingDir: opts.workingDir } : {}),
      });
      const stream = (await exec.start({ hijack: true, stdin: !!opts.stdin, Tty: !!opts.tty })) as unknown as import('node:stream').Duplex;
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      if (opts.tty) {
        stream.pipe(stdout);
        stream.on('end', () => stderr.end());
      } else demuxInto(stream, stdout, stderr);
      const ended = new Promise<void>((r) => {
        stream.on('end', r);
        stream.on('close', r);
        stream.on('error', () => r());
      });
      return {
        stdin: opts.stdin ? stream : null,
        stdout,
        stderr,
        resize: async (w: number, h: number) => {
          await exec.resize({ w, h }).catch(() => {});
        },
        wait: async () => {
          await ended;
          for (let i = 0; i < 100; i++) {
            const st = await exec.inspect();
            if (!st.Running) return st.ExitCode ?? 0;
            await new Promise((r) => setTimeout(r, 20));
          }
          return (await exec.inspect()).ExitCode ?? 0;
        },
        close: () => stream.destroy(),
      };
    });
  }

  events(labels: Record<string, string>, onEvent: (e: RuntimeEvent) => void): { close(): void } {
    let closed = false;
    let current: NodeJS.ReadableStream | undefined;
    let delay = 250;
    const connect = () => {
      if (closed) return;
      this.docker
        .getEvents({ filters: { type: ['container'], label: labelFilters(labels), event: ['start', 'die', 'destroy', 'oom', 'kill', 'stop', 'create'] } })
        .then((stream) => {
          delay = 250;
          current = stream;
          let buf = '';
          stream.on('data', (chunk: Buffer) => {
            buf += chunk.toString('utf8');
            let nl: number;
            while ((nl = buf.indexOf('\n')) >= 0) {
              const line = buf.slice(0, nl).trim();
              buf = buf.slice(nl + 1);
              if (!line) continue;
              try {
                const e = JSON.parse(line) as { Action: string; Actor: { ID: string; Attributes: Record<string, string> } };
                const attrs = e.Actor.Attributes ?? {};
                onEvent({ id: e.Actor.ID, action: e.Action, labels: attrs, exitCode: attrs.exitCode !== undefined ? Number(attrs.exitCode) : undefined });
              } catch {
                /* a malformed line: skip it */
              }
            }
          });
          const again = () => {
            if (closed) return;
            setTimeout(connect, delay).unref();
            delay = Math.min(delay * 2, 5000);
          };
          stream.on('end', again);
          stream.on('error', again);
        })
        .catch(() => {
          if (closed) return;
          setTimeout(connect, delay).unref();
          delay = Math.min(delay * 2, 5000);
        });
    };
    connect();
    return {
      close: () => {
        closed = true;
        (current as unknown as { destroy?: () => void })?.destroy?.();
      },
    };
  }

  async buildImage(tag: string, contextFiles: Record<string, Buffer | string>): Promise<void> {
    await this.call(async () => {
      const stream = await this.docker.buildImage(Readable.from([tarFiles(contextFiles)]), { t: tag });
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(stream, (err: Error | null, out: { error?: string }[]) => {
          const failed = err?.message ?? out?.find((o) => o.error)?.error;
          if (failed) reject(new Error(failed));
          else resolve();
        });
      });
    });
  }
}
