// Pure translation of a Pod into the containers, volumes and names kbx asks the runtime for.
// Names are deterministic, so after any restart the kubelet finds what it made before.
import type { Container, Pod } from '../api/types.js';
import { LABELS, networkName, type ContainerSpec, type PortBinding, type VolumeOptions } from '../runtime/runtime.js';
import { cpuToNanoCpus, memoryToBytes } from '../api/quantity.js';
import type { PodNetworkSettings } from '../dataplane/manager.js';

const INFRA_SLEEP = ['/bin/sleep', '2147483647'];

export type Role = 'infra' | 'init' | 'app';

export interface PodRef {
  clusterId: string;
  network: string;
}

export const INFRA_NAME = 'POD';

function shortUid(pod: Pod): string {
  return (pod.metadata.uid ?? '').slice(0, 8);
}

/** `kbx-<cluster>_<container>_<pod>_<ns>_<uid8>_<attempt>`; '_' never appears in Kubernetes names. */
export function containerName(clusterId: string, pod: Pod, container: string, attempt: number): string {
  return `kbx-${clusterId}_${container}_${pod.metadata.name}_${pod.metadata.namespace}_${shortUid(pod)}_${attempt}`;
}

export function volumeName(clusterId: string, pod: Pod, volume: string): string {
  return `kbx-${clusterId}_${shortUid(pod)}_${pod.metadata.name}_${volume}`.slice(0, 200);
}

export function podLabels(clusterId: string, pod: Pod): Record<string, string> {
  return {
    [LABELS.managed]: 'true',
    [LABELS.cluster]: clusterId,
    [LABELS.namespace]: pod.metadata.namespace!,
    [LABELS.pod]: pod.metadata.name!,
    [LABELS.podUid]: pod.metadata.uid!,
  };
}

export function infraSpec(clusterId: string, pod: Pod, image: string, net?: PodNetworkSettings): ContainerSpec {
  // The pod's hostname is its name (truncated to a DNS label, as the kubelet does).
  const hostname = (pod.spec.hostname ?? pod.metadata.name!).slice(0, 63).replace(/[.-]+$/, '');
  const spec: ContainerSpec = {
    name: containerName(clusterId, pod, INFRA_NAME, 0),
    image,
    // PID 1 without a shell: ignores SIGTERM, so kbx stops it with SIGKILL when the pod goes.
    entrypoint: [INFRA_SLEEP[0]!],
    cmd: INFRA_SLEEP.slice(1),
    env: [],
    labels: { ...podLabels(clusterId, pod), [LABELS.container]: INFRA_NAME, [LABELS.role]: 'infra', [LABELS.restartCount]: '0' },
    hostname,
    network: { mode: 'network', name: networkName(clusterId), aliases: [] },
    mounts: [],
  };
  const published = hostPortBindings(pod);
  if (published.length) spec.portBindings = published;
  if (net) {
    // Services: the service CIDR is routed to the data plane (the sandbox sets the route, then becomes the
    // same sleeping PID 1); app containers inherit the route and the DNS settings with the network namespace.
    spec.entrypoint = ['/bin/sh'];
    spec.cmd = ['-c', `ip route add ${net.serviceCIDR} via ${net.gateway} 2>/dev/null; exec ${INFRA_SLEEP.join(' ')}`];
    spec.capAdd = ['NET_ADMIN'];
    Object.assign(spec, podDns(pod, net));
  }
  return spec;
}

/**
 * containerPort → hostPort, published by the sandbox (which owns the network namespace) on the port's hostIP,
 * else on the node's loopback (kbx's node address; SCTP is not published by Docker's proxy).
 */
export function hostPortBindings(pod: Pod): PortBinding[] {
  const out: PortBinding[] = [];
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    for (const p of (c.ports ?? []) as { containerPort: number; hostPort?: number; hostIP?: string; protocol?: string }[]) {
      if (!p.hostPort) continue;
      const protocol = (p.protocol ?? 'TCP').toLowerCase();
      if (protocol !== 'tcp' && protocol !== 'udp') continue;
      out.push({ containerPort: p.containerPort, protocol, hostIp: p.hostIP || '127.0.0.1', hostPort: p.hostPort });
    }
  }
  return out;
}

/** dnsPolicy ClusterFirst (the default): the cluster DNS and Kubernetes' search path; Default: the node's; plus dnsConfig. */
export function podDns(pod: Pod, net: PodNetworkSettings): Pick<ContainerSpec, 'dns' | 'dnsSearch' | 'dnsOptions'> {
  const spec = pod.spec as Record<string, any>;
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  const cfg = (spec.dnsConfig ?? {}) as { nameservers?: string[]; searches?: string[]; options?: { name: string; value?: string }[] };
  let dns: string[] = [];
  let search: string[] = [];
  let options: string[] = [];
  if (policy === 'ClusterFirst' || policy === 'ClusterFirstWithHostNet') {
    const ns = pod.metadata.namespace ?? 'default';
    dns = [net.dnsIP];
    search = [`${ns}.svc.${net.domain}`, `svc.${net.domain}`, net.domain];
    options = ['ndots:5'];
  }
  dns = [...dns, ...(cfg.nameservers ?? [])];
  search = [...search, ...(cfg.searches ?? [])];
  for (const o of cfg.options ?? []) {
    options = options.filter((x) => x.split(':')[0] !== o.name);
    options.push(o.value !== undefined ? `${o.name}:${o.value}` : o.name);
  }
  return { ...(dns.length ? { dns } : {}), ...(search.length ? { dnsSearch: search } : {}), ...(options.length ? { dnsOptions: options } : {}) };
}

/**
 * Kubernetes' command/args over Docker's entrypoint/cmd: `command` replaces the image's ENTRYPOINT
 * (and then the image's CMD is dropped), `args` replaces CMD.
 */
export function appSpec(
  clusterId: string,
  pod: Pod,
  c: Container,
  role: 'init' | 'app' | 'ephemeral',
  attempt: number,
  infraId: string,
  extraEnv: string[] = [],
  /** The environment as env.ts resolved it (replaces extraEnv + literal values) and the API-data volume mounts. */
  resolved: { env?: string[]; mounts?: ContainerSpec['mounts'] } = {},
): ContainerSpec {
  const env = resolved.env ?? [...extraEnv, ...(c.env ?? []).filter((e) => e.value !== undefined || !e.valueFrom).map((e) => `${e.name}=${e.value ?? ''}`)];
  const limits = c.resources?.limits ?? {};
  const spec: ContainerSpec = {
    name: containerName(clusterId, pod, c.name, attempt),
    image: c.image,
    env,
    labels: {
      ...podLabels(clusterId, pod),
      [LABELS.container]: c.name,
      [LABELS.role]: role,
      [LABELS.restartCount]: String(attempt),
    },
    network: { mode: 'container', id: infraId },
    mounts: [...mountsFor(clusterId, pod, c), ...(resolved.mounts ?? [])],
  };
  if (c.command?.length) {
    spec.entrypoint = c.command;
    spec.cmd = c.args ?? [];
  } else if (c.args) {
    spec.cmd = c.args;
  }
  if (c.workingDir) spec.workingDir = c.workingDir;
  if (limits.memory !== undefined) spec.memoryBytes = memoryToBytes(String(limits.memory));
  if (limits.cpu !== undefined) spec.nanoCpus = cpuToNanoCpus(String(limits.cpu));
  if (c.tty) spec.tty = true;
  if (c.stdin) spec.openStdin = true;
  if (c.stdin && c.stdinOnce) spec.stdinOnce = true;
  return spec;
}

function mountsFor(clusterId: string, pod: Pod, c: Container): ContainerSpec['mounts'] {
  const out: ContainerSpec['mounts'] = [];
  for (const m of c.volumeMounts ?? []) {
    const v = (pod.spec.volumes ?? []).find((x) => x.name === m.name);
    if (!v) continue;
    if (v.hostPath) {
      const source = m.subPath ? `${v.hostPath.path.replace(/\/+$/, '')}/${m.subPath}` : v.hostPath.path;
      out.push({ type: 'bind', source, target: m.mountPath, readOnly: !!m.readOnly });
    } else if (v.emptyDir) {
      out.push({ type: 'volume', source: volumeName(clusterId, pod, v.name), target: m.mountPath, readOnly: !!m.readOnly, ...(m.subPath ? { subPath: m.subPath } : {}) });
    }
  }
  return out;
}

/**
 * How an emptyDir volume is made: medium Memory is a tmpfs, of sizeLimit bytes when set; its directory is 0777 as
 * the kubelet makes it, and with the pod's fsGroup it belongs to that group with the setgid bit (the kubelet's
 * SetVolumeOwnership), so a non-root container can write to it.
 */
export function emptyDirOptions(v: { emptyDir?: { medium?: string; sizeLimit?: string } }, fsGroup?: number): VolumeOptions {
  const own: VolumeOptions = typeof fsGroup === 'number' ? { mode: 0o2777, gid: fsGroup } : { mode: 0o777 };
  if (v.emptyDir?.medium !== 'Memory') return own;
  return { tmpfs: true, ...(v.emptyDir.sizeLimit ? { sizeBytes: memoryToBytes(String(v.emptyDir.sizeLimit)) } : {}), ...own };
}

/** Volumes the runtime must create for a pod (emptyDirs). */
export function podVolumes(clusterId: string, pod: Pod): string[] {
  return (pod.spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => volumeName(clusterId, pod, v.name));
}
