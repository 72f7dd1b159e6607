// patches (strategic merge or JSON 6902, by target selector or by the patch's own id),
// patchesStrategicMerge and patchesJson6902: the same machinery kbx's API server uses for PATCH.
import type { KObject } from '../../api/types.js';
import { applyStrategicMergePatch } from '../../api/patch/strategic-merge-patch.js';
import { applyJsonPatch } from '../../api/patch/json-patch.js';
import { matchesLabels, parseLabelSelector } from '../../api/selectors.js';
import { parseManifests } from '../output/yaml.js';
import { yamlDocumentToJson } from '../../compat/yaml-parse.js';
import { gvkOf } from './fieldspec.js';
import { KustomizeError } from './errors.js';
import { idString, nameOf, namespaceOf, rememberId, type Resource } from './resource.js';
import type { Loader } from './loader.js';

export interface PatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

export interface PatchArgs {
  path?: string;
  patch?: string;
  target?: PatchTarget;
  options?: { allowNameChange?: boolean; allowKindChange?: boolean };
}

const anchored = (re: string) => new RegExp(`^(?:${re})$`);

function names(r: Resource): string[] {
  return [nameOf(r), ...r.previous.map((p) => p.name)];
}

function namespaces(r: Resource): string[] {
  return [namespaceOf(r), ...r.previous.map((p) => p.namespace)];
}

/** Selector.Select: group, version, kind, name and namespace as anchored regular expressions, and label/annotation selectors. */
export function targetMatches(r: Resource, t: PatchTarget): boolean {
  const g = gvkOf(r.obj);
  if (t.group && !anchored(t.group).test(g.group)) return false;
  if (t.version && !anchored(t.version).test(g.version)) return false;
  if (t.kind && !anchored(t.kind).test(g.kind)) return false;
  if (t.name && !names(r).some((n) => anchored(t.name!).test(n))) return false;
  if (t.namespace && !namespaces(r).some((n) => anchored(t.namespace!).test(n))) return false;
  if (t.labelSelector && !matchesLabels(parseLabelSelector(t.labelSelector), r.obj.metadata?.labels ?? {})) return false;
  if (t.annotationSelector && !matchesLabels(parseLabelSelector(t.annotationSelector), r.obj.metadata?.annotations ?? {})) return false;
  return true;
}

/** A strategic-merge patch without a target applies to the resource it names (any of its names). */
function idMatches(r: Resource, patch: KObject): boolean {
  const pg = gvkOf(patch);
  const g = gvkOf(r.obj);
  if (pg.kind !== g.kind || (pg.group && pg.group !== g.group)) return false;
  if (!names(r).includes(patch.metadata?.name ?? '')) return false;
  const ns = patch.metadata?.namespace;
  return !ns || namespaces(r).includes(ns);
}

function patchText(ldr: Loader, p: PatchArgs): string {
  if (p.patch !== undefined && p.path !== undefined) throw new KustomizeError('patch and path can\'t be set at the same time');
  if (p.patch !== undefined) return p.patch;
  if (p.path !== undefined) return ldr.readFile(p.path).toString('utf8');
  throw new KustomizeError('must specify one of patch and path in a patch');
}

/** A JSON 6902 patch is a list of operations (in YAML or JSON); anything else is a strategic-merge patch. */
function asJson6902(text: string): unknown[] | undefined {
  const t = text.trim();
  if (t.startsWith('[')) {
    try {
      const v = JSON.parse(t);
      if (Array.isArray(v)) return v;
    } catch {
      /* YAML flow sequence: below */
    }
  }
  let v: unknown;
  try {
    v = yamlDocumentToJson(text);
  } catch {
    return undefined;
  }
  return Array.isArray(v) ? v : undefined;
}

function applySmp(resources: Resource[], r: Resource, patch: KObject, allowNameChange: boolean): void {
  if ((patch as Record<string, unknown>)['$patch'] === 'delete') {
    resources.splice(resources.indexOf(r), 1);
    return;
  }
  const before = nameOf(r);
  const kind = r.obj.kind ?? '';
  const { apiVersion: _a, kind: _k, ...body } = patch as Record<string, unknown>;
  const meta = { ...((body.metadata as Record<string, unknown>) ?? {}) };
  if (!allowNameChange) delete meta.name;
  delete meta.namespace;
  body.metadata = meta;
  const out = applyStrategicMergePatch(r.obj, body, kind) as KObject;
  if (nameOf({ ...r, obj: out }) !== before) rememberId(r);
  r.obj = out;
}

function applyJson(r: Resource, ops: unknown[]): void {
  const before = nameOf(r);
  const out = applyJsonPatch(r.obj, ops) as KObject;
  if ((out.metadata?.name ?? '') !== before) rememberId(r);
  r.obj = out;
}

/** `patches:` entries. */
export function applyPatches(ldr: Loader, resources: Resource[], patches: PatchArgs[] | undefined): void {
  for (const p of patches ?? []) {
    const text = patchText(ldr, p);
    const ops = asJson6902(text);
    if (ops) {
      if (!p.target) throw new KustomizeError('must specify a target for JSON patch ' + text.trim());
      for (const r of resources.filter((x) => targetMatches(x, p.target!))) applyJson(r, ops);
      continue;
    }
    for (const patch of parseManifests(text, p.path ?? 'patch', { validate: false })) {
      const targets = p.target ? resources.filter((x) => targetMatches(x, p.target!)) : resources.filter((x) => idMatches(x, patch));
      if (!p.target && targets.length === 0) {
        const id = idString(patch);
        throw new KustomizeError(`no resource matches strategic merge patch "${id}": no matches for Id ${id}; failed to find unique target for patch ${id}`);
      }
      for (const r of targets) applySmp(resources, r, structuredClone(patch), !!p.options?.allowNameChange);
    }
  }
}

/** `patchesStrategicMerge:` (deprecated): file paths or inline patches. */
export function applyStrategicMergePatches(ldr: Loader, resources: Resource[], entries: string[] | undefined): void {
  for (const e of entries ?? []) {
    const inline = e.includes('\n') || /^\s*(apiVersion|kind|metadata)\s*:/.test(e);
    applyPatches(ldr, resources, [inline ? { patch: e } : { path: e }]);
  }
}

export interface Json6902Args {
  target: PatchTarget;
  path?: string;
  patch?: string;
}

/** `patchesJson6902:` (deprecated). */
export function applyJson6902Patches(ldr: Loader, resources: Resource[], entries: Json6902Args[] | undefined): void {
  for (const e of entries ?? []) {
    const text = patchText(ldr, e);
    const ops = asJson6902(text);
    if (!ops) throw new KustomizeError(`unable to parse SM or JSON patch from [${text}]`);
    for (const r of resources.filter((x) => targetMatches(x, e.target))) applyJson(r, ops);
  }
}
