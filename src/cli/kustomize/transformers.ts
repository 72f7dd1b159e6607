// kustomize's builtin transformers, in the order a kustomization runs them (kusttarget's
// configureBuiltinTransformers): patchesStrategicMerge, patches, namespace, namePrefix,
// nameSuffix, labels, annotations, patchesJson6902, replicas, images. Each mutates the resources.
import type { KObject } from '../../api/types.js';
import { applyFieldSpecs, gvkOf, gvkSelected, type FieldSpec } from './fieldspec.js';
import { COMMON_ANNOTATIONS, COMMON_LABELS, IMAGES, METADATA_LABELS, REPLICAS, TEMPLATE_LABELS } from './builtin-specs.js';
import { isClusterScoped, nameOf, originalId, rememberId, type Resource } from './resource.js';

type Obj = Record<string, unknown>;

export function setNamespace(resources: Resource[], namespace: string): void {
  for (const r of resources) {
    const o = r.obj;
    const apiVersion = o.apiVersion ?? '';
    if (o.kind === 'Namespace' && apiVersion === 'v1') {
      rememberId(r);
      o.metadata = { ...(o.metadata ?? {}), name: namespace };
      continue;
    }
    if (!isClusterScoped(o)) {
      rememberId(r);
      o.metadata = { ...(o.metadata ?? {}), namespace };
    }
    if (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') {
      // Subjects named "default" follow the namespace (setRoleBindingSubjects: defaultOnly).
      for (const s of ((o as Obj).subjects as Obj[] | undefined) ?? []) if (s && s.name === 'default') s.namespace = namespace;
    }
  }
}

const NO_PREFIX_KINDS = [{ kind: 'CustomResourceDefinition' }, { group: 'apiregistration.k8s.io', kind: 'APIService' }, { kind: 'Namespace' }];

export function addNameAffixes(resources: Resource[], prefix: string, suffix: string): void {
  for (const r of resources) {
    if (NO_PREFIX_KINDS.some((g) => gvkSelected(r.obj, g))) continue;
    rememberId(r);
    r.obj.metadata = { ...(r.obj.metadata ?? {}), name: `${prefix}${nameOf(r)}${suffix}` };
  }
}

/** Sets each key of `values` in the maps the specs select (labels, selectors, annotations). */
export function setMapEntries(resources: Resource[], values: Record<string, string>, specs: readonly FieldSpec[]): void {
  if (!Object.keys(values).length) return;
  for (const r of resources) {
    applyFieldSpecs(
      r.obj,
      specs,
      (parent, key) => {
        const m = parent[key];
        if (!m || typeof m !== 'object' || Array.isArray(m)) return;
        for (const [k, v] of Object.entries(values)) (m as Obj)[k] = v;
      },
      () => ({}),
    );
  }
}

export interface LabelArgs {
  pairs?: Record<string, string>;
  includeSelectors?: boolean;
  includeTemplates?: boolean;
  fields?: FieldSpec[];
}

export function applyLabels(resources: Resource[], labels: LabelArgs[] | undefined, commonLabels: Record<string, string> | undefined): void {
  if (commonLabels) setMapEntries(resources, commonLabels, COMMON_LABELS);
  for (const l of labels ?? []) {
    const specs = l.includeSelectors ? COMMON_LABELS : l.includeTemplates ? TEMPLATE_LABELS : METADATA_LABELS;
    setMapEntries(resources, l.pairs ?? {}, [...specs, ...(l.fields ?? [])]);
  }
}

export function applyAnnotations(resources: Resource[], annotations: Record<string, string> | undefined): void {
  if (annotations) setMapEntries(resources, annotations, COMMON_ANNOTATIONS);
}

export interface ReplicaArgs {
  name: string;
  count: number;
}

export function applyReplicas(resources: Resource[], replicas: ReplicaArgs[] | undefined): void {
  for (const rep of replicas ?? []) {
    for (const r of resources) {
      if (nameOf(r) !== rep.name && originalId(r).name !== rep.name && !r.previous.some((p) => p.name === rep.name)) continue;
      applyFieldSpecs(r.obj, REPLICAS, (parent, key) => (parent[key] = rep.count), () => rep.count);
    }
  }
}

export interface ImageArgs {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** image.IsImageMatched: the name, then an optional :tag and @digest. */
export function imageMatches(image: string, name: string): boolean {
  return new RegExp(`^${escapeRegExp(name)}(:[a-zA-Z0-9_.{}-]*)?(@[a-zA-Z0-9]+([.+_-][a-zA-Z0-9]+)*:[a-zA-Z0-9_.{}-]*)?$`).test(image);
}

/** image.Split: name, tag and digest (a registry port's colon is not a tag). */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const offset = slash > 0 ? slash : 0;
  const search = image.slice(offset);
  let at = search.indexOf('@');
  let colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    at += offset;
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  }
  if (at >= 0 && colon >= 0) {
    at += offset;
    colon += offset;
    return { name: image.slice(0, colon), tag: image.slice(colon + 1, at), digest: image.slice(at + 1) };
  }
  colon += offset;
  return { name: image.slice(0, colon), tag: image.slice(colon + 1), digest: '' };
}

export function newImage(image: string, args: ImageArgs): string {
  let { name, tag, digest } = splitImage(image);
  if (args.newName) name = args.newName;
  if (args.newTag && args.digest) {
    tag = args.newTag;
    digest = args.digest;
  } else if (args.newTag) {
    tag = args.newTag;
    digest = '';
  } else if (args.digest) {
    tag = '';
    digest = args.digest;
  } else if (args.tagSuffix) {
    tag += args.tagSuffix;
    digest = '';
  }
  return name + (tag ? `:${tag}` : '') + (digest ? `@${digest}` : '');
}

export function applyImages(resources: Resource[], images: ImageArgs[] | undefined): void {
  for (const img of images ?? []) {
    for (const r of resources) {
      const specs = [...IMAGES, ...cronJobImageSpecs(r.obj)];
      applyFieldSpecs(r.obj, specs, (parent, key) => {
        const v = parent[key];
        if (typeof v === 'string' && imageMatches(v, img.name)) parent[key] = newImage(v, img);
      });
    }
  }
}

// kustomize also finds containers wherever they sit (its legacy image filter); CronJobs are the common case.
function cronJobImageSpecs(o: KObject): FieldSpec[] {
  if (o.kind !== 'CronJob') return [];
  return ['containers[]/image', 'initContainers[]/image'].map((s) => ({ path: `spec/jobTemplate/spec/template/spec/${s}` }));
}

export function kindGroupOf(o: KObject): string {
  const g = gvkOf(o);
  return g.group ? `${g.kind}.${g.group}` : g.kind;
}
