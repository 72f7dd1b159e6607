// Helpers behind `create deployment`, `scale`, `set image|env` and `rollout`: what kubectl builds
// and sends, in its words. All pure except resolveTargets() (kubectl's resource builder: GET or
// LIST the objects named) and describeRelated() (what the Deployment and ReplicaSet describers
// need besides the object).
import type { KObject } from '../api/types.js';
import { RESOURCES, qualifiedResource, qualifiedSingular, type ResourceInfo } from '../api/registry.js';
import { randomSuffix, type RandomSource } from '../api/names.js';
import { labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import { StatusError, type ApiClient } from '../client/client.js';
import { parseResourceArgs } from './context.js';
import { CliError } from './errors.js';
import { readManifests } from './manifests.js';
import { resolveObject } from './objects.js';
import { formatObjects, type OutputFormat } from './output/print.js';
import { toKubectlJson } from './output/json.js';

export const DEPLOYMENTS = RESOURCES.find((r) => r.kind === 'Deployment')!;
export const REPLICASETS = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;
export const PODS_INFO = RESOURCES.find((r) => r.kind === 'Pod')!;

// ---------------------------------------------------------------------------------------------
// Flags

export const RECORD_DEPRECATION = 'Flag --record has been deprecated, --record will be removed in the future';

/**
 * strconv.ParseInt(s, 0, bits) as pflag's int flags call it: decimal, 0x/0o/0b prefixes, a leading
 * 0 for octal, underscores between digits. Throws the strconv error text.
 */
export function parseGoInt(s: string, bits = 64): number {
  const syntax = () => new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`);
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let base = 10;
  let digits = body;
  if (/^0[xX]/.test(body)) [base, digits] = [16, body.slice(2)];
  else if (/^0[oO]/.test(body)) [base, digits] = [8, body.slice(2)];
  else if (/^0[bB]/.test(body)) [base, digits] = [2, body.slice(2)];
  else if (body.length > 1 && body[0] === '0') [base, digits] = [8, body.slice(1)];
  if (digits.includes('_')) {
    if (!/^[^_](?:_?[^_])*$/.test(digits) && !(base !== 10 && /^_/.test(digits))) throw syntax();
    digits = digits.replace(/_/g, '');
  }
  const alphabet = '0123456789abcdef'.slice(0, base);
  if (!digits.length || [...digits.toLowerCase()].some((c) => !alphabet.includes(c))) throw syntax();
  const v = [...digits.toLowerCase()].reduce((acc, c) => acc * BigInt(base) + BigInt(alphabet.indexOf(c)), 0n);
  const value = neg ? -v : v;
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -(1n << BigInt(bits - 1));
  if (value > max || value < min) throw new Error(`strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`);
  return Number(value);
}

/** An int flag's value, or pflag's error: `invalid argument "x" for "--replicas" flag: strconv.ParseInt: …`. */
export function intFlag(value: string | undefined, flag: string, usageCmd: string, bits = 64): number | undefined {
  if (value === undefined) return undefined;
  try {
    return parseGoInt(String(value), bits);
  } catch (e) {
    throw new CliError(`invalid argument "${value}" for "${flag}" flag: ${(e as Error).message}\nSee '${usageCmd} --help' for usage.`);
  }
}

/** pflag's StringSlice: every occurrence, each split at commas (CSV). */
export function stringSlice(values: string[] | string | undefined): string[] {
  const list = values === undefined ? [] : Array.isArray(values) ? values : [values];
  const out: string[] = [];
  for (const v of list) {
    if (v === '') continue;
    out.push(...parseCsvLine(v));
  }
  return out;
}

function parseCsvLine(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === '') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

// ---------------------------------------------------------------------------------------------
// create deployment

/** The container name kubectl derives from an image: last path part, no tag or digest; `_`/`.` → `-` plus a random suffix. */
export function containerNameForImage(image: string, rand: RandomSource = Math.random): string {
  const parts = image.split('/');
  let name = parts[parts.length - 1]!;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/_/g, '-').replace(/\./g, '-')}-${randomSuffix(5, rand)}`;
  return name;
}

export interface DeploymentSpecOptions {
  name: string;
  images: string[];
  replicas: number;
  /** -1: no port. */
  port: number;
  command: string[];
  /** Set only when -n was given (kubectl's EnforceNamespace). */
  namespace?: string;
  rand?: RandomSource;
}

/** The Deployment `kubectl create deployment` builds, keys in the Go struct order its JSON printer uses. */
export function buildDeployment(o: DeploymentSpecOptions): KObject {
  const labels = () => ({ app: o.name });
  const containers = o.images.map((image) => {
    const c: Record<string, unknown> = { name: containerNameForImage(image, o.rand), image };
    if (o.command.length) c.command = [...o.command];
    c.resources = {};
    return c;
  });
  if (o.port >= 0 && containers.length) {
    const first = containers[0]!;
    const resources = first.resources;
    delete first.resources;
    first.ports = [{ containerPort: o.port }];
    first.resources = resources;
  }
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}), labels: labels() },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: labels() },
      template: { metadata: { labels: labels() }, spec: { containers } },
      strategy: {},
    },
    status: {},
  };
}

// Field order of the Go types (k8s.io/api v0.35), for printing a typed object's JSON as kubectl does.
const ORDER: Record<string, string[]> = {
  Object: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
  ObjectMeta: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  OwnerReference: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'],
  DeploymentSpec: ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
  DeploymentStrategy: ['type', 'rollingUpdate'],
  RollingUpdate: ['maxUnavailable', 'maxSurge'],
  ReplicaSetSpec: ['replicas', 'minReadySeconds', 'selector', 'template'],
  LabelSelector: ['matchLabels', 'matchExpressions'],
  PodTemplateSpec: ['metadata', 'spec'],
  PodSpec: ['volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources', 'hostnameOverride', 'workloadRef'],
  Container: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'],
  ContainerPort: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  EnvVar: ['name', 'value', 'valueFrom'],
  VolumeMount: ['name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'],
  DeploymentStatus: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'terminatingReplicas', 'conditions', 'collisionCount'],
  DeploymentCondition: ['type', 'status', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'],
  ReplicaSetStatus: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'terminatingReplicas', 'observedGeneration', 'conditions'],
  PodStatus: ['observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize', 'resourceClaimStatuses', 'extendedResourceClaimStatus', 'allocatedResources', 'resources'],
  ContainerStatus: ['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'allocatedResources', 'resources', 'volumeMounts', 'user', 'allocatedResourcesStatus', 'stopSignal'],
  PodCondition: ['type', 'observedGeneration', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'],
};

const TOP: Record<string, Record<string, string>> = {
  Deployment: { metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'DeploymentStatus' },
  ReplicaSet: { metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'ReplicaSetStatus' },
  Pod: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' },
};

const CHILD: Record<string, Record<string, string>> = {
  ObjectMeta: { ownerReferences: 'OwnerReference' },
  DeploymentSpec: { selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: 'DeploymentStrategy' },
  ReplicaSetSpec: { selector: 'LabelSelector', template: 'PodTemplateSpec' },
  DeploymentStrategy: { rollingUpdate: 'RollingUpdate' },
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PodSpec: { initContainers: 'Container', containers: 'Container', ephemeralContainers: 'Container' },
  Container: { ports: 'ContainerPort', env: 'EnvVar', volumeMounts: 'VolumeMount' },
  DeploymentStatus: { conditions: 'DeploymentCondition' },
  ReplicaSetStatus: { conditions: 'DeploymentCondition' },
  PodStatus: { conditions: 'PodCondition', initContainerStatuses: 'ContainerStatus', containerStatuses: 'ContainerStatus', ephemeralContainerStatuses: 'ContainerStatus' },
};

function orderAs(value: unknown, type: string, children: Record<string, string> | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => orderAs(v, type, children));
  if (!value || typeof value !== 'object') return value;
  const order = ORDER[type]!;
  const obj = value as Record<string, unknown>;
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k)).sort()];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const child = children?.[k];
    out[k] = child ? orderAs(obj[k], child, CHILD[child]) : obj[k];
  }
  return out;
}

/**
 * Reorders a Deployment, ReplicaSet or Pod read from the server into the field order of its Go
 * type, as kubectl's JSON printer shows typed objects (unknown keys last, sorted). Other kinds
 * are returned as they are.
 */
export function typedOrder(obj: unknown): unknown {
  const kind = (obj as KObject | null)?.kind ?? '';
  const top = TOP[kind];
  return top ? orderAs(obj, 'Object', top) : obj;
}

// ---------------------------------------------------------------------------------------------
// set image / set env

/** cmdutil.GetResourcesAndPairs: resources first, then `KEY=VALUE` / `KEY-` pairs. */
export function getResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else throw new CliError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs without removal: `name=value` pairs, in the order given (a later one replaces an earlier). */
export function parsePairs(pairArgs: string[], pairType: string): Map<string, string> {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairArgs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      out.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length) throw new CliError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}

/** Where a kind keeps its pod spec (polymorphichelpers.UpdatePodSpecForObject), or undefined. */
export function podSpecPath(kind: string | undefined): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

export function getPath(obj: unknown, path: string[]): any {
  let cur: any = obj;
  for (const p of path) cur = cur?.[p];
  return cur;
}

/** Sets the image of every container (and init container) named `name` (or all, for `*`); false when none matched. */
export function setContainerImage(podSpec: Record<string, any>, name: string, image: string): boolean {
  let found = false;
  for (const list of [podSpec.initContainers, podSpec.containers]) {
    for (const c of (list as Record<string, any>[] | undefined) ?? []) {
      if (c.name === name || name === '*') {
        c.image = image;
        found = true;
      }
    }
  }
  return found;
}

/** envutil.SplitEnvironmentFromResources: resources, then `K=V` / `K-` arguments; false if mixed. */
export function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  let first = true;
  for (const s of args) {
    const isEnv = /^.+=/s.test(s) || s.endsWith('-');
    if (isEnv) {
      first = false;
      envArgs.push(s);
    } else if (first) resources.push(s);
    else return undefined;
  }
  return { resources, envArgs };
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** envutil.ParseEnv (without `-` for stdin): variables to set and names to remove. */
export function parseEnv(spec: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const s of spec) {
    if (s === '-') throw new CliError("when '-' is used, STDIN must be open");
    if (s.includes('=')) {
      const i = s.indexOf('=');
      const name = s.slice(0, i);
      if (!ENV_NAME.test(name)) {
        throw new CliError(
          `${JSON.stringify(name)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
        );
      }
      set.add(name);
      env.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new CliError(`unknown environment variable: ${s}`);
  }
  for (const r of remove) if (set.has(r)) throw new CliError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** set env's updateEnv: existing variables in place (replaced or removed), new ones appended. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** set's selectString: `*` globbing for --containers, with kubectl's own matching rules. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.length) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Resources

/** `deployments.apps` / `pods`: the resource name kubectl puts in `… "x" is already paused`. */
export function resourceString(info: ResourceInfo): string {
  return qualifiedResource(info);
}

/** `deployment.apps/x`. */
export function objectName(info: ResourceInfo, name: string): string {
  return `${qualifiedSingular(info)}/${name}`;
}

/** `ReplicaSet.apps`, `Pod`: a GroupKind as Go prints it. */
export function groupKind(info: ResourceInfo): string {
  return info.group ? `${info.kind}.${info.group}` : info.kind;
}

/** The label selector string kubectl lists a deployment's (or ReplicaSet's) children with. */
export function selectorQuery(obj: KObject): string {
  try {
    return selectorToString(labelSelectorFromSpec(obj.spec?.selector));
  } catch {
    return '';
  }
}

/**
 * What describeDeployment / describeReplicaSet need besides the object, as kubectl's describers
 * fetch it: the ReplicaSets matching a Deployment's selector, the pods matching a ReplicaSet's.
 * Returns the `related` part of a DescribeContext.
 */
export async function describeRelated(client: ApiClient, obj: KObject): Promise<Record<string, unknown>> {
  const ns = obj.metadata?.namespace;
  if (obj.kind === 'Deployment') {
    try {
      const list = await client.list(REPLICASETS, ns, { labelSelector: selectorQuery(obj) });
      return { replicaSets: list.items };
    } catch {
      return { replicaSets: [] };
    }
  }
  if (obj.kind === 'ReplicaSet') {
    try {
      const list = await client.list(PODS_INFO, ns, { labelSelector: selectorQuery(obj) });
      return { pods: list.items };
    } catch (e) {
      return { podsError: (e as Error).message };
    }
  }
  return {};
}

// ---------------------------------------------------------------------------------------------
// The resource builder, as scale, set and rollout use it

export interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  object: KObject;
}

export interface ResolveOptions {
  namespace: string;
  selector?: string;
  filenames?: string[];
  recursive?: boolean;
  /** A bare type selects every object of it (rollout; scale/set with --all). */
  allowEmptySelector: boolean;
}

export const NO_RESOURCES_ERROR =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/**
 * resource.Builder with ResourceTypeOrNameArgs + Latest + ContinueOnError: the objects named
 * (GET each), listed (type with -l or when allowed) or in -f files; lookup errors are collected,
 * not thrown. Argument errors (unknown type, no name) are thrown.
 */
export async function resolveTargets(client: ApiClient, args: string[], o: ResolveOptions): Promise<{ targets: Target[]; errors: unknown[]; listed: boolean }> {
  const targets: Target[] = [];
  const errors: unknown[] = [];
  let listed = false;
  const withKind = (info: ResourceInfo, obj: KObject): KObject => ({ apiVersion: info.group ? `${info.group}/${info.version}` : info.version, kind: info.kind, ...obj });
  if (o.filenames?.length) {
    for (const so of readManifests(o.filenames, o.recursive)) {
      const r = resolveObject(so, undefined, o.namespace);
      const name = r.object.metadata?.name ?? '';
      try {
        targets.push({ info: r.info, namespace: r.namespace, name, object: withKind(r.info, await client.get(r.info, r.namespace, name)) });
      } catch (e) {
        errors.push(e);
      }
    }
  }
  if (!args.length) {
    if (!o.filenames?.length) throw new CliError(NO_RESOURCES_ERROR);
    return { targets, errors, listed };
  }
  for (const sel of parseResourceArgs(args)) {
    const ns = sel.info.namespaced ? o.namespace : undefined;
    if (sel.names.length) {
      for (const name of sel.names) {
        try {
          targets.push({ info: sel.info, namespace: ns, name, object: withKind(sel.info, await client.get(sel.info, ns, name)) });
        } catch (e) {
          errors.push(await namespaceMissing(client, e, ns));
        }
      }
      continue;
    }
    if (!o.selector && !o.allowEmptySelector) throw new CliError('resource(s) were provided, but no name was specified');
    listed = true;
    const list = await client.list(sel.info, ns, { labelSelector: o.selector });
    for (const item of list.items) targets.push({ info: sel.info, namespace: ns, name: item.metadata.name ?? '', object: withKind(sel.info, item) });
  }
  return { targets, errors, listed };
}

/** Info.Get: a NotFound in a namespace other than default is reported as the namespace's NotFound when that is missing. */
async function namespaceMissing(client: ApiClient, e: unknown, ns: string | undefined): Promise<unknown> {
  if (!(e instanceof StatusError) || e.code !== 404 || !ns || ns === 'default') return e;
  const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
  try {
    await client.get(NAMESPACES, undefined, ns);
  } catch (e2) {
    if (e2 instanceof StatusError && e2.code === 404) return e2;
  }
  return e;
}

/** Reports the errors collected while acting on several objects: one is thrown as it is, several print one per line (exit 1). */
export function finishWithErrors(ctx: { err(s: string): void; exitCode: number }, errors: unknown[]): void {
  if (!errors.length) return;
  if (errors.length === 1) throw errors[0];
  for (const e of errors) {
    if (e instanceof StatusError) ctx.err(e.reason && e.reason !== 'Unknown' ? `Error from server (${e.reason}): ${e.message}` : `Error from server: ${e.message}`);
    else ctx.err(((e as Error).message ?? String(e)).replace(/\n$/, ''));
  }
  ctx.exitCode = 1;
}

/** Fields Go's encoder leaves out at their zero value (omitempty, non-pointer), per kind and section. */
const OMIT_ZERO: Record<string, { spec: string[]; status: string[] }> = {
  Deployment: { spec: ['minReadySeconds', 'paused'], status: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] },
  ReplicaSet: { spec: ['minReadySeconds'], status: ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] },
};

/**
 * What a JSON object looks like after kubectl decodes it into its Go type and encodes it again:
 * omitempty zeros dropped, `status.replicas` of a ReplicaSet (not omitempty) always present.
 */
export function typedNormalize(obj: KObject): KObject {
  const rules = OMIT_ZERO[obj.kind ?? ''];
  if (!rules) return obj;
  const out = structuredClone(obj);
  if (out.metadata?.generation === 0) delete out.metadata.generation;
  for (const [section, keys] of [['spec', rules.spec], ['status', rules.status]] as const) {
    const part = out[section] as Record<string, unknown> | undefined;
    if (!part) continue;
    for (const k of keys) if (part[k] === 0 || part[k] === false) delete part[k];
  }
  if (obj.kind === 'ReplicaSet') out.status = { replicas: 0, ...(out.status ?? {}) };
  return out;
}

/** `-o` output of one typed object (kubectl's builder WithScheme): JSON in Go field order, everything else as usual. */
export function formatTyped(obj: KObject, fmt: OutputFormat): string {
  const typed = typedNormalize(obj);
  if (fmt.kind === 'json') return toKubectlJson(typedOrder(typed));
  return formatObjects([typed], fmt, true);
}
