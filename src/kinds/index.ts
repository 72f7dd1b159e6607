// Every kind kbx serves, in one explicit list (discovery and `api-resources` keep this order).
// To add a kind: declare it in a file of this folder (see kind.ts) and add it here.
import type { KindDefinition } from './kind.js';
import type { KObject, Table, TableColumnDefinition } from '../api/types.js';
import { coreOrGroupApiVersion, type ResourceInfo } from '../api/resource-info.js';
import { validateMetaUpdate, validateObject, type PodValidationOptions } from '../api/validation.js';
import type { FieldError } from '../api/field-errors.js';
import { withStatusStrategy } from '../registry/strategies.js';
import { DEFAULT_PRINTER, tableOf, type KindPrinter, type ToTableOptions } from '../printers/columns.js';
import type { Describer } from '../printers/describe.js';
import { pod } from './pod.js';
import { service } from './service.js';
import { endpoints } from './endpoints.js';
import { namespace } from './namespace.js';
import { event } from './event.js';
import { deployment } from './deployment.js';
import { replicaSet } from './replicaset.js';
import { node } from './node.js';
import { endpointSlice } from './endpointslice.js';
import { podDisruptionBudget } from './poddisruptionbudget.js';
import { configMap } from './configmap.js';
import { secret } from './secret.js';
import { serviceAccount } from './serviceaccount.js';
import { job } from './job.js';
import { cronJob } from './cronjob.js';
import { ingress } from './ingress.js';
import { ingressClass } from './ingressclass.js';
import { networkPolicy } from './networkpolicy.js';
import { daemonSet } from './daemonset.js';
import { statefulSet } from './statefulset.js';
import { controllerRevision } from './controllerrevision.js';
import { nodeMetrics, podMetrics } from './metrics.js';
import { horizontalPodAutoscaler } from './horizontalpodautoscaler.js';
import { clusterRole, clusterRoleBinding, role, roleBinding } from './rbac.js';
import { REVIEW_KINDS } from './authorization.js';
import { priorityClass } from './priorityclass.js';
import { limitRange } from './limitrange.js';
import { resourceQuota } from './resourcequota.js';
import { persistentVolume } from './persistentvolume.js';
import { persistentVolumeClaim } from './persistentvolumeclaim.js';
import { storageClass } from './storageclass.js';

export type { KindDefinition, VersionConversion } from './kind.js';

export const KINDS: readonly KindDefinition[] = [pod, service, endpoints, namespace, event, controllerRevision, daemonSet, deployment, replicaSet, statefulSet, node, endpointSlice, podDisruptionBudget, configMap, secret, serviceAccount, horizontalPodAutoscaler, cronJob, job, ingress, ingressClass, networkPolicy, nodeMetrics, podMetrics, clusterRoleBinding, clusterRole, roleBinding, role, priorityClass, limitRange, resourceQuota, persistentVolume, persistentVolumeClaim, storageClass, ...REVIEW_KINDS];

const BY_KIND = new Map(KINDS.map((k) => [k.resource.kind, k]));

/** A kind nothing declares (a test's made-up kind today, a custom resource tomorrow): metadata rules, status kept apart, default columns. */
function genericKind(info: ResourceInfo): KindDefinition {
  return { resource: info, strategy: withStatusStrategy };
}

/** The declaration of a served kind by its Kind name, or undefined. */
export function kindNamed(kind: string | undefined): KindDefinition | undefined {
  return kind ? BY_KIND.get(kind) : undefined;
}

/** The declaration behind a resource (the generic one for a resource no file declares). */
export function kindOf(info: ResourceInfo): KindDefinition {
  const k = BY_KIND.get(info.kind);
  return k && k.resource.group === info.group ? k : genericKind(info);
}

/** The kinds a group serves at `version` by conversion, each with its stored resource and the conversion. */
export function convertedAt(group: string, version: string): { info: ResourceInfo; conversion: import('./kind.js').VersionConversion }[] {
  return KINDS.filter((k) => k.resource.group === group && k.conversions?.[version]).map((k) => ({ info: k.resource, conversion: k.conversions![version]! }));
}

/** Every version a kind's group serves it at besides the stored one. */
export function otherVersions(info: ResourceInfo): string[] {
  return Object.keys(kindOf(info).conversions ?? {});
}

/** Create/update validation of a (defaulted) object of `info`'s kind: metadata first, then the kind's rules. */
export function validate(obj: KObject, info: ResourceInfo, opts: PodValidationOptions = {}): FieldError[] {
  const k = kindOf(info);
  return validateObject(obj, { namespaced: info.namespaced, nameValidator: k.nameValidator, validate: k.validate }, opts);
}

/**
 * The update-only rules: immutable metadata, then the kind's own (what a Pod update may change,
 * immutable selectors …). The kind comes from the registry entry when given, else from the objects' TypeMeta.
 */
export function validateUpdate(oldObj: KObject, newObj: KObject, info?: ResourceInfo): FieldError[] {
  const k = info ? kindOf(info) : kindNamed(newObj.kind ?? oldObj.kind);
  return [...validateMetaUpdate(oldObj, newObj), ...(k?.strategy.validateUpdate?.(newObj, oldObj) ?? [])];
}

/** Everything an update is checked against, in Kubernetes' order (ValidatePodUpdate: metadata update, object, spec update). */
export function validateForUpdate(oldObj: KObject, newObj: KObject, info: ResourceInfo, opts: PodValidationOptions = {}): FieldError[] {
  return [...validateMetaUpdate(oldObj, newObj), ...validate(newObj, info, opts), ...(kindOf(info).strategy.validateUpdate?.(newObj, oldObj) ?? [])];
}

export function printerFor(kind: string): KindPrinter {
  return kindNamed(kind)?.printer ?? DEFAULT_PRINTER;
}

export function columnsFor(kind: string): TableColumnDefinition[] {
  return printerFor(kind).columns;
}

/** The meta.k8s.io/v1 Table the apiserver returns for objects of `kind`. */
export function toTable(kind: string, objects: KObject[], opts: ToTableOptions): Table {
  const k = kindNamed(kind);
  const apiVersion = k ? coreOrGroupApiVersion(k.resource) : 'v1';
  return tableOf(k?.printer ?? DEFAULT_PRINTER, { apiVersion, kind }, objects, opts);
}

/** The kind's describer, loaded on first use; undefined for the generic describer. */
export async function describerFor(kind: string | undefined): Promise<Describer | undefined> {
  return kindNamed(kind)?.describer?.();
}
