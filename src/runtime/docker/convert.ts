// Pure translations between kbx's runtime shapes and Docker Engine API shapes (API 1.41 and newer).
import type Docker from 'dockerode';
import type { ContainerSpec, ContainerStateName, ContainerStats, RuntimeContainer, RuntimeEvent } from '../runtime.js';

/** Docker's "never" timestamp. */
const ZERO_TIME = '0001-01-01';

/** RFC 3339 with nanoseconds → ISO 8601 with milliseconds; undefined for Docker's zero time. */
export function isoTime(t: string | undefined): string | undefined {
  if (!t || t.startsWith(ZERO_TIME)) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? t : new Date(ms).toISOString();
}

export function labelFilter(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

/**
 * The body of POST /containers/create. A volume mount with a subPath is a bind of that path under the volume's
 * mountpoint on the engine's side (`mountpoints`: volume name → Mountpoint, from the engine): Docker's volume
 * subpath needs API 1.45, and a `Binds` entry, unlike a bind mount, creates the directory when it is missing, as
 * the kubelet does for a subPath.
 */
export function createOptions(spec: ContainerSpec, mountpoints: Record<string, string> = {}): Docker.ContainerCreateOptions {
  const joined = spec.network?.mode === 'container';
  const binds: string[] = [];
  const mounts: Docker.MountSettings[] = [];
  for (const m of spec.mounts) {
    if (m.type === 'volume' && m.subPath) {
      const base = mountpoints[m.source];
      if (!base) throw new Error(`volume ${m.source} has no mountpoint for subPath ${m.subPath}`);
      binds.push(`${base.replace(/\/+$/, '')}/${m.subPath}:${m.target}${m.readOnly ? ':ro' : ''}`);
    } else mounts.push({ Type: m.type, Source: m.source, Target: m.target, ReadOnly: !!m.readOnly });
  }
  const host: Docker.HostConfig = {
    Mounts: mounts,
    ...(binds.length ? { Binds: binds } : {}),
    // Logs must stay readable through the API whatever the engine's default driver is, and bounded like the
    // kubelet's (10Mi per file).
    LogConfig: { Type: 'json-file', Config: { 'max-size': '10m', 'max-file': '3' } },
  };
  let networking: Docker.ContainerCreateOptions['NetworkingConfig'];
  if (spec.network?.mode === 'container') host.NetworkMode = `container:${spec.network.id}`;
  if (spec.pidMode) host.PidMode = spec.pidMode;
  if (spec.ipcMode) host.IpcMode = spec.ipcMode;
  if (spec.network?.mode === 'none') host.NetworkMode = 'none';
  else if (spec.network?.mode === 'network') {
    host.NetworkMode = spec.network.name;
    networking = { EndpointsConfig: { [spec.network.name]: { Aliases: spec.network.aliases ?? [] } } };
  }
  if (spec.memoryBytes) {
    host.Memory = spec.memoryBytes;
    host.MemorySwap = spec.memoryBytes; // no swap on top, as on a Kubernetes node: exceeding the limit is an OOM kill
  }
  if (spec.nanoCpus) host.NanoCpus = spec.nanoCpus;
  if (spec.capAdd?.length) host.CapAdd = spec.capAdd;
  if (spec.capDrop?.length) host.CapDrop = spec.capDrop;
  if (spec.groupAdd?.length) host.GroupAdd = spec.groupAdd;
  if (spec.readonlyRootfs) host.ReadonlyRootfs = true;
  if (spec.privileged) host.Privileged = true;
  if (spec.securityOpt?.length) host.SecurityOpt = spec.securityOpt;
  if (spec.sysctls && Object.keys(spec.sysctls).length) host.Sysctls = spec.sysctls;
  if (spec.restartUnlessStopped) host.RestartPolicy = { Name: 'unless-stopped' };
  // A container that joins another's network namespace shares its hostname, /etc/hosts and /etc/resolv.conf, and
  // Docker rejects setting them ("conflicting options: hostname and the network mode"): the infra container has them.
  if (!joined) {
    if (spec.extraHosts?.length) host.ExtraHosts = spec.extraHosts;
    if (spec.dns?.length) host.Dns = spec.dns;
    if (spec.dnsSearch?.length) host.DnsSearch = spec.dnsSearch;
    if (spec.dnsOptions?.length) host.DnsOptions = spec.dnsOptions;
  }
  const exposed: Record<string, object> = {};
  if (spec.portBindings?.length) {
    host.PortBindings = {};
    for (const p of spec.portBindings) {
      const key = `${p.containerPort}/${p.protocol}`;
      exposed[key] = {};
      (host.PortBindings[key] ??= []).push({ HostIp: p.hostIp, HostPort: p.hostPort ? String(p.hostPort) : '' });
    }
  }
  return {
    name: spec.name,
    Image: spec.image,
    Env: spec.env,
    Labels: spec.labels,
    HostConfig: host,
    ...(networking ? { NetworkingConfig: networking } : {}),
    ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
    ...(spec.cmd ? { Cmd: spec.cmd } : {}),
    ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
    ...(spec.user ? { User: spec.user } : {}),
    ...(spec.hostname && !joined ? { Hostname: spec.hostname } : {}),
    ...(spec.stopSignal ? { StopSignal: spec.stopSignal } : {}),
    ...(spec.tty ? { Tty: true } : {}),
    // Stdin stays open (a process reading it waits rather than seeing EOF), like a pod container with stdin: true.
    ...(spec.openStdin ? { OpenStdin: true } : {}),
    ...(spec.stdinOnce ? { StdinOnce: true } : {}),
    ...(Object.keys(exposed).length ? { ExposedPorts: exposed } : {}),
  };
}

/** The IP on the container's own network (not a joined namespace, which has none of its own). */
function ipOn(networkMode: string | undefined, networks: Record<string, { IPAddress?: string }> | undefined): string | undefined {
  if (!networks) return undefined;
  const own = networkMode ? networks[networkMode]?.IPAddress : undefined;
  return own || Object.values(networks).find((n) => n.IPAddress)?.IPAddress || undefined;
}

/** "Exited (137) 5 seconds ago" / "Restarting (1) 2 seconds ago" → the code; the list has no other field for it. */
export function exitCodeFromStatus(status: string): number {
  const m = /^(?:Exited|Restarting) \((-?\d+)\)/.exec(status);
  return m ? Number(m[1]) : 0;
}

export function fromListItem(c: Docker.ContainerInfo): RuntimeContainer {
  return {
    id: c.Id,
    name: (c.Names?.[0] ?? '').replace(/^\//, ''),
    labels: c.Labels ?? {},
    image: c.Image,
    imageId: c.ImageID,
    state: c.State as ContainerStateName,
    exitCode: exitCodeFromStatus(c.Status ?? ''),
    oomKilled: false,
    error: '',
    createdAt: new Date(c.Created * 1000).toISOString(),
    ipAddress: ipOn(c.HostConfig?.NetworkMode, c.NetworkSettings?.Networks),
  };
}

export function fromInspect(i: Docker.ContainerInspectInfo): RuntimeContainer {
  return {
    id: i.Id,
    name: i.Name.replace(/^\//, ''),
    labels: i.Config.Labels ?? {},
    image: i.Config.Image,
    imageId: i.Image,
    state: i.State.Status as ContainerStateName,
    exitCode: i.State.ExitCode,
    oomKilled: i.State.OOMKilled,
    error: i.State.Error ?? '',
    createdAt: isoTime(i.Created) ?? i.Created,
    startedAt: isoTime(i.State.StartedAt),
    finishedAt: isoTime(i.State.FinishedAt),
    ipAddress: ipOn(i.HostConfig?.NetworkMode, i.NetworkSettings?.Networks),
    pid: i.State.Pid || undefined,
    ...hostPortsOf(i.NetworkSettings?.Ports as Record<string, { HostPort?: string }[] | null> | undefined),
  };
}

function hostPortsOf(ports: Record<string, { HostPort?: string }[] | null> | undefined): { hostPorts?: Record<string, number> } {
  if (!ports) return {};
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(ports)) {
    const hp = Number(v?.[0]?.HostPort);
    if (hp) out[k] = hp;
  }
  return Object.keys(out).length ? { hostPorts: out } : {};
}

/** Attributes Docker adds beside the container's labels in an event. */
const EVENT_ATTRIBUTES = new Set(['image', 'name', 'exitCode', 'signal']);

/** One line of GET /events; undefined when it is not a container event. */
export function fromEvent(e: {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number;
}): RuntimeEvent | undefined {
  if (e.Type !== 'container' || !e.Action || !e.Actor?.ID) return undefined;
  const attrs = e.Actor.Attributes ?? {};
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (!EVENT_ATTRIBUTES.has(k)) labels[k] = v;
  return {
    id: e.Actor.ID,
    action: e.Action,
    labels,
    ...(attrs.exitCode !== undefined ? { exitCode: Number(attrs.exitCode) } : {}),
    ...(attrs.signal !== undefined ? { signal: attrs.signal } : {}),
    ...(attrs.name !== undefined ? { name: attrs.name } : {}),
    ...(e.timeNano ? { time: Math.floor(e.timeNano / 1e6) } : e.time ? { time: e.time * 1000 } : {}),
  };
}

/**
 * Docker's `since` for events after a given one: "seconds.nanoseconds". timeNano exceeds 2^53, so it is read from
 * the raw JSON text, not from the parsed (rounded) number. 1700000000123456789 → "1700000000.123456790".
 */
export function sinceAfter(timeNano: bigint): string {
  const next = timeNano + 1n;
  return `${next / 1_000_000_000n}.${(next % 1_000_000_000n).toString().padStart(9, '0')}`;
}

/** "Error response from daemon"-style text out of a dockerode error. */
export function dockerMessage(e: unknown): string {
  const j = (e as { json?: unknown }).json;
  if (j && typeof j === 'object' && typeof (j as { message?: unknown }).message === 'string') return (j as { message: string }).message;
  if (typeof j === 'string' && j.trim()) return j.trim();
  if (Buffer.isBuffer(j) && j.length) return j.toString('utf8').trim();
  const msg = e instanceof Error ? e.message : String(e);
  return msg.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}

export function statusOf(e: unknown): number | undefined {
  return (e as { statusCode?: number }).statusCode;
}

/** The fields of Docker's GET /containers/{id}/stats reply that resource metrics need. */
export interface DockerStatsReply {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number } };
  memory_stats?: { usage?: number; stats?: Record<string, number> };
}

/**
 * Docker's stats → kbx's. The working set is the kubelet's (cadvisor's): usage minus inactive file pages,
 * `inactive_file` under cgroup v2 and `total_inactive_file` under v1, never below 0.
 * E.g. usage 2 609 152, total_inactive_file 1 974 272 → 634 880 bytes. A reply without CPU figures (a stopped
 * container) is null.
 */
export function statsFromDocker(r: DockerStatsReply, now: number): ContainerStats | null {
  const cpu = r.cpu_stats?.cpu_usage?.total_usage;
  if (typeof cpu !== 'number' || cpu <= 0) return null;
  const usage = r.memory_stats?.usage ?? 0;
  const st = r.memory_stats?.stats ?? {};
  const inactive = st.inactive_file ?? st.total_inactive_file ?? 0;
  const read = r.read ? Date.parse(r.read) : NaN;
  return { cpuUsageNanoSeconds: cpu, memoryWorkingSetBytes: Math.max(0, usage - inactive), timestamp: Number.isFinite(read) && read > 0 ? read : now };
}
