// `kubectl describe deployment|replicaset` (kubectl v1.35 pkg/describe/describe.go: DeploymentDescriber,
// ReplicaSetDescriber, DescribePodTemplate) and the pieces of kubectl's pkg/util/deployment the CLI
// shares with them: which ReplicaSets a Deployment controls, which one is "new" (template equal
// ignoring pod-template-hash), their revisions.
//
// Same writer model as describe.ts: tab-separated lines through a PrefixWriter (2 spaces per level)
// into Go's text/tabwriter as tabbedString configures it. `rollout history --revision=N` prints a pod
// template through a PrefixWriter straight into a buffer, without the tabwriter; podTemplateText()
// gives that raw form. Pure: the current time and the time zone come in the DescribeContext.
import type { Container, EventObject, KObject } from '../api/types.js';
import { formatLabelSelector, labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import {
  PrefixWriter,
  byKey,
  containerResourceValue,
  describeProbe,
  describeVolumeSource,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  quantityString,
  rfc1123z,
  type DescribeContext,
} from './describe.js';
import { parseTime, translateTimestampSince } from './duration.js';

export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

// ---------------------------------------------------------------------------------------------
// Deployment ↔ ReplicaSet helpers (kubectl pkg/util/deployment)

/** metav1.IsControlledBy: a controller ownerReference with the owner's UID. */
export function isControlledBy(obj: KObject, owner: KObject): boolean {
  const uid = owner.metadata?.uid;
  return !!uid && (obj.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}

/** Normalises a JSON value the way apimachinery's Semantic.DeepEqual sees a Go struct (as the deployment controller's equalIgnoreHash does): absent, null, "", false, [] and {} are all the zero value. */
function semanticZero(v: unknown): unknown {
  if (v === null || v === undefined || v === '' || v === false) return undefined;
  if (Array.isArray(v)) {
    if (!v.length) return undefined;
    return v.map((x) => semanticZero(x) ?? null);
  }
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const n = semanticZero((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return v;
}

export function semanticEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(semanticZero(a) ?? null) === JSON.stringify(semanticZero(b) ?? null);
}

function withoutHash(template: unknown): unknown {
  const t = structuredClone((template ?? {}) as Record<string, any>);
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH];
  return t;
}

/** EqualIgnoreHash: two pod templates are the same apart from the pod-template-hash label. */
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return semanticEqual(withoutHash(t1), withoutHash(t2));
}

/** The `deployment.kubernetes.io/revision` annotation: absent is 0, unparsable is undefined (kubectl skips it). */
export function revisionOf(obj: KObject): number | undefined {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
function byCreation(a: KObject, b: KObject): number {
  const ta = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const tb = parseTime(b.metadata?.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

export interface ClassifiedReplicaSets {
  /** The oldest owned ReplicaSet whose template equals the deployment's (ignoring the hash), if any. */
  newRS?: KObject;
  /** All other owned ReplicaSets, oldest first (kubectl's allOldRSs). */
  oldRSs: KObject[];
  /** Old ReplicaSets with spec.replicas != 0. */
  activeOldRSs: KObject[];
}

/**
 * GetAllReplicaSets on an already fetched list (kubectl lists the namespace's ReplicaSets with the
 * deployment's selector): keeps those the deployment controls, then splits new and old.
 */
export function classifyReplicaSets(deployment: KObject, replicaSets: KObject[]): ClassifiedReplicaSets {
  const owned = replicaSets.filter((rs) => isControlledBy(rs, deployment)).sort(byCreation);
  const template = deployment.spec?.template;
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, template));
  const oldRSs = owned.filter((rs) => rs !== newRS);
  const activeOldRSs = oldRSs.filter((rs) => (rs.spec?.replicas ?? 1) !== 0);
  return { newRS, oldRSs, activeOldRSs };
}

const stringOrNone = (s: string) => (s ? s : '<none>');

/** IntOrString.String() on a pointer: `25%`, `1`, or `<nil>`. */
function intOrStringText(v: unknown): string {
  if (v === undefined || v === null) return '<nil>';
  return String(v);
}

// ---------------------------------------------------------------------------------------------
// Pod template

function containerPorts(ports: Container['ports'], host: boolean): string {
  return (ports ?? [])
    .map((p) => {
      // protocol is defaulted to TCP by the server; hostPort prints 0 when unset.
      let s = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol || 'TCP'}`;
      if (p.name) s = `${s} (${p.name})`;
      return s;
    })
    .join(', ');
}

/** describeContainers for a template: no statuses and no env resolver (fieldRef values print empty). */
function describeTemplateContainers(w: PrefixWriter, label: string, containers: Container[]): void {
  w.write(0, `  ${label}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    w.write(1, ` ${c.name}:\n`);
    w.write(2, `Image:\t${c.image ?? ''}\n`);
    const ports = containerPorts(c.ports, false);
    if (ports.includes(',')) w.write(2, `Ports:\t${ports}\n`);
    else w.write(2, `Port:\t${stringOrNone(ports)}\n`);
    const hostPorts = containerPorts(c.ports, true);
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
    const limits = c.resources?.limits ?? {};
    const requests = c.resources?.requests ?? {};
    if (Object.keys(limits).length) w.write(2, 'Limits:\n');
    for (const k of Object.keys(limits).sort(byKey)) w.write(3, `${k}:\t${quantityString(limits[k])}\n`);
    if (Object.keys(requests).length) w.write(2, 'Requests:\n');
    for (const k of Object.keys(requests).sort(byKey)) w.write(3, `${k}:\t${quantityString(requests[k])}\n`);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const envFrom = (c.envFrom as Record<string, any>[] | undefined) ?? [];
    if (envFrom.length) {
      w.write(2, 'Environment Variables from:\n');
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
    const env = c.env ?? [];
    w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`);
    for (const e of env) {
      const vf = e.valueFrom as Record<string, any> | undefined;
      if (!vf) {
        (e.value ?? '').split('\n').forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      } else if (vf.fieldRef) {
        w.write(3, `${e.name}:\t (${vf.fieldRef.apiVersion ?? ''}:${vf.fieldRef.fieldPath ?? ''})\n`);
      } else if (vf.resourceFieldRef) {
        let value = containerResourceValue(vf.resourceFieldRef, c);
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
    const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => byKey(a.mountPath, b.mountPath));
    const none = mounts.length ? '' : '\t<none>';
    w.write(2, `Mounts:${none}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
    const devices = [...((c.volumeDevices as { name: string; devicePath: string }[] | undefined) ?? [])].sort((a, b) => byKey(a.devicePath, b.devicePath));
    if (devices.length) {
      w.write(2, `Devices:${none}\n`);
      for (const d of devices) w.write(3, `${d.devicePath} from ${d.name}\n`);
    }
  }
}

function describeTemplateVolumes(w: PrefixWriter, volumes: Record<string, any>[] | undefined): void {
  if (!volumes?.length) {
    w.write(0, '  Volumes:\t<none>\n');
    return;
  }
  w.write(0, '  Volumes:\n');
  for (const src of volumes) {
    w.write(1, ` ${src.name}:\n`);
    describeVolumeSource(w, src);
  }
}

function describeTemplateTopologySpread(w: PrefixWriter, tscs: Record<string, any>[] | undefined): void {
  if (!tscs?.length) return;
  const sorted = [...tscs].sort((a, b) => byKey(a.topologyKey ?? '', b.topologyKey ?? ''));
  w.write(0, '  Topology Spread Constraints:\t');
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '  \t');
    w.write(0, `${t.topologyKey ?? ''}:${t.whenUnsatisfiable ?? ''} when max skew ${t.maxSkew ?? 0} is exceeded`);
    if (t.labelSelector) w.write(0, ` for selector ${formatLabelSelector(t.labelSelector)}`);
    w.write(0, '\n');
  });
}

export function writePodTemplate(w: PrefixWriter, template: Record<string, any> | undefined | null): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', meta.labels);
  if (Object.keys(meta.annotations ?? {}).length) printAnnotationsMultiline(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeTemplateContainers(w, 'Init Containers', spec.initContainers);
  describeTemplateContainers(w, 'Containers', spec.containers ?? []);
  describeTemplateVolumes(w, spec.volumes);
  describeTemplateTopologySpread(w, spec.topologySpreadConstraints);
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
  const wr = spec.workloadRef as { name?: string; podGroup?: string; podGroupReplicaKey?: string } | undefined;
  if (wr) {
    w.write(0, '  WorkloadRef:\n');
    w.write(1, `Name:\t${wr.name ?? ''}\n`);
    w.write(1, `PodGroup:\t${wr.podGroup ?? ''}\n`);
    if (wr.podGroupReplicaKey) w.write(1, `PodGroupReplicaKey:\t${wr.podGroupReplicaKey}\n`);
  }
}

/**
 * DescribePodTemplate written straight into a buffer (no tabwriter): the text `kubectl rollout
 * history --revision=N` and `rollout undo --dry-run=client` print, tabs and all.
 */
export function podTemplateText(template: Record<string, any> | undefined | null): string {
  const w = new PrefixWriter(false);
  writePodTemplate(w, template);
  return w.toString();
}

// ---------------------------------------------------------------------------------------------
// Go's sort.Sort

/**
 * Go's sort.Sort (pattern-defeating quicksort, insertion sort up to 12 elements, heapsort
 * fallback): not stable, and kubectl's output depends on where it leaves equal elements (events
 * with the same lastTimestamp second). Reimplemented from the algorithm's description so the
 * same input order gives the same output order. Sorts `data` in place.
 */
export function goSort<T>(data: T[], less: (a: T, b: T) => boolean): T[] {
  const n = data.length;
  if (n <= 1) return data;
  const lt = (i: number, j: number) => less(data[i]!, data[j]!);
  const swap = (i: number, j: number) => {
    const t = data[i]!;
    data[i] = data[j]!;
    data[j] = t;
  };
  const bitLen = (x: number) => (x === 0 ? 0 : 32 - Math.clz32(x));
  const insertion = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lt(j, j - 1); j--) swap(j, j - 1);
  };
  const siftDown = (lo: number, hi: number, first: number) => {
    let root = lo;
    for (;;) {
      let child = 2 * root + 1;
      if (child >= hi) return;
      if (child + 1 < hi && lt(first + child, first + child + 1)) child++;
      if (!lt(first + root, first + child)) return;
      swap(first + root, first + child);
      root = child;
    }
  };
  const heap = (a: number, b: number) => {
    const hi = b - a;
    for (let i = Math.floor((hi - 1) / 2); i >= 0; i--) siftDown(i, hi, a);
    for (let i = hi - 1; i >= 0; i--) {
      swap(a, a + i);
      siftDown(0, i, a);
    }
  };
  const MASK = (1n << 64n) - 1n;
  const breakPatterns = (a: number, b: number) => {
    const length = b - a;
    if (length < 8) return;
    let r = BigInt(length);
    const modulus = 2 ** bitLen(length);
    for (let idx = a + Math.floor(length / 4) * 2 - 1; idx <= a + Math.floor(length / 4) * 2 + 1; idx++) {
      r ^= (r << 13n) & MASK;
      r ^= r >> 7n;
      r ^= (r << 17n) & MASK;
      let other = Number(r & BigInt(modulus - 1));
      if (other >= length) other -= length;
      swap(idx, a + other);
    }
  };
  const median = (a: number, b: number, c: number, swaps: { n: number }): number => {
    const order2 = (x: number, y: number): [number, number] => {
      if (lt(y, x)) {
        swaps.n++;
        return [y, x];
      }
      return [x, y];
    };
    [a, b] = order2(a, b);
    [b, c] = order2(b, c);
    [a, b] = order2(a, b);
    return b;
  };
  // hints: 0 unknown, 1 increasing, 2 decreasing
  const choosePivot = (a: number, b: number): [number, number] => {
    const l = b - a;
    const swaps = { n: 0 };
    let i = a + Math.floor(l / 4);
    let j = a + Math.floor(l / 4) * 2;
    let k = a + Math.floor(l / 4) * 3;
    if (l >= 8) {
      if (l >= 50) {
        i = median(i - 1, i, i + 1, swaps);
        j = median(j - 1, j, j + 1, swaps);
        k = median(k - 1, k, k + 1, swaps);
      }
      j = median(i, j, k, swaps);
    }
    return [j, swaps.n === 0 ? 1 : swaps.n === 12 ? 2 : 0];
  };
  const reverse = (a: number, b: number) => {
    for (let i = a, j = b - 1; i < j; i++, j--) swap(i, j);
  };
  const partialInsertion = (a: number, b: number): boolean => {
    let i = a + 1;
    for (let step = 0; step < 5; step++) {
      while (i < b && !lt(i, i - 1)) i++;
      if (i === b) return true;
      if (b - a < 50) return false;
      swap(i, i - 1);
      if (i - a >= 2) {
        for (let j = i - 1; j >= 1; j--) {
          if (!lt(j, j - 1)) break;
          swap(j, j - 1);
        }
      }
      if (b - i >= 2) {
        for (let j = i + 1; j < b; j++) {
          if (!lt(j, j - 1)) break;
          swap(j, j - 1);
        }
      }
    }
    return false;
  };
  const partitionEqual = (a: number, b: number, pivot: number): number => {
    swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    for (;;) {
      while (i <= j && !lt(a, i)) i++;
      while (i <= j && lt(a, j)) j--;
      if (i > j) break;
      swap(i, j);
      i++;
      j--;
    }
    return i;
  };
  const partition = (a: number, b: number, pivot: number): [number, boolean] => {
    swap(a, pivot);
    let i = a + 1;
    let j = b - 1;
    while (i <= j && lt(i, a)) i++;
    while (i <= j && !lt(j, a)) j--;
    if (i > j) {
      swap(j, a);
      return [j, true];
    }
    swap(i, j);
    i++;
    j--;
    for (;;) {
      while (i <= j && lt(i, a)) i++;
      while (i <= j && !lt(j, a)) j--;
      if (i > j) break;
      swap(i, j);
      i++;
      j--;
    }
    swap(j, a);
    return [j, false];
  };
  const pdq = (a: number, b: number, limit: number): void => {
    let wasBalanced = true;
    let wasPartitioned = true;
    for (;;) {
      const length = b - a;
      if (length <= 12) {
        insertion(a, b);
        return;
      }
      if (limit === 0) {
        heap(a, b);
        return;
      }
      if (!wasBalanced) {
        breakPatterns(a, b);
        limit--;
      }
      let [pivot, hint] = choosePivot(a, b);
      if (hint === 2) {
        reverse(a, b);
        pivot = b - 1 - (pivot - a);
        hint = 1;
      }
      if (wasBalanced && wasPartitioned && hint === 1 && partialInsertion(a, b)) return;
      if (a > 0 && !lt(a - 1, pivot)) {
        a = partitionEqual(a, b, pivot);
        continue;
      }
      const [mid, already] = partition(a, b, pivot);
      wasPartitioned = already;
      const leftLen = mid - a;
      const rightLen = b - mid;
      const balanceThreshold = Math.floor(length / 8);
      if (leftLen < rightLen) {
        wasBalanced = leftLen >= balanceThreshold;
        pdq(a, mid, limit);
        a = mid + 1;
      } else {
        wasBalanced = rightLen >= balanceThreshold;
        pdq(mid + 1, b, limit);
        b = mid;
      }
    }
  };
  pdq(0, n, bitLen(n));
  return data;
}

// ---------------------------------------------------------------------------------------------
// Events

function writeEvents(w: PrefixWriter, events: EventObject[], now: number): void {
  if (!events.length) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // SortableEvents: by lastTimestamp, with Go's (unstable) sort.Sort.
  const key = (e: EventObject) => parseTime(e.lastTimestamp) ?? -Infinity;
  const sorted = goSort([...events], (a, b) => key(a) < key(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const ev = e as EventObject & { series?: { count?: number; lastObservedTime?: string } | null; reportingController?: string };
    const first = parseTime(e.eventTime ?? undefined) !== undefined ? translateTimestampSince(e.eventTime, now) : translateTimestampSince(e.firstTimestamp, now);
    let interval: string;
    if (ev.series) interval = `${translateTimestampSince(ev.series.lastObservedTime, now)} (x${ev.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || ev.reportingController || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    if (e.involvedObject?.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

function writeConditions(w: PrefixWriter, conditions: Record<string, any>[] | undefined): void {
  if (!conditions?.length) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${c.type ?? ''} \t${c.status ?? ''}\t${c.reason ?? ''}\n`);
}

// ---------------------------------------------------------------------------------------------
// Deployment and ReplicaSet

/** printReplicaSetsByLabels: `web-7d4b9c (3/3 replicas created), …` or `<none>`. */
function replicaSetsSummary(rss: KObject[]): string {
  const list = rss.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return list || '<none>';
}

function selectorString(spec: unknown): string {
  try {
    return selectorToString(labelSelectorFromSpec(spec as any));
  } catch {
    return '';
  }
}

/**
 * `kubectl describe deployment`. `replicaSets` are the namespace's ReplicaSets matching the
 * deployment's selector (those it does not control are ignored, as kubectl does); `events`
 * undefined means --show-events=false.
 */
export function describeDeployment(d: KObject, replicaSets: KObject[], events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const m = d.metadata ?? {};
  const spec = (d.spec ?? {}) as Record<string, any>;
  const st = (d.status ?? {}) as Record<string, any>;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp, ctx)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${intOrStringText(ru.maxUnavailable)} max unavailable, ${intOrStringText(ru.maxSurge)} max surge\n`);
  writePodTemplate(w, spec.template);
  writeConditions(w, st.conditions);
  const { newRS, oldRSs } = classifyReplicaSets(d, replicaSets);
  if (oldRSs.length || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsSummary(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsSummary(newRS ? [newRS] : [])}\n`);
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

/**
 * `kubectl describe replicaset`. `pods` are the namespace's pods matching the ReplicaSet's
 * selector (only those it controls are counted), or the error message when they could not be
 * listed; `events` undefined means --show-events=false.
 */
export function describeReplicaSet(rs: KObject, pods: KObject[] | string, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const m = rs.metadata ?? {};
  const spec = (rs.spec ?? {}) as Record<string, any>;
  const st = (rs.status ?? {}) as Record<string, any>;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  const controller = (m.ownerReferences ?? []).find((o) => o.controller === true);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  w.write(0, `Replicas:\t${st.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
  writePodsStatus(w, pods, rs);
  writePodTemplate(w, spec.template);
  writeConditions(w, st.conditions);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

/**
 * getPodStatusForController's line: the phases of the pods `owner` controls, or the error
 * message when they could not be listed.
 */
export function writePodsStatus(w: PrefixWriter, pods: KObject[] | string, owner: KObject): void {
  w.write(0, 'Pods Status:\t');
  if (typeof pods === 'string') {
    w.write(0, `error in fetching pods: ${pods}\n`);
    return;
  }
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const p of pods) {
    if (!isControlledBy(p, owner)) continue;
    const phase = (p.status as { phase?: string } | undefined)?.phase ?? '';
    if (phase in counts) counts[phase]!++;
  }
  w.write(0, `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
}

/**
 * The same two describers in describe.ts's Describer shape, taking the related objects from the
 * context: `ctx.related.replicaSets` for a Deployment, `ctx.related.pods` (or a string, the error
 * listing them) for a ReplicaSet. src/kinds/deployment.ts and replicaset.ts declare them.
 */
export function describeDeploymentWithContext(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const related = (ctx.related ?? {}) as { replicaSets?: KObject[] };
  return describeDeployment(obj, related.replicaSets ?? [], events, ctx);
}

export function describeReplicaSetWithContext(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const related = (ctx.related ?? {}) as { pods?: KObject[] | string; podsError?: string };
  return describeReplicaSet(obj, related.podsError ?? related.pods ?? [], events, ctx);
}
