// `-f file|dir|-` [-R]: reads manifests the way kubectl's resource builder does.
import fs from 'node:fs';
import path from 'node:path';
import type { KObject } from '../api/types.js';
import { parseManifests } from './output/yaml.js';
import { CliError } from './errors.js';

export interface SourcedObject {
  object: KObject;
  source: string;
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

function readStdin(): string {
  return fs.readFileSync(0, 'utf8');
}

function filesIn(dir: string, recursive: boolean): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) out.push(...filesIn(p, recursive));
    } else if (EXTENSIONS.includes(path.extname(entry.name))) out.push(p);
  }
  return out;
}

export function readManifests(filenames: string[], recursive = false): SourcedObject[] {
  if (!filenames.length) throw new CliError('must specify one of -f and -k');
  const out: SourcedObject[] = [];
  for (const f of filenames) {
    if (f === '-') {
      for (const object of parseManifests(readStdin(), 'STDIN')) out.push({ object, source: 'STDIN' });
      continue;
    }
    if (/^https?:\/\//.test(f)) throw new CliError(`unable to read URL "${f}": kbx reads local files only`);
    let st: fs.Stats;
    try {
      st = fs.statSync(f);
    } catch {
      throw new CliError(`the path "${f}" does not exist`);
    }
    const files = st.isDirectory() ? filesIn(f, recursive) : [f];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const object of parseManifests(text, file)) out.push({ object, source: file });
    }
  }
  if (!out.length) throw new CliError('no objects passed to apply');
  return out;
}

export interface ObjectSources {
  filename?: string[];
  recursive?: boolean;
  /** -k DIR: the objects a kustomization builds (kustomize loads only when asked for). */
  kustomize?: string;
}

/** -f or -k, as kubectl's FilenameOptions: one of them, never both; -R goes with -f only. */
export async function readObjects(o: ObjectSources, stderr: NodeJS.WritableStream = process.stderr): Promise<SourcedObject[]> {
  if (o.kustomize === undefined) return readManifests(o.filename ?? [], o.recursive);
  if (o.filename?.length) throw new CliError('only one of -f or -k can be specified');
  if (o.recursive) throw new CliError("the -k flag can't be used with -f or -R");
  const { kustomizeBuild } = await import('./kustomize/build.js');
  const { KustomizeError } = await import('./kustomize/errors.js');
  try {
    const r = kustomizeBuild(o.kustomize);
    for (const w of r.warnings) stderr.write(w + '\n');
    if (!r.objects.length) throw new CliError('no objects passed to apply');
    return r.objects.map((object) => ({ object, source: o.kustomize! }));
  } catch (e) {
    if (e instanceof KustomizeError) throw new CliError(e.message);
    throw e;
  }
}
