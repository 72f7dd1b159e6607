// `kubectl describe` texts: lines of tab-separated cells, aligned by Go's tabwriter
// (minwidth 0, padding 2) exactly as kubectl's describers write them. Pure: time and zone are inputs.
import type { Container, ContainerState, ContainerStatus, EventObject, KObject, Pod } from '../api/types.js';
import { tabwrite } from '../cli/output/tabwriter.js';
import { translateTimestampSince, translateTimestampUntil } from './duration.js';
import { qosClass } from '../registry/strategies.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** Collects describe lines; LEVEL n indents by 2n spaces, as kubectl's PrefixWriter. */
class Out {
  lines: string[] = [];
  private partial = '';
  write(level: number, text: string): void {
    const s = (this.partial === '' ? '  '.repeat(level) : '') + text;
    const parts = (this.partial + s).split('\n');
    this.partial = parts.pop()!;
    this.lines.push(...parts);
  }
  /** Text so far, aligned as one tabwriter flush. */
  flush(): string {
    const text = this.lines.join('\n') + (this.lines.length ? '\n' : '');
    this.lines = [];
    return tabwrite(text, { minwidth: 0, padding: 2 });
  }
}

/** Go's time.RFC1123Z in the given UTC offset (minutes east), e.g. `Mon, 02 Jan 2006 15:04:05 -0700`. */
export function rfc1123z(ts: string | undefined, offsetMinutes = -new Date().getTimezoneOffset()): string {
  if (!ts) return '';
  const d = new Date(Date.parse(ts) + offsetMinutes * 60_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const off = Math.abs(offsetMinutes);
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${sign}${p(Math.floor(off / 60))}${p(off % 60)}`;
}

export interface DescribeContext {
  now: number;
  tzOffsetMinutes?: number;
}

function labelsMultiline(w: Out, title: string, labels: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

function annotationsMultiline(w: Out, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => k !== LAST_APPLIED).sort();
  if (!keys.length) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    const value = annotations![k]!.replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 5) + '...' : s}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

function tolerationsMultiline(w: Out, title: string, tolerations: any[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!tolerations?.length) {
    w.write(0, '<none>\n');
    return;
  }
  tolerations.forEach((t, i) => {
    if (i) w.write(0, '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

export function describeProbe(p: any): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = String(p.httpGet.scheme ?? 'HTTP').toLowerCase();
    const port = p.httpGet.port !== undefined ? String(p.httpGet.port) : '';
    const host = p.httpGet.host ?? '';
    const hostPort = port ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host;
    return `http-get ${scheme}://${hostPort}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: Out, name: string, s: ContainerState, ctx: DescribeContext): void {
  const t = (x?: string) => rfc1123z(x, ctx.tzOffsetMinutes);
  if (s.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${t(s.running.startedAt)}\n`);
  } else if (s.waiting) {
    w.write(2, `${name}:\tWaiting\n`);
    if (s.waiting.reason) w.write(3, `Reason:\t${s.waiting.reason}\n`);
  } else if (s.terminated) {
    const x = s.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (x.reason) w.write(3, `Reason:\t${x.reason}\n`);
    if (x.message) w.write(3, `Message:\t${x.message}\n`);
    w.write(3, `Exit Code:\t${x.exitCode}\n`);
    if (x.signal) w.write(3, `Signal:\t${x.signal}\n`);
    w.write(3, `Started:\t${t(x.startedAt)}\n`);
    w.write(3, `Finished:\t${t(x.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
  }
}

function describeContainers(w: Out, label: string, containers: Container[], statuses: ContainerStatus[] | undefined, ctx: DescribeContext): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, containers.length ? `${label}:\n` : `${label}: <none>\n`);
  for (const c of containers) {
    const st = byName.get(c.name);
    w.write(1, `${c.name}:\n`);
    if (st) w.write(2, `Container ID:\t${st.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (st) w.write(2, `Image ID:\t${st.imageID}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`);
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const x of c.command) for (const s of x.split('\n')) w.write(3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const x of c.args) for (const s of x.split('\n')) w.write(3, `${s}\n`);
    }
    if (st) {
      describeState(w, 'State', st.state, ctx);
      if (st.lastState?.terminated) describeState(w, 'Last State', st.lastState, ctx);
      w.write(2, `Ready:\t${st.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${st.restartCount}\n`);
    }
    for (const [title, map] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
      const keys = Object.keys(map ?? {}).sort();
      if (!keys.length) continue;
      w.write(2, `${title}:\n`);
      for (const k of keys) w.write(3, `${k}:\t${map![k]}\n`);
    }
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env = c.env ?? [];
    w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`);
    for (const e of env) {
      if (e.valueFrom) {
        const vf = e.valueFrom as any;
        if (vf.fieldRef) w.write(3, `${e.name}:\t (${vf.fieldRef.apiVersion ?? 'v1'}:${vf.fieldRef.fieldPath})\n`);
        else w.write(3, `${e.name}:\t<set from a source kbx does not resolve>\n`);
        continue;
      }
      (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
    }
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => a.mountPath.localeCompare(b.mountPath));
    w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])];
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

function describeVolumes(w: Out, volumes: any[] | undefined): void {
  if (!volumes?.length) {
    w.write(0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`);
    if (v.hostPath) {
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`);
    } else if (v.emptyDir) {
      const size = v.emptyDir.sizeLimit ? String(v.emptyDir.sizeLimit) : '<unset>';
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`);
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${!!v.configMap.optional}\n`);
    } else {
      w.write(2, `Type:\t<unknown>\n`);
    }
  }
}

/** kubectl's DescribeEvents: sorted by time, `Age` with `(xN over M)` for repeated events. */
function describeEvents(w: Out, events: EventObject[] | undefined, ctx: DescribeContext): string {
  if (!events) return '';
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n');
    return '';
  }
  const before = w.flush();
  const sorted = [...events].sort((a, b) => Date.parse(a.lastTimestamp ?? a.firstTimestamp ?? '') - Date.parse(b.lastTimestamp ?? b.firstTimestamp ?? ''));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = translateTimestampSince(e.firstTimestamp ?? e.eventTime ?? undefined, ctx.now);
    const interval = (e.count ?? 1) > 1 ? `${translateTimestampSince(e.lastTimestamp, ctx.now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
  return before;
}

export function describePod(pod: Pod, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new Out();
  const m = pod.metadata;
  const st = pod.status ?? {};
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Namespace:\t${m.namespace}\n`);
  if (typeof (pod.spec as any).priority === 'number') w.write(0, `Priority:\t${(pod.spec as any).priority}\n`);
  if ((pod.spec as any).priorityClassName) w.write(0, `Priority Class Name:\t${(pod.spec as any).priorityClassName}\n`);
  if (pod.spec.serviceAccountName) w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime, ctx.tzOffsetMinutes)}\n`);
  labelsMultiline(w, 'Labels', m.labels);
  annotationsMultiline(w, 'Annotations', m.annotations);
  if (m.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampUntil(m.deletionTimestamp, ctx.now)})\n`);
    w.write(0, `Termination Grace Period:\t${m.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${st.phase ?? ''}\n`);
  }
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of st.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = m.ownerReferences?.find((o) => o.controller);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (pod.spec.initContainers?.length) describeContainers(w, 'Init Containers', pod.spec.initContainers, st.initContainerStatuses, ctx);
  describeContainers(w, 'Containers', pod.spec.containers, st.containerStatuses, ctx);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, pod.spec.volumes);
  w.write(0, `QoS Class:\t${st.qosClass ?? qosClass(pod)}\n`);
  labelsMultiline(w, 'Node-Selectors', (pod.spec as any).nodeSelector);
  tolerationsMultiline(w, 'Tolerations', (pod.spec as any).tolerations);
  const before = describeEvents(w, events, ctx);
  return before + w.flush();
}

export function describeNamespace(ns: KObject, _events: EventObject[] | undefined, _ctx: DescribeContext): string {
  const w = new Out();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n\nNo LimitRange resource.\n');
  return w.flush();
}

export function describeNode(node: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new Out();
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${Object.keys(node.metadata.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.split('/')[1]).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp, ctx.tzOffsetMinutes)}\n`);
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n  ----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of st.conditions ?? []) {
    w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime, ctx.tzOffsetMinutes)} \t${rfc1123z(c.lastTransitionTime, ctx.tzOffsetMinutes)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const info = st.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  w.write(1, `Kernel Version:\t${info.kernelVersion ?? ''}\n`);
  w.write(1, `OS Image:\t${info.osImage ?? ''}\n`);
  w.write(1, `Operating System:\t${info.operatingSystem ?? ''}\n`);
  w.write(1, `Architecture:\t${info.architecture ?? ''}\n`);
  w.write(1, `Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
  w.write(1, `Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
  const before = describeEvents(w, events, ctx);
  return before + w.flush();
}

/** Anything without a describer of its own: its metadata and spec/status as YAML-ish lines. */
function describeGeneric(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new Out();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  if (obj.metadata.namespace) w.write(0, `Namespace:\t${obj.metadata.namespace}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `API Version:\t${obj.apiVersion}\n`);
  w.write(0, `Kind:\t${obj.kind}\n`);
  const before = describeEvents(w, events, ctx);
  return before + w.flush();
}

export type Describer = (obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext) => string;

/** kind → describer; later kinds (Deployment, ReplicaSet, Service) register here. */
export const DESCRIBERS: Record<string, Describer> = {
  Pod: (o, e, c) => describePod(o as Pod, e, c),
  Namespace: describeNamespace,
  Node: describeNode,
};

export function describeObject(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  return (DESCRIBERS[obj.kind ?? ''] ?? describeGeneric)(obj, events, ctx);
}
