// configMapGenerator and secretGenerator (api/internal/generators + kv loading): literals, files
// (`path` or `key=path`), env files, options and the kustomization's generatorOptions.
import type { KObject } from '../../api/types.js';
import type { Resource } from './resource.js';
import type { Loader } from './loader.js';
import { KustomizeError } from './errors.js';

export interface GeneratorOptions {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  disableNameSuffixHash?: boolean;
  immutable?: boolean;
}

export interface GeneratorArgs {
  name?: string;
  namespace?: string;
  behavior?: string;
  literals?: string[];
  files?: string[];
  envs?: string[];
  env?: string;
  options?: GeneratorOptions;
  type?: string;
}

interface KV {
  key: string;
  value: Buffer;
}

/** kv.ParseLiteralSource: KEY=VALUE, the value unquoted when it is wrapped in matching quotes. */
function literal(source: string): KV {
  const eq = source.indexOf('=');
  if (eq <= 0) throw new KustomizeError(`invalid literal source ${source}, expected key=value`);
  const key = source.slice(0, eq);
  let value = source.slice(eq + 1);
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) value = value.slice(1, -1);
  return { key, value: Buffer.from(value) };
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function fileSource(ldr: Loader, source: string): KV {
  const eq = source.indexOf('=');
  if (eq === 0) throw new KustomizeError(`key name for file path ${source} missing`);
  const [key, file] = eq > 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [basename(source), source];
  if (!file) throw new KustomizeError(`file path for key name ${key} missing`);
  return { key, value: ldr.readFile(file) };
}

/** An env file: KEY=VALUE lines; `#` comments and blank lines skipped; a bare KEY takes the variable from the environment. */
function envSource(ldr: Loader, file: string): KV[] {
  const out: KV[] = [];
  const lines = ldr.readFile(file).toString('utf8').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').replace(/\r$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const eq = line.indexOf('=');
    if (eq < 0) {
      const key = line.trim();
      const v = process.env[key];
      if (v !== undefined) out.push({ key, value: Buffer.from(v) });
      return;
    }
    const key = line.slice(0, eq);
    if (!key) throw new KustomizeError(`line ${i + 1}: key is empty in env file ${file}`);
    out.push({ key, value: Buffer.from(line.slice(eq + 1)) });
  });
  return out;
}

function collect(ldr: Loader, args: GeneratorArgs): KV[] {
  const kvs: KV[] = [];
  for (const e of [...(args.envs ?? []), ...(args.env ? [args.env] : [])]) kvs.push(...envSource(ldr, e));
  for (const l of args.literals ?? []) kvs.push(literal(l));
  for (const f of args.files ?? []) kvs.push(fileSource(ldr, f));
  const seen = new Set<string>();
  for (const kv of kvs) {
    if (seen.has(kv.key)) throw new KustomizeError(`configmap ${args.name} illegally repeats the key \`${kv.key}\``);
    seen.add(kv.key);
  }
  return kvs;
}

function isUtf8(b: Buffer): boolean {
  return Buffer.from(b.toString('utf8'), 'utf8').equals(b);
}

function merged(global: GeneratorOptions | undefined, own: GeneratorOptions | undefined): GeneratorOptions {
  return {
    labels: { ...(global?.labels ?? {}), ...(own?.labels ?? {}) },
    annotations: { ...(global?.annotations ?? {}), ...(own?.annotations ?? {}) },
    disableNameSuffixHash: own?.disableNameSuffixHash ?? global?.disableNameSuffixHash ?? false,
    immutable: own?.immutable ?? global?.immutable ?? false,
  };
}

function metadata(args: GeneratorArgs, opts: GeneratorOptions): KObject['metadata'] {
  const md: KObject['metadata'] = { name: args.name };
  if (args.namespace) md.namespace = args.namespace;
  if (Object.keys(opts.labels ?? {}).length) md.labels = { ...opts.labels };
  if (Object.keys(opts.annotations ?? {}).length) md.annotations = { ...opts.annotations };
  return md;
}

function behaviorOf(b: string | undefined): Resource['behavior'] {
  if (b === undefined || b === '' || b === 'create') return 'create';
  if (b === 'merge' || b === 'replace') return b;
  throw new KustomizeError(`unknown generator behavior: ${b}`);
}

export function generateConfigMap(ldr: Loader, args: GeneratorArgs, global: GeneratorOptions | undefined): Resource {
  if (!args.name) throw new KustomizeError('a configmap must have a name');
  const opts = merged(global, args.options);
  const obj: KObject & Record<string, unknown> = { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(args, opts) };
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const kv of collect(ldr, args)) {
    if (isUtf8(kv.value)) data[kv.key] = kv.value.toString('utf8');
    else binaryData[kv.key] = kv.value.toString('base64');
  }
  if (Object.keys(data).length) obj.data = data;
  if (Object.keys(binaryData).length) obj.binaryData = binaryData;
  if (opts.immutable) obj.immutable = true;
  return { obj, previous: [], hashSuffix: !opts.disableNameSuffixHash, behavior: behaviorOf(args.behavior) };
}

export function generateSecret(ldr: Loader, args: GeneratorArgs, global: GeneratorOptions | undefined): Resource {
  if (!args.name) throw new KustomizeError('a secret must have a name');
  const opts = merged(global, args.options);
  const obj: KObject & Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: metadata(args, opts), type: args.type || 'Opaque' };
  const data: Record<string, string> = {};
  for (const kv of collect(ldr, args)) data[kv.key] = kv.value.toString('base64');
  if (Object.keys(data).length) obj.data = data;
  if (opts.immutable) obj.immutable = true;
  return { obj, previous: [], hashSuffix: !opts.disableNameSuffixHash, behavior: behaviorOf(args.behavior) };
}
