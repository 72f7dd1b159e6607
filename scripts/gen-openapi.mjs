#!/usr/bin/env node
// Generates the OpenAPI documents the API server serves (/openapi/v2, /openapi/v3/<gv>), at build time, from
// the upstream Kubernetes definitions as the npm package kubernetes-models (MIT) ships them: one .d.ts per
// definition (io.k8s.api.apps.v1.DeploymentSpec …) with the upstream descriptions, required fields and enums.
// Integer formats come from @kubernetes/client-node's attributeTypeMap (also generated from the upstream spec).
// Only the kinds kbx serves (dist/kinds/index.js, so run after tsc) and what they reach are kept.
//
// Output (dist/openapi/): v2.json.gz, v3/<api|apis/group>/<version>.json.gz, index.json (paths + hashes).
// The server reads them lazily; the hash of each document is its ETag and the ?hash= of the v3 index.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** A package's folder (some packages export no ./package.json): the project's node_modules, or kubernetes-models' own. */
function pkgDir(name) {
  for (const base of [path.join(ROOT, 'node_modules'), path.join(ROOT, 'node_modules', 'kubernetes-models', 'node_modules')]) {
    const d = path.join(base, name);
    if (fs.existsSync(path.join(d, 'package.json'))) return d;
  }
  throw new Error(`${name} is not installed (npm ci installs it: it is a devDependency)`);
}
const MODELS = pkgDir('kubernetes-models');
const APIMACHINERY = pkgDir('@kubernetes-models/apimachinery');
const CLIENT_NODE_MODELS = path.join(pkgDir('@kubernetes/client-node'), 'dist', 'gen', 'models');
const OUT = path.join(ROOT, 'dist', 'openapi');
const K8S_VERSION = 'v1.35.0';

// ---------- reading kubernetes-models' declarations ----------

/** `IIoK8sApiAppsV1DeploymentSpec` → its .d.ts file, from the import lines that name it. */
const fileOf = new Map();
/** Parsed definitions by definition name (io.k8s.api.apps.v1.DeploymentSpec). */
const parsed = new Map();

function definitionName(file) {
  // kubernetes-models: <group dir>/<version>/<Name>.d.ts (core at v1/); apimachinery: <pkg path>/<Name>.d.ts
  if (file.startsWith(APIMACHINERY)) {
    const rel = path.relative(APIMACHINERY, file).replace(/\.d\.ts$/, '').split(path.sep);
    return `io.k8s.apimachinery.pkg.${rel.join('.')}`;
  }
  const rel = path.relative(MODELS, file).replace(/\.d\.ts$/, '').split(path.sep);
  if (rel.length === 2) return `io.k8s.api.core.${rel[0]}.${rel[1]}`;
  const group = rel[0].replace(/\.k8s\.io$/, '').replace(/\.authorization$/, '').replace(/\.apiserver$/, '');
  if (group === 'apiextensions') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${rel[1]}.${rel[2]}`;
  if (group === 'apiregistration') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${rel[1]}.${rel[2]}`;
  return `io.k8s.api.${group}.${rel[1]}.${rel[2]}`;
}

function resolveImport(fromFile, spec) {
  if (spec.startsWith('@kubernetes-models/apimachinery/')) return path.join(APIMACHINERY, spec.slice('@kubernetes-models/apimachinery/'.length)) + '.d.ts';
  if (spec.startsWith('.')) return path.resolve(path.dirname(fromFile), spec.replace(/\.js$/, '')) + '.d.ts';
  return undefined;
}

const TYPE_META = Object.fromEntries(
  [...fs.readFileSync(path.join(pkgDir('@kubernetes-models/base'), 'dist', 'meta.d.ts'), 'utf8').matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+): string;/g)].map(
    (m) => [m[2], docText(m[1])],
  ),
);

/** JSDoc text → description (the upstream text; ` * ` prefixes removed, paragraphs kept). */
function docText(raw) {
  return raw
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/** Reads one .d.ts: its interface's members or its type alias. */
function parseFile(file) {
  const name = definitionName(file);
  if (parsed.has(name)) return name;
  const text = fs.readFileSync(file, 'utf8');
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    const target = resolveImport(file, m[2]);
    if (target) fileOf.set(m[1], target);
  }
  const def = { name, file, description: '', properties: [], alias: undefined };
  parsed.set(name, def);
  const iface = /\/\*\*([\s\S]*?)\*\/\s*export interface I\w+( extends TypeMeta)? \{([\s\S]*?)\n\}/.exec(text);
  if (iface) {
    def.description = docText(iface[1]);
    def.properties = parseMembers(iface[3]);
    if (iface[2]) {
      // TypeMeta's apiVersion and kind: optional upstream, with TypeMeta's descriptions.
      for (const p of def.properties) if (TYPE_META[p.name]) Object.assign(p, { optional: true, description: p.description || TYPE_META[p.name] });
    }
  } else {
    const alias = /(?:\/\*\*([\s\S]*?)\*\/\s*)?export type I(\w+) = ([^;]+);/.exec(text);
    if (!alias) throw new Error(`no interface or type in ${file}`);
    def.description = alias[1] ? docText(alias[1]) : '';
    def.alias = alias[3].trim();
  }
  return name;
}

/** Interface members: [{name, optional, type, description}] (types may span lines: `{ [key: string]: string; }`). */
function parseMembers(body) {
  const out = [];
  let i = 0;
  let doc = '';
  while (i < body.length) {
    const rest = body.slice(i);
    const ws = /^\s+/.exec(rest);
    if (ws) {
      i += ws[0].length;
      continue;
    }
    if (rest.startsWith('/**')) {
      const end = rest.indexOf('*/');
      doc = docText(rest.slice(3, end));
      i += end + 2;
      continue;
    }
    const m = /^"([^"]+)"(\?)?: /.exec(rest);
    if (!m) throw new Error(`cannot parse member at: ${rest.slice(0, 80)}`);
    i += m[0].length;
    let depth = 0;
    let j = i;
    for (; j < body.length; j++) {
      const c = body[j];
      if (c === '{' || c === '<' || c === '(') depth++;
      else if (c === '}' || c === '>' || c === ')') depth--;
      else if (c === ';' && depth === 0) break;
    }
    out.push({ name: m[1], optional: !!m[2], type: body.slice(i, j).replace(/\s+/g, ' ').trim(), description: doc });
    doc = '';
    i = j + 1;
  }
  return out;
}

// ---------- formats from @kubernetes/client-node ----------

const formatCache = new Map();
/** The attributeTypeMap of client-node's class for a definition (V1Container, CoreV1Event …), or undefined. */
async function clientNodeFormats(defName) {
  if (formatCache.has(defName)) return formatCache.get(defName);
  const parts = defName.split('.');
  const short = parts.at(-1);
  const version = parts.at(-2);
  const group = parts.at(-3);
  const ver = version.charAt(0).toUpperCase() + version.slice(1);
  const candidates = [`${ver}${short}`, `${group.charAt(0).toUpperCase()}${group.slice(1)}${ver}${short}`];
  let map;
  for (const c of candidates) {
    const f = path.join(CLIENT_NODE_MODELS, `${c}.js`);
    if (!fs.existsSync(f)) continue;
    const mod = await import(pathToFileURL(f).href);
    const cls = mod[c];
    if (cls?.attributeTypeMap) {
      map = new Map(cls.attributeTypeMap.map((a) => [a.baseName, a.format]));
      break;
    }
  }
  formatCache.set(defName, map);
  return map;
}

// ---------- TS types → schemas (v2 shape; v3 differs in $ref prefix and allOf wrapping) ----------

function splitUnion(t) {
  const parts = [];
  let depth = 0;
  let cur = '';
  for (const c of t) {
    if ('{<('.includes(c)) depth++;
    if ('}>)'.includes(c)) depth--;
    if (c === '|' && depth === 0) {
      parts.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  parts.push(cur.trim());
  return parts;
}

/** A TS type of a member → a schema; refs are {$ref: name} and collected in `reach`. */
function typeSchema(t, fromFile, reach, format) {
  t = t.trim();
  if (t.startsWith('Array<') && t.endsWith('>')) return { type: 'array', items: typeSchema(t.slice(6, -1), fromFile, reach) };
  const map = /^\{ \[key: string\]: (.*); \}$/.exec(t);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], fromFile, reach) };
  if (t === 'string') return format === 'byte' || format === 'date-time' ? { type: 'string', format } : { type: 'string' };
  if (t === 'boolean') return { type: 'boolean' };
  if (t === 'number') {
    if (format === 'double' || format === 'float') return { type: 'number', format };
    return { type: 'integer', format: format || 'int32' };
  }
  if (t === 'any' || t === 'object' || t === '{}') return { type: 'object' };
  // An object type written inline (StatefulSetSpec.volumeClaimTemplates: a PersistentVolumeClaim with
  // apiVersion/kind optional) is the kind its spec belongs to, as upstream's $ref says.
  const inlineKind = /^\{[\s\S]*"spec"\?: (I[A-Z]\w+)Spec;[\s\S]*\}$/.exec(t);
  if (inlineKind) {
    const spec = fileOf.get(`${inlineKind[1]}Spec`);
    const kindFile = spec && path.join(path.dirname(spec), `${path.basename(spec, '.d.ts').replace(/Spec$/, '')}.d.ts`);
    if (kindFile && fs.existsSync(kindFile)) {
      const name = parseFile(kindFile);
      reach.add(name);
      return { $ref: name };
    }
  }
  if (/^I[A-Z]\w+$/.test(t)) {
    const file = fileOf.get(t);
    if (!file) throw new Error(`unresolved type ${t} in ${fromFile}`);
    const name = parseFile(file);
    reach.add(name);
    return { $ref: name };
  }
  const alts = splitUnion(t);
  if (alts.every((a) => /^"[^"]*"$/.test(a))) {
    const values = alts.map((a) => JSON.parse(a));
    // `"apiVersion": "v1"` / `"kind": "Pod"` are literal types kubernetes-models adds; upstream they are plain strings.
    return values.length === 1 ? { type: 'string' } : { type: 'string', enum: values };
  }
  if (alts.length === 2 && alts.includes('string') && alts.includes('number')) return { type: 'string', format: 'int-or-string' };
  throw new Error(`unhandled type ${t} in ${fromFile}`);
}

/** A definition as a v2 schema, its references added to `reach`. */
async function definitionSchema(name, reach) {
  const def = parsed.get(name);
  if (def.alias !== undefined) {
    const s = def.alias === 'string | number' || def.alias === 'number | string' ? { type: 'string', format: 'int-or-string' } : typeSchema(def.alias, def.file, reach);
    if (/\.(Micro)?Time$/.test(name)) s.format = 'date-time';
    return def.description ? { description: def.description, ...s } : s;
  }
  const formats = await clientNodeFormats(name);
  const properties = {};
  const required = [];
  for (const p of def.properties) {
    const s = typeSchema(p.type, def.file, reach, formats?.get(p.name));
    properties[p.name] = p.description ? { description: p.description, ...s } : s;
    if (!p.optional) required.push(p.name);
  }
  const out = { description: def.description || undefined, type: 'object', properties };
  if (required.length) out.required = required;
  // FieldsV1 (managedFields.fieldsV1) and RawExtension hold arbitrary JSON.
  if (def.properties.length === 0) out['x-kubernetes-preserve-unknown-fields'] = true;
  return out;
}

// ---------- the served kinds ----------

const { KINDS } = await import(pathToFileURL(path.join(ROOT, 'dist', 'kinds', 'index.js')).href);

function modelFile(group, version, kind) {
  const dir = group === '' ? version : path.join(group, version);
  return path.join(MODELS, dir, `${kind}.d.ts`);
}

/** Subresource bodies: which definition a subresource takes and returns. */
const SUBRESOURCE_BODY = {
  scale: ['autoscaling', 'v1', 'Scale'],
  eviction: ['policy', 'v1', 'Eviction'],
  token: ['authentication.k8s.io', 'v1', 'TokenRequest'],
};

const definitions = {};
const reach = new Set();
const gvkOf = new Map();
const groups = new Map(); // "api/v1" | "apis/apps/v1" → { resources: [...] }

for (const k of KINDS) {
  const r = k.resource;
  // metrics.k8s.io is metrics-server's aggregated API upstream, not in the core OpenAPI (nor in kubernetes-models).
  if (r.group === 'metrics.k8s.io') continue;
  const file = modelFile(r.group, r.version, r.kind);
  if (!fs.existsSync(file)) throw new Error(`no upstream definition for ${r.kind} (${file})`);
  const name = parseFile(file);
  reach.add(name);
  gvkOf.set(name, { group: r.group, kind: r.kind, version: r.version });
  // Create-only kinds (the review APIs) have no list.
  const listFile = modelFile(r.group, r.version, `${r.kind}List`);
  let listName;
  if (fs.existsSync(listFile)) {
    listName = parseFile(listFile);
    reach.add(listName);
    gvkOf.set(listName, { group: r.group, kind: `${r.kind}List`, version: r.version });
  }
  const sub = {};
  for (const s of r.subresources) {
    const b = SUBRESOURCE_BODY[s];
    if (b) {
      sub[s] = parseFile(modelFile(...b));
      reach.add(sub[s]);
      gvkOf.set(sub[s], { group: b[0], kind: b[2], version: b[1] });
    }
  }
  const key = r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
  if (!groups.has(key)) groups.set(key, []);
  groups.get(key).push({ r, name, listName, sub });
}
for (const extra of ['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch']) {
  const file = path.join(APIMACHINERY, ...extra.slice('io.k8s.apimachinery.pkg.'.length).split('.')) + '.d.ts';
  reach.add(parseFile(file));
}

const pending = [...reach];
while (pending.length) {
  const name = pending.pop();
  if (definitions[name]) continue;
  const more = new Set();
  definitions[name] = await definitionSchema(name, more);
  const gvk = gvkOf.get(name);
  if (gvk) definitions[name]['x-kubernetes-group-version-kind'] = [gvk];
  for (const m of more) if (!definitions[m]) pending.push(m);
}
// ---------- patch strategies and list types (what kubectl's three-way patch and server-side apply read) ----------
// Upstream these extensions come from the Go struct tags; kbx keeps the same tags as data in src/api/patch/merge-keys.ts
// (per kind and field path), so they are set here on the definitions each kind reaches along those paths.
const { patchMetaFor } = await import(pathToFileURL(path.join(ROOT, 'dist', 'api', 'patch', 'merge-keys.js')).href);
/** Map keys where the list's identity is more than its patch merge key (upstream x-kubernetes-list-map-keys). */
const LIST_MAP_KEYS = {
  'io.k8s.api.core.v1.Container.ports': ['containerPort', 'protocol'],
  'io.k8s.api.core.v1.ServiceSpec.ports': ['port', 'protocol'],
  'io.k8s.api.core.v1.PodSpec.topologySpreadConstraints': ['topologyKey', 'whenUnsatisfiable'],
};
function annotate(kind, defName, fieldPath, depth) {
  const def = definitions[defName];
  if (!def?.properties || depth > 14) return;
  for (const [field, prop] of Object.entries(def.properties)) {
    const p = [...fieldPath, field];
    const meta = patchMetaFor(kind, p);
    const target = prop;
    if (meta.isList && prop.type === 'array' && !prop['x-kubernetes-list-type']) {
      if (meta.strategy === 'merge' && meta.mergeKey) {
        target['x-kubernetes-patch-strategy'] = meta.retainKeys ? 'merge,retainKeys' : 'merge';
        target['x-kubernetes-patch-merge-key'] = meta.mergeKey;
        target['x-kubernetes-list-type'] = 'map';
        target['x-kubernetes-list-map-keys'] = LIST_MAP_KEYS[`${defName}.${field}`] ?? [meta.mergeKey];
      } else if (meta.strategy === 'merge') {
        target['x-kubernetes-patch-strategy'] = 'merge';
        target['x-kubernetes-list-type'] = 'set';
      } else target['x-kubernetes-list-type'] = 'atomic';
    } else if (!meta.isList && meta.retainKeys && !prop['x-kubernetes-patch-strategy']) {
      target['x-kubernetes-patch-strategy'] = 'retainKeys';
    }
    const ref = prop.$ref ?? prop.items?.$ref ?? prop.additionalProperties?.$ref;
    if (ref) annotate(kind, ref, p, depth + 1);
  }
}
for (const [name, gvk] of gvkOf) if (definitions[name] && !gvk.kind.endsWith('List')) annotate(gvk.kind, name, [], 0);

// Status, DeleteOptions … are served by every group: upstream lists each group's GVKs on them; one is enough for clients.
const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));

// ---------- paths ----------

const queryParam = (name, description, type = 'string') => ({ name, in: 'query', description, schema: { type, uniqueItems: true }, type, uniqueItems: true });
const PARAMS = {
  dryRun: queryParam('dryRun', 'When present, indicates that modifications should not be persisted. Valid values are: - All: all dry run stages will be processed'),
  fieldManager: queryParam('fieldManager', 'fieldManager is a name associated with the actor or entity that is making these changes.'),
  fieldValidation: queryParam(
    'fieldValidation',
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore - Warn - Strict',
  ),
  force: queryParam('force', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people.', 'boolean'),
  labelSelector: queryParam('labelSelector', 'A selector to restrict the list of returned objects by their labels.'),
  fieldSelector: queryParam('fieldSelector', 'A selector to restrict the list of returned objects by their fields.'),
  watch: queryParam('watch', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.', 'boolean'),
};
const pathParam = (name) => ({ name, in: 'path', required: true, description: `name of the ${name === 'namespace' ? 'Namespace' : 'object'}`, type: 'string', schema: { type: 'string', uniqueItems: true }, uniqueItems: true });

function operation(action, gvk, id, params, body, response) {
  return { id, action, gvk, params, body, response };
}

/** The operations of one resource, neutral between v2 and v3. */
function resourcePaths(prefix, { r, name, listName, sub }) {
  const gvk = { group: r.group, kind: r.kind, version: r.version };
  const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
  const scope = r.namespaced ? [pathParam('namespace')] : [];
  const verbs = new Set(r.verbs);
  const paths = {};
  const coll = {};
  if (verbs.has('list')) coll.get = operation('list', gvk, `list${r.kind}`, [PARAMS.labelSelector, PARAMS.fieldSelector, PARAMS.watch], undefined, listName);
  if (verbs.has('create')) coll.post = operation('post', gvk, `create${r.kind}`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], name, name);
  if (verbs.has('deletecollection')) coll.delete = operation('deletecollection', gvk, `deleteCollection${r.kind}`, [PARAMS.dryRun, PARAMS.labelSelector, PARAMS.fieldSelector], 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  paths[base] = { params: scope, ops: coll };
  const item = {};
  if (verbs.has('get')) item.get = operation('get', gvk, `read${r.kind}`, [], undefined, name);
  if (verbs.has('update')) item.put = operation('put', gvk, `replace${r.kind}`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], name, name);
  if (verbs.has('patch')) item.patch = operation('patch', gvk, `patch${r.kind}`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation, PARAMS.force], 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', name);
  if (verbs.has('delete')) item.delete = operation('delete', gvk, `delete${r.kind}`, [PARAMS.dryRun], 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.Status');
  paths[`${base}/{name}`] = { params: [pathParam('name'), ...scope], ops: item };
  for (const s of r.subresources) {
    if (s === 'status') {
      paths[`${base}/{name}/status`] = {
        params: [pathParam('name'), ...scope],
        ops: {
          get: operation('get', gvk, `read${r.kind}Status`, [], undefined, name),
          put: operation('put', gvk, `replace${r.kind}Status`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], name, name),
          patch: operation('patch', gvk, `patch${r.kind}Status`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation, PARAMS.force], 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', name),
        },
      };
    } else if (s === 'scale') {
      const sg = { group: 'autoscaling', kind: 'Scale', version: 'v1' };
      paths[`${base}/{name}/scale`] = {
        params: [pathParam('name'), ...scope],
        ops: {
          get: operation('get', sg, `read${r.kind}Scale`, [], undefined, sub.scale),
          put: operation('put', sg, `replace${r.kind}Scale`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], sub.scale, sub.scale),
          patch: operation('patch', sg, `patch${r.kind}Scale`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation, PARAMS.force], 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', sub.scale),
        },
      };
    } else if (sub[s]) {
      const g = gvkOf.get(sub[s]);
      paths[`${base}/{name}/${s}`] = {
        params: [pathParam('name'), ...scope],
        ops: { post: operation('post', g, `create${r.kind}${s[0].toUpperCase()}${s.slice(1)}`, [PARAMS.dryRun, PARAMS.fieldManager, PARAMS.fieldValidation], sub[s], sub[s]) },
      };
    }
  }
  return paths;
}

function tagOf(key) {
  return key.replace(/^apis?\//, '').replace(/[./]/g, '_');
}

// ---------- v2 ----------

function v2Schema(s) {
  return JSON.parse(JSON.stringify(s), (k, v) => (k === '$ref' && typeof v === 'string' && !v.startsWith('#') ? `#/definitions/${v}` : v));
}

function v2Paths() {
  const out = {};
  for (const [key, list] of groups) {
    for (const res of list) {
      for (const [p, { params, ops }] of Object.entries(resourcePaths(`/${key}`, res))) {
        const entry = { parameters: params.map(({ schema, ...rest }) => rest) };
        for (const [method, op] of Object.entries(ops)) {
          const o = {
            operationId: op.id,
            consumes: method === 'patch' ? ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'] : ['*/*'],
            produces: ['application/json', 'application/yaml'],
            schemes: ['https'],
            tags: [tagOf(key)],
            parameters: op.params.map(({ schema, ...rest }) => rest),
            responses: { 200: { description: 'OK', schema: { $ref: `#/definitions/${op.response}` } }, 401: { description: 'Unauthorized' } },
            'x-kubernetes-action': op.action,
            'x-kubernetes-group-version-kind': op.gvk,
          };
          if (op.body) o.parameters.unshift({ name: 'body', in: 'body', required: true, schema: { $ref: `#/definitions/${op.body}` } });
          entry[method] = o;
        }
        out[p] = entry;
      }
    }
  }
  return out;
}

const v2 = {
  swagger: '2.0',
  info: { title: 'Kubernetes', version: K8S_VERSION },
  paths: v2Paths(),
  definitions: Object.fromEntries(Object.entries(sorted).map(([k, v]) => [k, v2Schema(v)])),
  securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
  security: [{ BearerToken: [] }],
};

// ---------- v2 as protobuf (gnostic's openapi_v2.Document), which is all kubectl accepts for /openapi/v2 ----------
// kubectl validates a `kind: List` manifest item by item against v2 (and never asks for JSON), so the definitions
// are also written in that encoding. Field numbers from github.com/google/gnostic-models openapiv2/OpenAPIv2.proto;
// paths are left empty (kubectl reads v2 paths only when v3 is missing).
function pbVarint(n) {
  const out = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}
const pbBytes = (field, buf) => Buffer.concat([pbVarint((field << 3) | 2), pbVarint(buf.length), buf]);
const pbString = (field, str) => pbBytes(field, Buffer.from(str, 'utf8'));
const pbBool = (field, b) => Buffer.concat([pbVarint(field << 3), pbVarint(b ? 1 : 0)]);
const pbAny = (value) => pbString(2, JSON.stringify(value)); // Any { yaml = 2 }: JSON is YAML
function pbSchema(s) {
  const parts = [];
  if (s.$ref) parts.push(pbString(1, s.$ref));
  if (s.format) parts.push(pbString(2, s.format));
  if (s.description) parts.push(pbString(4, s.description));
  for (const r of s.required ?? []) parts.push(pbString(19, r));
  for (const e of s.enum ?? []) parts.push(pbBytes(20, pbAny(e)));
  if (s.additionalProperties !== undefined) {
    parts.push(pbBytes(21, typeof s.additionalProperties === 'boolean' ? pbBool(2, s.additionalProperties) : pbBytes(1, pbSchema(s.additionalProperties))));
  }
  if (s.type) parts.push(pbBytes(22, pbString(1, s.type)));
  if (s.items) parts.push(pbBytes(23, pbBytes(1, pbSchema(s.items))));
  for (const a of s.allOf ?? []) parts.push(pbBytes(24, pbSchema(a)));
  if (s.properties) {
    const named = Object.entries(s.properties).map(([k, v]) => pbBytes(1, Buffer.concat([pbString(1, k), pbBytes(2, pbSchema(v))])));
    parts.push(pbBytes(25, Buffer.concat(named)));
  }
  for (const [k, v] of Object.entries(s)) {
    if (k.startsWith('x-')) parts.push(pbBytes(31, Buffer.concat([pbString(1, k), pbBytes(2, pbAny(v))])));
  }
  return Buffer.concat(parts);
}
function pbDocument(doc) {
  const defs = Object.entries(doc.definitions).map(([k, v]) => pbBytes(1, Buffer.concat([pbString(1, k), pbBytes(2, pbSchema(v))])));
  return Buffer.concat([
    pbString(1, doc.swagger),
    pbBytes(2, Buffer.concat([pbString(1, doc.info.title), pbString(2, doc.info.version)])),
    pbBytes(8, Buffer.alloc(0)),
    pbBytes(9, Buffer.concat(defs)),
  ]);
}

// ---------- v3 (one document per group version, as upstream) ----------

/** v2 → v3 schema: refs under components, a ref with a description wrapped in allOf (upstream's shape), int-or-string as its extension. */
function v3Schema(s) {
  if (Array.isArray(s)) return s.map(v3Schema);
  if (!s || typeof s !== 'object') return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'properties' || k === 'additionalProperties' || k === 'items') {
      out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, v3Prop(pv)])) : v3Prop(v);
    } else out[k] = v;
  }
  if (out.format === 'int-or-string') {
    delete out.type;
    delete out.format;
    out['x-kubernetes-int-or-string'] = true;
  }
  return out;
}
function v3Prop(p) {
  if (p.$ref) {
    const { $ref, ...rest } = p;
    const ref = `#/components/schemas/${$ref}`;
    return Object.keys(rest).length ? { ...v3Schema(rest), allOf: [{ $ref: ref }] } : { $ref: ref };
  }
  return v3Schema(p);
}

function closure(roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const n = stack.pop();
    if (seen.has(n)) continue;
    seen.add(n);
    JSON.stringify(definitions[n], (k, v) => {
      if (k === '$ref' && typeof v === 'string') stack.push(v);
      return v;
    });
  }
  return [...seen].sort();
}

function v3Doc(key, list) {
  const paths = {};
  const roots = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch']);
  for (const res of list) {
    for (const [p, { params, ops }] of Object.entries(resourcePaths(`/${key}`, res))) {
      const entry = { parameters: params.map(({ type, uniqueItems, ...rest }) => rest) };
      for (const [method, op] of Object.entries(ops)) {
        roots.add(op.response);
        if (op.body) roots.add(op.body);
        const ref = (n) => ({ schema: { $ref: `#/components/schemas/${n}` } });
        const o = {
          tags: [tagOf(key)],
          operationId: op.id,
          parameters: op.params.map(({ type, uniqueItems, ...rest }) => rest),
          responses: { 200: { description: 'OK', content: { 'application/json': ref(op.response), 'application/yaml': ref(op.response) } }, 401: { description: 'Unauthorized' } },
          'x-kubernetes-action': op.action,
          'x-kubernetes-group-version-kind': op.gvk,
        };
        if (op.body) {
          const types = method === 'patch' ? ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'] : ['*/*'];
          o.requestBody = { content: Object.fromEntries(types.map((t) => [t, ref(op.body)])), required: true };
        }
        entry[method] = o;
      }
      paths[p] = entry;
    }
  }
  const schemas = Object.fromEntries(closure(roots).map((n) => [n, v3Schema(definitions[n])]));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: K8S_VERSION },
    paths,
    components: { schemas, securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } } },
  };
}

// ---------- write ----------

fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'v3'), { recursive: true });
const index = { v2: undefined, v3: {} };
function write(rel, doc) {
  const text = JSON.stringify(doc);
  const hash = crypto.createHash('sha512').update(text).digest('hex').slice(0, 128).toUpperCase();
  const file = path.join(OUT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, zlib.gzipSync(text, { level: 9 }));
  return { file: rel, hash, bytes: text.length };
}
index.v2 = write('v2.json.gz', v2);
{
  const pb = pbDocument(v2);
  fs.writeFileSync(path.join(OUT, 'v2.pb.gz'), zlib.gzipSync(pb, { level: 9 }));
  index.v2pb = { file: 'v2.pb.gz', hash: crypto.createHash('sha512').update(pb).digest('hex').slice(0, 128).toUpperCase(), bytes: pb.length };
}
for (const [key, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) index.v3[key] = write(`v3/${key}.json.gz`, v3Doc(key, list));
fs.writeFileSync(path.join(OUT, 'index.json'), JSON.stringify(index, null, 1));
const total = Object.values(index.v3).reduce((n, e) => n + e.bytes, index.v2.bytes);
console.log(`openapi: ${Object.keys(sorted).length} definitions, v2 + ${Object.keys(index.v3).length} v3 documents (${Math.round(total / 1024)} KiB uncompressed)`);
