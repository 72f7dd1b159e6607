// `kubectl describe` texts (kubectl pkg/describe/describe.go). The describers write tab-separated
// lines through a PrefixWriter (2 spaces per level) into Go's text/tabwriter configured as
// tabbedString does (minwidth 0, tabwidth 8, padding 2, ' ', no flags); the layout, including the
// trailing spaces it leaves, is whatever that tabwriter makes of them. DescribeEvents flushes the
// tabwriter before its table, so the events are aligned on their own.
// Pure: the current time and the time zone are inputs.
import type { Container, ContainerState, ContainerStatus, EventObject, KObject, Pod, Volume } from '../api/types.js';
import { canonicalQuantity, compareQuantities, quantityToString, tryParseQuantity, type Quantity } from '../api/quantity.js';
import { formatLabelSelector } from '../api/selectors.js';
import { podFieldValue } from '../api/downward-api.js';
import { parseTime, translateTimestampSince } from './duration.js';
import { TabWriter } from '../compat/tabwriter.js';
import { goQuote, goSprint } from '../compat/go-format.js';
import { escapeTerminal } from '../compat/terminal.js';
import { goSort } from '../compat/go-sort.js';
import { LAST_APPLIED_CONFIG_ANNOTATION as LAST_APPLIED } from '../api/deployment-util.js';

export interface DescribeContext {
  /** The current time, ms since the epoch (ages are computed against it). */
  now: number;
  /** IANA zone for dates (kubectl prints them in the process's local zone); default: local. */
  timeZone?: string;
  /** A fixed UTC offset in minutes east, instead of timeZone (kept for older callers). */
  tzOffsetMinutes?: number;
  /**
   * Related objects some describers print, fetched by the caller: a node's non-terminated pods
   * (`pods`) and its Lease (`lease`; a string is the error message when it could not be read).
   */
  related?: { pods?: KObject[]; lease?: KObject | string | null };
  [key: string]: unknown;
}

export type Describer = (obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext) => string;

const MAX_ANNOTATION_LEN = 140;

// ---------------------------------------------------------------------------------------------
// Writer and formatting helpers

/** kubectl's PrefixWriter, over tabbedString's tabwriter or (raw) straight into a buffer. */
export class PrefixWriter {
  private readonly tw: TabWriter | undefined;
  private raw = '';

  constructor(tabbed = true) {
    this.tw = tabbed ? new TabWriter(0, 8, 2, 0) : undefined;
  }

  /** Write(level, ...): the indent goes before the text, not before each line in it. */
  write(level: number, text: string): void {
    this.emit(escapeTerminal('  '.repeat(level) + text));
  }

  /** WriteLine: the text plus a newline, no indent. */
  writeLine(text: string): void {
    this.emit(escapeTerminal(text + '\n'));
  }

  flush(): void {
    this.tw?.flush();
  }

  private emit(s: string): void {
    if (this.tw) this.tw.write(s);
    else this.raw += s;
  }

  toString(): string {
    if (!this.tw) return this.raw;
    this.tw.flush();
    return this.tw.take();
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** The zone's UTC offset (minutes east) at instant t. */
function zoneOffsetMinutes(t: number, ctx: Pick<DescribeContext, 'timeZone' | 'tzOffsetMinutes'>): number {
  if (ctx.tzOffsetMinutes !== undefined) return ctx.tzOffsetMinutes;
  if (!ctx.timeZone) return -new Date(t).getTimezoneOffset();
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ctx.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUTC = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUTC - Math.floor(t / 1000) * 1000) / 60000);
}

/**
 * Go's time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`) in the context's zone. An absent time is
 * Go's zero time, which metav1.Time keeps in UTC.
 */
export function rfc1123z(ts: string | null | undefined, ctx: Pick<DescribeContext, 'timeZone' | 'tzOffsetMinutes'> | number = {}): string {
  const zone = typeof ctx === 'number' ? { tzOffsetMinutes: ctx } : ctx;
  const t = parseTime(ts);
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const off = zoneOffsetMinutes(t, zone);
  const d = new Date(t + off * 60_000);
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} ${sign}${pad2(Math.floor(a / 60))}${pad2(a % 60)}`;
}

/** Go sorts strings bytewise; code-unit order agrees for the ASCII keys used here. */
export const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);


/** Quantity.String(), falling back to the raw text for values that do not parse. */
export function quantityString(v: unknown): string {
  if (v === undefined || v === null) return '0';
  try {
    return canonicalQuantity(v as string | number);
  } catch {
    return String(v);
  }
}

/** printBool: `True`/`False`. */
const printBool = (b: unknown) => (b ? 'True' : 'False');
const stringOrNone = (s: string | undefined) => (s ? s : '<none>');

export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null): void {
  printLabelsMultilineWithIndent(w, '', title, '\t', labels);
}

function printLabelsMultilineWithIndent(
  w: PrefixWriter,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: Record<string, string> | undefined | null,
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byKey);
  if (!keys.length) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(0, initialIndent);
      w.write(0, innerIndent);
    }
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

function shorten(s: string, maxLength: number): string {
  return s.length > maxLength ? s.slice(0, maxLength) + '...' : s;
}

export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort(byKey);
  if (!keys.length) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number | null;
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine('<none>');
    return;
  }
  // sort.Slice by key; stable here, as Go's insertion sort is for short lists.
  const sorted = [...tolerations].sort((a, b) => byKey(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, t.key ?? '');
    if (t.value) w.write(0, `=${t.value}`);
    if (t.effect) w.write(0, `:${t.effect}`);
    // operator Exists without a value tolerates everything (for that key/effect).
    if (t.operator === 'Exists' && !t.value) w.write(0, t.key || t.effect ? ' op=Exists' : 'op=Exists');
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) w.write(0, ` for ${t.tolerationSeconds}s`);
    w.write(0, '\n');
  });
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(0, `${title}:\t`);
  if (!taints?.length) {
    w.writeLine('<none>');
    return;
  }
  const sorted = [...taints].sort((a, b) => byKey(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    // Taint.ToString: key[=value]:effect
    w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}${t.effect ? `:${t.effect}` : ''}\n`);
  });
}

// ---------------------------------------------------------------------------------------------
// Events

/** sort.Sort(event.SortableEvents): by lastTimestamp, oldest first (absent first), with Go's unstable sort. */
function sortEvents(events: EventObject[]): EventObject[] {
  const key = (e: EventObject) => parseTime(e.lastTimestamp) ?? -Infinity;
  return goSort([...events], (a, b) => key(a) < key(b));
}

export function writeEvents(w: PrefixWriter, events: EventObject[], now: number): void {
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const ev = e as EventObject & { series?: { count?: number; lastObservedTime?: string } | null };
    const first = parseTime(e.eventTime ?? undefined) !== undefined ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (ev.series) interval = `${translateTimestampSince(ev.series.lastObservedTime, now)} (x${ev.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

/** DescribeEvents on its own: `Events:  <none>` or the Type/Reason/Age/From/Message table. */
export function describeEvents(events: EventObject[] | undefined, now: number | DescribeContext): string {
  const w = new PrefixWriter();
  writeEvents(w, events ?? [], typeof now === 'number' ? now : now.now);
  return w.toString();
}

// ---------------------------------------------------------------------------------------------
// Pods

/** DescribeProbe: `http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(probe: Record<string, any>): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec ${goSprint(probe.exec.command ?? [])} ${attrs}`;
  if (probe.httpGet) {
    const h = probe.httpGet;
    const port = h.port === undefined || h.port === null ? '' : String(h.port);
    const host = port.length > 0 ? joinHostPort(h.host ?? '', port) : (h.host ?? '');
    return `http-get ${urlString(String(h.scheme ?? '').toLowerCase(), host, h.path ?? '')} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port ?? ''} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port ?? 0} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** url.URL{Scheme, Host, Path}.String(). */
function urlString(scheme: string, host: string, path: string): string {
  let s = '';
  if (scheme) s += scheme + ':';
  if (scheme || host) {
    s += '//' + host;
    if (path && !path.startsWith('/')) s += '/';
  }
  // url.URL escapes the path; this keeps what Go keeps in a path segment.
  return s + path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c));
}

function describeContainerPorts(ports: Container['ports'], hostPorts: boolean): string {
  return (ports ?? [])
    .map((p) => {
      // protocol defaults to TCP on the server; hostPort prints 0 when unset.
      let s = `${hostPorts ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol || 'TCP'}`;
      if (p.name) s = `${s} (${p.name})`;
      return s;
    })
    .join(', ');
}

function describeStatus(w: PrefixWriter, stateName: string, state: ContainerState | undefined, ctx: DescribeContext): void {
  if (state?.running) {
    w.write(2, `${stateName}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt, ctx)}\n`);
  } else if (state?.waiting) {
    w.write(2, `${stateName}:\tWaiting\n`);
    if (state.waiting.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${stateName}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode ?? 0}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt, ctx)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt, ctx)}\n`);
  } else {
    w.write(2, `${stateName}:\tWaiting\n`);
  }
}

function describeResources(w: PrefixWriter, resources: Container['resources'] | undefined, level: number): void {
  if (!resources) return;
  const limits = resources.limits ?? {};
  const requests = resources.requests ?? {};
  if (Object.keys(limits).length) w.write(level, 'Limits:\n');
  for (const k of Object.keys(limits).sort(byKey)) w.write(level + 1, `${k}:\t${quantityString(limits[k])}\n`);
  if (Object.keys(requests).length) w.write(level, 'Requests:\n');
  for (const k of Object.keys(requests).sort(byKey)) w.write(level + 1, `${k}:\t${quantityString(requests[k])}\n`);
}

/** A fieldRef's value as describe shows it (an unsupported path shows nothing). */
function fieldRefValue(pod: Pod, path: string): string {
  try {
    return podFieldValue(pod, path);
  } catch {
    return '';
  }
}

/** resourcehelper.ExtractContainerResourceValue: the container's limit/request in divisor units, rounded up. */
export function containerResourceValue(ref: { resource?: string; divisor?: string | number }, container: Container): string {
  const [kind, name] = (ref.resource ?? '').split('.') as [string, string];
  const list = kind === 'limits' ? container.resources?.limits : kind === 'requests' ? container.resources?.requests : undefined;
  if (!list || !name) return '';
  const q = tryParseQuantity((list[name] ?? '0') as string);
  const divisor = tryParseQuantity(ref.divisor ?? (name === 'cpu' ? '1' : '1'));
  if (!q || !divisor || divisor.unscaled === 0n) return '';
  // value / divisor, rounded up, on exact decimals.
  const e = Math.min(q.exp10, divisor.exp10);
  const num = q.unscaled * 10n ** BigInt(q.exp10 - e);
  const den = divisor.unscaled * 10n ** BigInt(divisor.exp10 - e);
  const out = num % den === 0n ? num / den : num / den + (num > 0n ? 1n : 0n);
  return out.toString();
}

function describeContainerEnvVars(w: PrefixWriter, container: Container, pod: Pod): void {
  const env = container.env ?? [];
  w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`);
  for (const e of env) {
    const vf = e.valueFrom as Record<string, any> | undefined;
    if (!vf) {
      (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      continue;
    }
    if (vf.fieldRef) {
      // The field label only converts for apiVersion v1 (which the server defaults); otherwise no value.
      const apiVersion = vf.fieldRef.apiVersion ?? '';
      const value = apiVersion === 'v1' ? fieldRefValue(pod, vf.fieldRef.fieldPath ?? '') : '';
      w.write(3, `${e.name}:\t${value} (${apiVersion}:${vf.fieldRef.fieldPath ?? ''})\n`);
    } else if (vf.resourceFieldRef) {
      let value = containerResourceValue(vf.resourceFieldRef, container);
      const resource = vf.resourceFieldRef.resource ?? '';
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${e.name}:\t${value} (${resource})\n`);
    } else if (vf.secretKeyRef) {
      const r = vf.secretKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${r.key ?? ''}' in secret '${r.name ?? ''}'>\tOptional: ${!!r.optional}\n`);
    } else if (vf.configMapKeyRef) {
      const r = vf.configMapKeyRef;
      w.write(3, `${e.name}:\t<set to the key '${r.key ?? ''}' of config map '${r.name ?? ''}'>\tOptional: ${!!r.optional}\n`);
    }
  }
}

function describeContainerEnvFrom(w: PrefixWriter, container: Container): void {
  const envFrom = (container.envFrom as Record<string, any>[] | undefined) ?? [];
  w.write(2, `Environment Variables from:${envFrom.length ? '' : '\t<none>'}\n`);
  for (const e of envFrom) {
    let from = '';
    let name = '';
    let optional = false;
    if (e.configMapRef) {
      from = 'ConfigMap';
      name = e.configMapRef.name ?? '';
      optional = !!e.configMapRef.optional;
    } else if (e.secretRef) {
      from = 'Secret';
      name = e.secretRef.name ?? '';
      optional = !!e.secretRef.optional;
    }
    if (!e.prefix) w.write(3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`);
  }
}

function describeContainerVolumes(w: PrefixWriter, container: Container): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => byKey(a.mountPath, b.mountPath));
  const none = mounts.length ? '' : '\t<none>';
  w.write(2, `Mounts:${none}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw'];
    if (m.subPath) flags.push(`path=${goQuote(m.subPath)}`);
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
  }
  const devices = [...((container.volumeDevices as { name: string; devicePath: string }[] | undefined) ?? [])].sort((a, b) =>
    byKey(a.devicePath, b.devicePath),
  );
  if (devices.length) {
    w.write(2, `Devices:${none}\n`);
    for (const d of devices) w.write(3, `${d.devicePath} from ${d.name}\n`);
  }
}

function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  statuses: ContainerStatus[] | undefined,
  pod: Pod,
  ctx: DescribeContext,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  w.write(0, `${label}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const status = byName.get(c.name);
    w.write(1, `${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = describeContainerPorts(c.ports, false);
    if (ports.includes(',')) w.write(2, `Ports:\t${ports}\n`);
    else w.write(2, `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = describeContainerPorts(c.ports, true);
    if (hostPorts.includes(',')) w.write(2, `Host Ports:\t${hostPorts}\n`);
    else w.write(2, `Host Port:\t${stringOrNone(hostPorts)}\n`);
    const seccomp = (c.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined)?.seccompProfile;
    if (seccomp) {
      w.write(2, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const cmd of c.command) for (const s of cmd.split('\n')) w.write(3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const arg of c.args) for (const s of arg.split('\n')) w.write(3, `${s}\n`);
    }
    if (status) {
      describeStatus(w, 'State', status.state, ctx);
      if (status.lastState?.terminated) describeStatus(w, 'Last State', status.lastState, ctx);
      w.write(2, `Ready:\t${printBool(status.ready)}\n`);
      w.write(2, `Restart Count:\t${status.restartCount ?? 0}\n`);
    }
    describeResources(w, c.resources ?? {}, 2);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    if ((c.envFrom as unknown[] | undefined)?.length) describeContainerEnvFrom(w, c);
    describeContainerEnvVars(w, c, pod);
    describeContainerVolumes(w, c);
  }
}

function describeVolumes(w: PrefixWriter, volumes: Volume[] | undefined): void {
  if (!volumes?.length) {
    w.write(0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(1, `${v.name}:\n`);
    const src = v as Record<string, any>;
    describeVolumeSource(w, src);
  }
}

/** One volume's source lines (describeVolumes' switch); shared by pod and pod-template describers. */
export function describeVolumeSource(w: { write(level: number, text: string): void }, src: Record<string, any>): void {
  if (src.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${src.hostPath.path ?? ''}\n    HostPathType:\t${src.hostPath.type ?? '<none>'}\n`);
  } else if (src.emptyDir) {
    const q = src.emptyDir.sizeLimit !== undefined && src.emptyDir.sizeLimit !== null ? tryParseQuantity(src.emptyDir.sizeLimit) : null;
    const sizeLimit = q && q.unscaled > 0n ? quantityString(src.emptyDir.sizeLimit) : '<unset>';
    w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${src.emptyDir.medium ?? ''}\n    SizeLimit:\t${sizeLimit}\n`);
  } else if (src.secret) {
    w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${src.secret.secretName ?? ''}\n    Optional:\t${!!src.secret.optional}\n`);
  } else if (src.configMap) {
    w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${src.configMap.name ?? ''}\n    Optional:\t${!!src.configMap.optional}\n`);
  } else if (src.nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${src.nfs.server ?? ''}\n    Path:\t${src.nfs.path ?? ''}\n    ReadOnly:\t${!!src.nfs.readOnly}\n`);
  } else if (src.persistentVolumeClaim) {
    w.write(
      2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${src.persistentVolumeClaim.claimName ?? ''}\n    ReadOnly:\t${!!src.persistentVolumeClaim.readOnly}\n`,
    );
  } else if (src.downwardAPI) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of src.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(3, `${item.fieldRef.fieldPath ?? ''} -> ${item.path ?? ''}\n`);
      if (item.resourceFieldRef) w.write(3, `${item.resourceFieldRef.resource ?? ''} -> ${item.path ?? ''}\n`);
    }
  } else if (src.projected) {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const s of src.projected.sources ?? []) {
      if (s.secret) w.write(2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${!!s.secret.optional}\n`);
      else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
      else if (s.configMap) w.write(2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${!!s.configMap.optional}\n`);
      // expirationSeconds defaults to 3600 on the server.
      else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
    }
  } else if (src.image) {
    w.write(2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${src.image.reference ?? ''}\n    PullPolicy:\t${src.image.pullPolicy ?? ''}\n`);
  } else {
    // Volume types kbx never produces (cloud disks, CSI, ...) are not described.
    w.write(1, '<unknown>\n');
  }
}

function describeTopologySpreadConstraints(w: PrefixWriter, tscs: Record<string, any>[] | undefined): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) => byKey(a.topologyKey ?? '', b.topologyKey ?? ''));
  w.write(0, 'Topology Spread Constraints:\t');
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${t.topologyKey ?? ''}:`);
    w.write(0, `${t.whenUnsatisfiable ?? ''}`);
    w.write(0, ` when max skew ${t.maxSkew ?? 0} is exceeded`);
    if (t.labelSelector) w.write(0, ` for selector ${formatLabelSelector(t.labelSelector)}`);
    w.write(0, '\n');
  });
}

// qos.ComputePodQOS: only cpu and memory count, and only positive quantities.
const QOS_RESOURCES = ['cpu', 'memory'];

function addPositive(into: Map<string, Quantity>, list: Record<string, string | number> | undefined): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.includes(name)) continue;
    const q = tryParseQuantity(raw);
    if (!q || q.unscaled <= 0n) continue;
    const prev = into.get(name);
    if (!prev) into.set(name, q);
    else {
      const e = Math.min(prev.exp10, q.exp10);
      into.set(name, {
        unscaled: prev.unscaled * 10n ** BigInt(prev.exp10 - e) + q.unscaled * 10n ** BigInt(q.exp10 - e),
        exp10: e,
        format: prev.format,
      });
    }
  }
}

function hasBothLimits(list: Record<string, string | number> | undefined): boolean {
  return QOS_RESOURCES.every((n) => {
    const q = list?.[n] !== undefined ? tryParseQuantity(list[n]!) : null;
    return !!q && q.unscaled > 0n;
  });
}

/** GetPodQOS: status.qosClass, else computed from the containers' requests and limits. */
export function podQOSClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  const podResources = (pod.spec as { resources?: Container['resources'] } | undefined)?.resources;
  if (podResources) {
    addPositive(requests, podResources.requests);
    if (podResources.limits) {
      addPositive(limits, podResources.limits);
      if (!hasBothLimits(podResources.limits)) guaranteed = false;
    }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      addPositive(requests, c.resources?.requests);
      addPositive(limits, c.resources?.limits);
      if (!hasBothLimits(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantities(lim, req) !== 0) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function writePod(w: PrefixWriter, pod: Pod, events: EventObject[] | undefined, ctx: DescribeContext): void {
  const m = pod.metadata ?? {};
  const spec = (pod.spec ?? { containers: [] }) as Pod['spec'] & Record<string, any>;
  const st = (pod.status ?? {}) as NonNullable<Pod['status']> & { nominatedNodeName?: string };
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  if (!spec.nodeName) w.write(0, 'Node:\t<none>\n');
  else w.write(0, `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime, ctx)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  if (m.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    // kubectl measures the time *since* the (future) deletion deadline, hence usually `<invalid>`.
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampSince(m.deletionTimestamp, ctx.now)})\n`);
    w.write(0, `Termination Grace Period:\t${m.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${st.phase ?? ''}\n`);
  }
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  const seccomp = spec.securityContext?.seccompProfile;
  if (seccomp) {
    w.write(0, `SeccompProfile:\t${seccomp.type ?? ''}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
  }
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  if (!st.podIPs?.length) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of st.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const controller = (m.ownerReferences ?? []).find((o) => o.controller === true);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    describeResources(w, spec.resources, 1);
  }
  if (spec.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses, pod, ctx);
  describeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses, pod, ctx);
  const ephemeral = (spec.ephemeralContainers as Container[] | undefined) ?? [];
  if (ephemeral.length) {
    describeContainers(w, 'Ephemeral Containers', ephemeral, (st as Record<string, any>).ephemeralContainerStatuses, pod, ctx);
  }
  const gates = (spec.readinessGates as { conditionType: string }[] | undefined) ?? [];
  if (gates.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = (st.conditions ?? []).find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
    }
  }
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes);
  w.write(0, `QoS Class:\t${podQOSClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeTopologySpreadConstraints(w, spec.topologySpreadConstraints);
  if (events) writeEvents(w, events, ctx.now);
}

function toContext(ctx: DescribeContext | number, extra?: Partial<DescribeContext>): DescribeContext {
  return typeof ctx === 'number' ? { ...extra, now: ctx } : { ...ctx, ...extra };
}

/** `kubectl describe pod`. `events` undefined means --show-events=false (no Events section). */
export function describePod(pod: Pod, events: EventObject[] | undefined, now: number | DescribeContext, opts?: Partial<DescribeContext>): string {
  const w = new PrefixWriter();
  writePod(w, pod, events, toContext(now, opts));
  return w.toString();
}

// ---------------------------------------------------------------------------------------------
// Namespaces, nodes, anything else

/** `kubectl describe namespace`, against a server without resource quotas or limit ranges. */
export function describeNamespace(ns: KObject, now: number | DescribeContext, opts?: Partial<DescribeContext>): string {
  const ctx = toContext(now, opts);
  const w = new PrefixWriter();
  const st = (ns.status ?? {}) as { phase?: string; conditions?: Record<string, any>[] };
  w.write(0, `Name:\t${ns.metadata?.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations);
  // The namespace strategy sets phase Active on create; an unset phase can only mean that.
  w.write(0, `Status:\t${st.phase || 'Active'}\n`);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t------------------\t------\t-------\n');
    for (const c of st.conditions) {
      w.write(1, `${c.type ?? ''}\t${c.status ?? ''}\t${rfc1123z(c.lastTransitionTime, ctx)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
  }
  w.write(0, '\n');
  w.write(0, 'No resource quota.\n');
  w.write(0, '\n');
  w.write(0, 'No LimitRange resource.\n');
  return w.toString();
}

/**
 * `kubectl describe node`. The pods section needs ctx.related.pods (the node's non-terminated
 * pods) and the Lease section ctx.related.lease; each is left out when not supplied.
 */
export function describeNode(node: KObject, events: EventObject[] | undefined, now: number | DescribeContext, opts?: Partial<DescribeContext>): string {
  const ctx = toContext(now, opts);
  const w = new PrefixWriter();
  const spec = (node.spec ?? {}) as Record<string, any>;
  const st = (node.status ?? {}) as Record<string, any>;
  w.write(0, `Name:\t${node.metadata?.name ?? ''}\n`);
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  w.write(0, `Roles:\t${roles.size ? [...roles].sort(byKey).join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp, ctx)}\n`);
  printTaintsMultiline(w, 'Taints', spec.taints);
  w.write(0, `Unschedulable:\t${!!spec.unschedulable}\n`);
  if (typeof ctx.related?.lease === 'string') w.write(0, `Lease:\tFailed to get lease: ${ctx.related.lease}\n`);
  else if (ctx.related && 'lease' in ctx.related) {
    const lease = (ctx.related.lease?.spec ?? {}) as Record<string, any>;
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.acquireTime ? rfc1123z(lease.acquireTime, ctx) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.renewTime ? rfc1123z(lease.renewTime, ctx) : '<unset>'}\n`);
  }
  const conditions = (st.conditions as Record<string, any>[] | undefined) ?? [];
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(1, `${c.type ?? ''} \t${c.status ?? ''} \t${rfc1123z(c.lastHeartbeatTime, ctx)} \t${rfc1123z(c.lastTransitionTime, ctx)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of (st.addresses as { type: string; address: string }[] | undefined) ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const printResourceList = (list: Record<string, string | number>) => {
    for (const k of Object.keys(list).sort(byKey)) w.write(0, `  ${k}:\t${quantityString(list[k])}\n`);
  };
  if (Object.keys(st.capacity ?? {}).length) {
    w.write(0, 'Capacity:\n');
    printResourceList(st.capacity);
  }
  if (Object.keys(st.allocatable ?? {}).length) {
    w.write(0, 'Allocatable:\n');
    printResourceList(st.allocatable);
  }
  const ni = (st.nodeInfo ?? {}) as Record<string, string | undefined>;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${ni.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${ni.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${ni.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${ni.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${ni.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${ni.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${ni.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${ni.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${ni.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${ni.kubeProxyVersion ?? ''}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.podCIDRs?.length) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  if (ctx.related?.pods) describeNodeResource(w, ctx.related.pods as Pod[], st, ctx.now);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

function toMilli(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  const e = q.exp10 + 3;
  if (e >= 0) return q.unscaled * 10n ** BigInt(e);
  const d = 10n ** BigInt(-e);
  return q.unscaled / d + (q.unscaled % d !== 0n ? 1n : 0n);
}

function toValue(q: Quantity | undefined): bigint {
  if (!q) return 0n;
  if (q.exp10 >= 0) return q.unscaled * 10n ** BigInt(q.exp10);
  const d = 10n ** BigInt(-q.exp10);
  return q.unscaled / d + (q.unscaled % d !== 0n ? 1n : 0n);
}

function sumQ(a: Quantity | undefined, b: Quantity): Quantity {
  if (!a) return b;
  const e = Math.min(a.exp10, b.exp10);
  return { unscaled: a.unscaled * 10n ** BigInt(a.exp10 - e) + b.unscaled * 10n ** BigInt(b.exp10 - e), exp10: e, format: a.format };
}

/** resourcehelper.PodRequestsAndLimits (simplified: max of init containers vs the sum of the rest, plus overhead). */
function podRequestsAndLimits(pod: Pod): [Map<string, Quantity>, Map<string, Quantity>] {
  const collect = (which: 'requests' | 'limits') => {
    const total = new Map<string, Quantity>();
    for (const c of pod.spec?.containers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const q = tryParseQuantity(v);
        if (q) total.set(k, sumQ(total.get(k), q));
      }
    }
    for (const c of pod.spec?.initContainers ?? []) {
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const q = tryParseQuantity(v);
        if (q && (!total.has(k) || compareQuantities(q, total.get(k)!) > 0)) total.set(k, q);
      }
    }
    for (const [k, v] of Object.entries(((pod.spec as Record<string, any> | undefined)?.overhead ?? {}) as Record<string, string>)) {
      const q = tryParseQuantity(v);
      if (q && total.has(k)) total.set(k, sumQ(total.get(k), q));
    }
    return total;
  };
  return [collect('requests'), collect('limits')];
}

/** Quantity.String() of a sum (Go's Add keeps the first operand's format). */
const qstr = (q: Quantity | undefined) => (q ? quantityToString({ unscaled: q.unscaled, exp10: q.exp10, format: q.format }) : '0');

function describeNodeResource(w: PrefixWriter, pods: Pod[], st: Record<string, any>, now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const allocatable = (Object.keys(st.allocatable ?? {}).length ? st.allocatable : st.capacity ?? {}) as Record<string, string>;
  const allocQ = (n: string) => (allocatable[n] !== undefined ? (tryParseQuantity(allocatable[n]!) ?? undefined) : undefined);
  const pct = (num: bigint, den: bigint) => (den === 0n ? 0 : Math.trunc((Number(num) / Number(den)) * 100));
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod);
    w.write(
      1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${qstr(req.get('cpu'))} (${pct(toMilli(req.get('cpu')), toMilli(allocQ('cpu')))}%)\t${qstr(lim.get('cpu'))} (${pct(toMilli(lim.get('cpu')), toMilli(allocQ('cpu')))}%)\t${qstr(req.get('memory'))} (${pct(toValue(req.get('memory')), toValue(allocQ('memory')))}%)\t${qstr(lim.get('memory'))} (${pct(toValue(lim.get('memory')), toValue(allocQ('memory')))}%)\t${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const reqs = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  for (const pod of pods) {
    const [r, l] = podRequestsAndLimits(pod);
    for (const [k, q] of r) reqs.set(k, sumQ(reqs.get(k), q));
    for (const [k, q] of l) limits.set(k, sumQ(limits.get(k), q));
  }
  const line = (name: string, milli: boolean) => {
    const conv = milli ? toMilli : toValue;
    const den = conv(allocQ(name));
    w.write(1, `${name}\t${qstr(reqs.get(name))} (${pct(conv(reqs.get(name)), den)}%)\t${qstr(limits.get(name))} (${pct(conv(limits.get(name)), den)}%)\n`);
  };
  line('cpu', true);
  line('memory', false);
  line('ephemeral-storage', false);
}

/** fatih/camelcase.Split. */
function camelSplit(src: string): string[] {
  const runs: string[][] = [];
  let lastClass = 0;
  for (const r of src) {
    const cls = /\p{Ll}/u.test(r) ? 1 : /\p{Lu}/u.test(r) ? 2 : /\p{Nd}/u.test(r) ? 3 : 4;
    if (cls === lastClass) runs[runs.length - 1]!.push(r);
    else runs.push([r]);
    lastClass = cls;
  }
  // "PDFLoader" → "PDF", "Loader": the last upper-case rune starts the next word.
  for (let i = 0; i < runs.length - 1; i++) {
    if (/\p{Lu}/u.test(runs[i]![0]!) && /\p{Ll}/u.test(runs[i + 1]![0]!)) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `creationTimestamp` → `Creation Timestamp`, `apiVersion` → `API Version`. */
export function smartLabelFor(field: string): string {
  if ([...field].some((r) => !/\p{L}/u.test(r) && r !== '-')) return field;
  const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1).toLowerCase()))
    .join(' ');
}

function printUnstructuredContent(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: string[]): void {
  for (const field of Object.keys(content).sort(byKey)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, value as Record<string, unknown>, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) {
          printUnstructuredContent(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        } else {
          w.write(level + 1, `${goSprint(child)}\n`);
        }
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`);
    }
  }
}

/** The generic describer kubectl uses for kinds without a describer of their own. */
export function describeGeneric(obj: KObject, events: EventObject[] | undefined, now: number | DescribeContext): string {
  const ctx = toContext(now);
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata?.name ?? ''}\n`);
  w.write(0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
  printUnstructuredContent(w, 0, obj as Record<string, unknown>, '', [
    '.metadata.managedFields',
    '.metadata.name',
    '.metadata.namespace',
    '.metadata.labels',
    '.metadata.annotations',
  ]);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

/**
 * Describes an object with its kind's describer (src/kinds/ declares them), or with the generic
 * describer kubectl uses for kinds without one. `events` undefined means --show-events=false.
 */
export function describeObject(
  obj: KObject,
  events: EventObject[] | undefined,
  now: number | DescribeContext,
  opts?: Partial<DescribeContext>,
  describer?: Describer,
): string {
  const ctx = toContext(now, opts);
  return describer ? describer(obj, events, ctx) : describeGeneric(obj, events, ctx);
}
