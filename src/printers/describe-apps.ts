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
  writeEvents,
  type DescribeContext,
} from './describe.js';
import { parseTime } from './duration.js';
import { equalIgnoreHash, isControlledBy } from '../api/deployment-util.js';

// ---------------------------------------------------------------------------------------------
// Deployment ↔ ReplicaSet helpers (kubectl pkg/util/deployment)

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
  w.write(0, 'Pods Status:\t');
  if (typeof pods === 'string') {
    w.write(0, `error in fetching pods: ${pods}\n`);
  } else {
    const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
    for (const p of pods) {
      if (!isControlledBy(p, rs)) continue;
      const phase = (p.status as { phase?: string } | undefined)?.phase ?? '';
      if (phase in counts) counts[phase]!++;
    }
    w.write(0, `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
  }
  writePodTemplate(w, spec.template);
  writeConditions(w, st.conditions);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
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
