// The PodSecurity admission plugin (k8s.io/pod-security-admission/admission): pods are refused by the
// namespace's enforce level and warned about by its warn level; workload templates (Deployment, Job, …)
// are only warned about and audited, never refused; a namespace whose enforce level tightens warns
// about the pods already in it. No exemptions are configured (the API server's default).
import * as errors from '../../api/errors.js';
import { qualifiedResource } from '../../api/resource-info.js';
import type { KObject } from '../../api/types.js';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin, AdmissionReader } from '../../registry/admission-types.js';
import {
  compareLevels,
  evaluatePod,
  forbiddenDetail,
  forbiddenReason,
  fullyPrivileged,
  levelVersionString,
  policyFromLabels,
  sameLevelVersion,
  type Aggregate,
  type LevelVersion,
  type Policy,
} from './policy.js';

type Obj = Record<string, any>;

const AUDIT_PREFIX = 'pod-security.kubernetes.io/';
/** The most pods a namespace label change checks, and for how long (admission.go's defaults). */
const NAMESPACE_MAX_PODS = 3000;
const NAMESPACE_CHECK_MS = 1000;
const IGNORED_POD_SUBRESOURCES = new Set(['exec', 'attach', 'binding', 'eviction', 'log', 'portforward', 'proxy', 'status']);

/** Where each kind with a pod template keeps it (DefaultPodSpecExtractor). */
const TEMPLATES: Record<string, (o: Obj) => Obj | undefined> = {
  '/PodTemplate': (o) => o.template,
  '/ReplicationController': (o) => o.spec?.template,
  'apps/ReplicaSet': (o) => o.spec?.template,
  'apps/Deployment': (o) => o.spec?.template,
  'apps/StatefulSet': (o) => o.spec?.template,
  'apps/DaemonSet': (o) => o.spec?.template,
  'batch/Job': (o) => o.spec?.template,
  'batch/CronJob': (o) => o.spec?.jobTemplate?.spec?.template,
};

function namespacePolicy(read: AdmissionReader, ns: string | undefined): { policy: Policy; errors: boolean } | undefined {
  if (!ns) return undefined;
  const n = read.getObject('v1', 'Namespace', undefined, ns);
  if (!n) return undefined;
  const r = policyFromLabels(n.metadata.labels);
  return { policy: r.policy, errors: r.errors.length > 0 };
}

/** An update matters when it changes what runs: the containers (count or image), as isSignificantPodUpdate says. */
function significantPodUpdate(pod: Obj, old: Obj): boolean {
  const list = (o: Obj, k: string) => (o.spec?.[k] ?? []) as Obj[];
  for (const k of ['containers', 'initContainers']) {
    const a = list(pod, k);
    const b = list(old, k);
    if (a.length !== b.length) return true;
    if (a.some((c, i) => c.image !== b[i]!.image)) return true;
  }
  const oldEphemeral = list(old, 'ephemeralContainers');
  return list(pod, 'ephemeralContainers').some((c) => {
    const o = oldEphemeral.find((x) => x.name === c.name);
    return !o || o.image !== c.image;
  });
}

function evaluate(attrs: AdmissionAttributes, policy: Policy, meta: Obj, spec: Obj, enforce: boolean, ctx: AdmissionContext): void {
  const cache = new Map<string, Aggregate>();
  const run = (lv: LevelVersion) => {
    const key = levelVersionString(lv);
    let r = cache.get(key);
    if (!r) cache.set(key, (r = evaluatePod(lv, meta, spec)));
    return r;
  };
  const audit: Record<string, string> = {};
  let refusal: errors.ApiError | undefined;
  if (enforce) {
    audit[`${AUDIT_PREFIX}enforce-policy`] = levelVersionString(policy.enforce);
    const r = run(policy.enforce);
    if (!r.allowed) {
      refusal = errors.forbidden(qualifiedResource(attrs.info), attrs.obj.metadata.name ?? '', `violates PodSecurity "${levelVersionString(policy.enforce)}": ${forbiddenDetail(r)}`);
    }
  }
  const a = run(policy.audit);
  if (!a.allowed) audit[`${AUDIT_PREFIX}audit-violations`] = `would violate PodSecurity "${levelVersionString(policy.audit)}": ${forbiddenDetail(a)}`;
  ctx.audit(audit);
  if (refusal) throw refusal;
  const w = run(policy.warn);
  if (!w.allowed) ctx.warn(`would violate PodSecurity "${levelVersionString(policy.warn)}": ${forbiddenDetail(w)}`);
}

/** The warnings of a namespace whose enforce level tightens: which existing pods would now be refused. */
export function evaluatePodsInNamespace(namespace: string, enforce: LevelVersion, pods: readonly KObject[], now: () => number = Date.now): string[] {
  const deadline = now() + NAMESPACE_CHECK_MS;
  // One pod per controller first, then the rest (prioritizePods).
  const first: KObject[] = [];
  const later: KObject[] = [];
  const seen = new Set<string>();
  for (const p of pods) {
    const owner = p.metadata.ownerReferences?.find((r) => r.controller);
    if (owner && seen.has(owner.uid)) later.push(p);
    else {
      if (owner) seen.add(owner.uid);
      first.push(p);
    }
  }
  const ordered = [...first, ...later].slice(0, NAMESPACE_MAX_PODS);
  const counts = new Map<string, { pod: string; n: number }>();
  let checked = ordered.length;
  for (let i = 0; i < ordered.length; i++) {
    const p = ordered[i]! as Obj;
    const r = evaluatePod(enforce, p.metadata, p.spec);
    if (!r.allowed) {
      const reason = forbiddenReason(r);
      const c = counts.get(reason);
      if (!c) counts.set(reason, { pod: p.metadata.name, n: 1 });
      else {
        c.n++;
        if (p.metadata.name < c.pod) c.pod = p.metadata.name;
      }
    }
    if (now() > deadline) {
      checked = i + 1;
      break;
    }
  }
  const out: string[] = [];
  if (checked < pods.length) out.push(`new PodSecurity enforce level only checked against the first ${checked} of ${pods.length} existing pods`);
  if (counts.size) out.push(`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${levelVersionString(enforce)}"`);
  const podWarnings = [...counts].map(([reason, c]) =>
    c.n === 1 ? `${c.pod}: ${reason}` : c.n === 2 ? `${c.pod} (and 1 other pod): ${reason}` : `${c.pod} (and ${c.n - 1} other pods): ${reason}`,
  );
  return [...out, ...podWarnings.sort()];
}

function validateNamespace(attrs: AdmissionAttributes, read: AdmissionReader, ctx: AdmissionContext): void {
  if (attrs.subresource) return;
  const next = policyFromLabels(attrs.obj.metadata.labels);
  const name = attrs.obj.metadata.name ?? '';
  if (attrs.operation === 'CREATE') {
    if (next.errors.length) throw errors.invalid('Namespace', name, '', next.errors);
    return;
  }
  const prev = policyFromLabels(attrs.old?.metadata.labels);
  if (next.errors.length && (!prev.errors.length || JSON.stringify(next.errors) !== JSON.stringify(prev.errors))) {
    throw errors.invalid('Namespace', name, '', next.errors);
  }
  const e = next.policy.enforce;
  const o = prev.policy.enforce;
  if (sameLevelVersion(e, o) || e.level === 'privileged') return;
  if (e.version === o.version && compareLevels(e.level, o.level) < 1) return;
  for (const w of evaluatePodsInNamespace(name, e, read.listKind('v1', 'Pod', name))) ctx.warn(w);
}

export const podSecurityAdmission: AdmissionPlugin = {
  name: 'PodSecurity',
  validate(attrs, read, ctx) {
    const { info } = attrs;
    if (info.group === '' && info.kind === 'Namespace') return validateNamespace(attrs, read, ctx);
    if (info.group === '' && info.kind === 'Pod') {
      if (IGNORED_POD_SUBRESOURCES.has(attrs.subresource ?? '')) return;
      const ns = namespacePolicy(read, attrs.obj.metadata.namespace);
      if (!ns || (!ns.errors && fullyPrivileged(ns.policy))) return;
      if (attrs.operation === 'UPDATE' && attrs.old && !significantPodUpdate(attrs.obj as Obj, attrs.old as Obj)) return;
      return evaluate(attrs, ns.policy, attrs.obj.metadata as Obj, (attrs.obj as Obj).spec ?? {}, true, ctx);
    }
    const templateOf = TEMPLATES[`${info.group}/${info.kind}`];
    if (!templateOf || attrs.subresource) return;
    const ns = namespacePolicy(read, attrs.obj.metadata.namespace);
    if (!ns || (!ns.errors && ns.policy.warn.level === 'privileged' && ns.policy.audit.level === 'privileged')) return;
    const template = templateOf(attrs.obj as Obj);
    if (!template) return;
    evaluate(attrs, ns.policy, template.metadata ?? {}, template.spec ?? {}, false, ctx);
  },
};
