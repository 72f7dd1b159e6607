// `kustomize build DIR` as kubectl v1.35 (kustomize v5.7) runs it: accumulate resources (files,
// directories with their own kustomization, recursively), run the generators, the components,
// the transformers; at the top only, add the generators' hash suffixes and fix name references;
// then order the output (kustomize's legacy order) and print it as kubectl does.
import fs from 'node:fs';
import path from 'node:path';
import type { KObject } from '../../api/types.js';
import { parseManifests, toKubectlYamlDocuments } from '../output/yaml.js';
import { yamlDocumentToJson, YamlSyntaxError } from '../../compat/yaml-parse.js';
import { KustomizeError } from './errors.js';
import { Loader } from './loader.js';
import { generateConfigMap, generateSecret, type GeneratorArgs, type GeneratorOptions } from './generators.js';
import { addNameAffixes, applyAnnotations, applyImages, applyLabels, applyReplicas, setNamespace, type ImageArgs, type LabelArgs, type ReplicaArgs } from './transformers.js';
import { applyJson6902Patches, applyPatches, applyStrategicMergePatches, type Json6902Args, type PatchArgs } from './patches.js';
import { fixNameReferences } from './nameref.js';
import { contentHash } from './hash.js';
import { idString, rememberId, sameId, type Resource } from './resource.js';
import { gvkOf } from './fieldspec.js';
import { ORDER_FIRST, ORDER_LAST } from './builtin-specs.js';

export interface Kustomization {
  apiVersion?: string;
  kind?: string;
  metadata?: unknown;
  resources?: string[];
  bases?: string[];
  components?: string[];
  namespace?: string;
  namePrefix?: string;
  nameSuffix?: string;
  commonLabels?: Record<string, string>;
  labels?: LabelArgs[];
  commonAnnotations?: Record<string, string>;
  images?: ImageArgs[];
  replicas?: ReplicaArgs[];
  configMapGenerator?: GeneratorArgs[];
  secretGenerator?: GeneratorArgs[];
  generatorOptions?: GeneratorOptions;
  patches?: PatchArgs[];
  patchesStrategicMerge?: string[];
  patchesJson6902?: Json6902Args[];
  buildMetadata?: string[];
  sortOptions?: { order?: 'legacy' | 'fifo' };
}

/** The fields kbx's kustomize understands; any other is refused (kustomize refuses unknown fields too). */
const KNOWN_FIELDS = new Set([
  'apiVersion', 'kind', 'metadata', 'resources', 'bases', 'components', 'namespace', 'namePrefix', 'nameSuffix', 'commonLabels',
  'labels', 'commonAnnotations', 'images', 'replicas', 'configMapGenerator', 'secretGenerator', 'generatorOptions', 'patches',
  'patchesStrategicMerge', 'patchesJson6902', 'sortOptions',
]);

/** Fields of kustomize kbx does not implement: refused by name rather than ignored. */
const UNSUPPORTED_FIELDS = new Set([
  'vars', 'replacements', 'configurations', 'crds', 'generators', 'transformers', 'validators', 'helmCharts', 'helmGlobals',
  'openapi', 'buildMetadata', 'helmChartInflationGenerator', 'inventory', 'patchesTransformers', 'imageTags',
]);

export interface BuildResult {
  objects: KObject[];
  warnings: string[];
}

function loadKustomization(dir: string): { k: Kustomization; warnings: string[] } {
  const file = Loader.kustomizationFile(dir);
  if (!file) {
    throw new KustomizeError(`unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${path.resolve(dir)}'`);
  }
  let doc: unknown;
  try {
    doc = yamlDocumentToJson(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof YamlSyntaxError) throw new KustomizeError(`invalid Kustomization: ${e.message}`);
    throw e;
  }
  if (doc === undefined || doc === null) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new KustomizeError('invalid Kustomization: json: cannot unmarshal array into Go value of type types.Kustomization');
  const k = doc as Kustomization & Record<string, unknown>;
  for (const f of Object.keys(k)) {
    if (UNSUPPORTED_FIELDS.has(f)) throw new KustomizeError(`kbx's kustomize does not support the '${f}' field yet (in ${file})`);
    if (!KNOWN_FIELDS.has(f)) throw new KustomizeError(`invalid Kustomization: json: unknown field "${f}"`);
  }
  const warnings: string[] = [];
  // CheckDeprecatedFields' order.
  const deprecated: Array<[keyof Kustomization, string, string]> = [
    ['bases', 'resources', ''],
    ['commonLabels', 'labels', ''],
    ['patchesJson6902', 'patches', ''],
    ['patchesStrategicMerge', 'patches', ''],
  ];
  for (const [field, instead] of deprecated) {
    if (k[field] !== undefined) warnings.push(`# Warning: '${field}' is deprecated. Please use '${instead}' instead. Run 'kustomize edit fix' to update your Kustomization automatically.`);
  }
  return { k, warnings };
}

/** Adds a resource, refusing a second one with the same id (kustomize's "already registered id"). */
function absorb(into: Resource[], r: Resource): void {
  const existing = into.find((x) => sameId(x.obj, r.obj));
  if (!existing) {
    into.push(r);
    return;
  }
  if (r.behavior === 'merge' || r.behavior === 'replace') {
    const o = existing.obj as Record<string, unknown>;
    const n = r.obj as Record<string, unknown>;
    if (r.behavior === 'replace') {
      existing.obj = { ...n, metadata: { ...(o.metadata as object), ...(n.metadata as object) } } as KObject;
    } else {
      for (const field of ['data', 'binaryData']) {
        if (n[field]) o[field] = { ...((o[field] as object) ?? {}), ...(n[field] as object) };
      }
      const om = (o.metadata ?? {}) as Record<string, Record<string, string> | undefined>;
      const nm = (n.metadata ?? {}) as Record<string, Record<string, string> | undefined>;
      if (nm.labels) om.labels = { ...(om.labels ?? {}), ...nm.labels };
      if (nm.annotations) om.annotations = { ...(om.annotations ?? {}), ...nm.annotations };
      o.metadata = om;
    }
    existing.hashSuffix = existing.hashSuffix || r.hashSuffix;
    return;
  }
  throw new KustomizeError(`may not add resource with an already registered id: ${idString(r.obj)}`);
}

function accumulateResources(ldr: Loader, into: Resource[], entries: string[], warnings: string[], stack: string[]): void {
  for (const entry of entries) {
    if (/^(https?:\/\/|git@|github\.com\/)/.test(entry)) throw new KustomizeError(`kbx's kustomize reads local resources only: ${entry}`);
    const abs = ldr.resolve(entry);
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(abs);
    } catch {
      const detail = `evalsymlink failure on '${abs}' : lstat ${abs}: no such file or directory`;
      throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${detail}': must build at directory: not a valid directory: ${detail}`);
    }
    if (st.isDirectory()) {
      if (stack.includes(abs)) throw new KustomizeError(`accumulating resources: cycle detected: candidate root '${abs}' contains visited root '${stack[stack.length - 1]}'`);
      const sub = accumulateTarget(abs, [], warnings, [...stack, abs]);
      for (const r of sub) absorb(into, r);
    } else {
      const text = ldr.readFile(entry).toString('utf8');
      let objs: KObject[];
      try {
        objs = parseManifests(text, abs, { validate: false });
      } catch (e) {
        throw new KustomizeError(`accumulating resources: accumulation err='accumulating resources from '${entry}': ${(e as Error).message}'`);
      }
      for (const obj of objs) {
        if (obj.kind === 'Kustomization' || obj.kind === 'Component') continue;
        try {
          absorb(into, { obj, previous: [] });
        } catch (e) {
          throw new KustomizeError(`accumulating resources: accumulation err='merging resources from '${entry}': ${(e as Error).message}': must build at directory: '${abs}': file is not directory`);
        }
      }
    }
  }
}

/** Resources of one kustomization, with its generators, components and transformers applied. */
function accumulateTarget(dir: string, start: Resource[], warnings: string[], stack: string[]): Resource[] {
  const { k, warnings: w } = loadKustomization(dir);
  warnings.push(...w);
  const ldr = new Loader(dir);
  const resources = start;
  accumulateResources(ldr, resources, [...(k.resources ?? []), ...(k.bases ?? [])], warnings, stack);
  for (const g of k.configMapGenerator ?? []) absorb(resources, generateConfigMap(ldr, g, k.generatorOptions));
  for (const g of k.secretGenerator ?? []) absorb(resources, generateSecret(ldr, g, k.generatorOptions));
  for (const c of k.components ?? []) {
    const cdir = ldr.resolve(c);
    const { k: ck } = loadKustomization(cdir);
    if (ck.kind !== 'Component') throw new KustomizeError(`accumulating components: accumulateDirectory: "expected kind 'Component' for path '${cdir}' but got '${ck.kind ?? 'Kustomization'}'"`);
    accumulateTarget(cdir, resources, warnings, [...stack, cdir]);
  }
  applyStrategicMergePatches(ldr, resources, k.patchesStrategicMerge);
  applyPatches(ldr, resources, k.patches);
  if (k.namespace) setNamespace(resources, k.namespace);
  if (k.namePrefix || k.nameSuffix) addNameAffixes(resources, k.namePrefix ?? '', k.nameSuffix ?? '');
  applyLabels(resources, k.labels, k.commonLabels);
  applyAnnotations(resources, k.commonAnnotations);
  applyJson6902Patches(ldr, resources, k.patchesJson6902);
  applyReplicas(resources, k.replicas);
  applyImages(resources, k.images);
  return resources;
}

function gvkSortString(o: KObject): string {
  const g = gvkOf(o);
  return [g.group || '~G', g.version || '~V', g.kind || '~K'].join('_');
}

function idSortString(o: KObject): string {
  const g = gvkOf(o);
  return [[g.kind || '~K', g.version || '~V', g.group || '~G'].join('_'), o.metadata?.namespace || '~X', o.metadata?.name || '~N'].join('|');
}

const TYPE_ORDER = new Map<string, number>([...ORDER_FIRST.map((k, i): [string, number] => [k, -ORDER_FIRST.length + i]), ...ORDER_LAST.map((k, i): [string, number] => [k, 1 + i])]);

/** The legacy order: kinds by the fixed lists, then group/version/kind, then namespace and name. */
export function legacyCompare(a: KObject, b: KObject): number {
  const ga = gvkSortString(a);
  const gb = gvkSortString(b);
  if (ga !== gb) {
    const ia = TYPE_ORDER.get(a.kind ?? '') ?? 0;
    const ib = TYPE_ORDER.get(b.kind ?? '') ?? 0;
    if (ia !== ib) return ia - ib;
    if (a.kind === 'Namespace' && b.kind === 'Namespace' && (!gvkOf(a).group || !gvkOf(b).group)) return ga > gb ? -1 : 1;
    return ga < gb ? -1 : 1;
  }
  const sa = idSortString(a);
  const sb = idSortString(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Builds the kustomization in `dir`. */
export function kustomizeBuild(dir: string): BuildResult {
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new KustomizeError(`must build at directory: not a valid directory: evalsymlink failure on '${dir}' : lstat ${path.resolve(dir)}: no such file or directory`);
  }
  if (!st.isDirectory()) throw new KustomizeError(`must build at directory: not a valid directory: '${dir}' is a file`);
  const warnings: string[] = [];
  const abs = path.resolve(dir);
  const resources = accumulateTarget(abs, [], warnings, [abs]);
  for (const r of resources) {
    if (!r.hashSuffix) continue;
    rememberId(r);
    r.obj.metadata = { ...(r.obj.metadata ?? {}), name: `${r.obj.metadata?.name ?? ''}-${contentHash(r.obj)}` };
  }
  fixNameReferences(resources);
  const { k } = loadKustomization(abs);
  const objects = resources.map((r) => r.obj);
  if (k.sortOptions?.order !== 'fifo') objects.sort(legacyCompare);
  return { objects, warnings: [...new Set(warnings)] };
}

/** `kubectl kustomize DIR`'s output. */
export function kustomizeYaml(dir: string): BuildResult & { yaml: string } {
  const r = kustomizeBuild(dir);
  return { ...r, yaml: toKubectlYamlDocuments(r.objects) };
}
