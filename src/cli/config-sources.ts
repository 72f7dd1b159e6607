// The data sources of `kbx create configmap` and `kbx create secret generic|docker-registry`
// (kubectl's util.ParseFileSource, util.ParseLiteralSource, cmdutil.AddFromEnvFile) and the name
// hash of --append-hash (kubectl/pkg/util/hash). Reading files is the only I/O here.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { isConfigMapKey, isEnvVarName } from '../api/validation.js';
import { goJsonMarshal } from '../compat/go-format.js';
import { CliError } from './errors.js';

/** `[key=]path`: the key defaults to the file's base name. */
export function parseFileSource(source: string): { key: string; file: string } {
  const n = source.split('=').length - 1;
  if (n === 0) return { key: path.posix.basename(source.replace(/\\/g, '/')), file: source };
  if (n === 1 && source.startsWith('=')) throw new CliError(`key name for file path ${source.slice(1)} missing`);
  if (n === 1 && source.endsWith('=')) throw new CliError(`file path for key name ${source.slice(0, -1)} missing`);
  if (n > 1) throw new CliError("key names or file paths cannot contain '='");
  const [key, file] = source.split('=') as [string, string];
  return { key, file };
}

/** `key=value`, split at the first `=`. */
export function parseLiteralSource(source: string): { key: string; value: string } {
  const i = source.indexOf('=');
  if (i <= 0) throw new CliError(`invalid literal source ${source}, expected key=value`);
  return { key: source.slice(0, i), value: source.slice(i + 1) };
}

function statOrFail(p: string): fs.Stats {
  try {
    return fs.statSync(p);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const text = err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new CliError(`error reading ${p}: ${text}`);
  }
}

/**
 * The files a `--from-file` source names: one file (under its key), or each regular file of a
 * directory (under its own name; subdirectories, symlinks and the like are skipped).
 */
export function filesOf(source: string): { key: string; file: string }[] {
  const { key, file } = parseFileSource(source);
  const st = statOrFail(file);
  if (!st.isDirectory()) return [{ key, file }];
  if (source.includes('=')) throw new CliError('cannot give a key name for a directory path');
  return fs
    .readdirSync(file, { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ key: name, file: path.join(file, name) }));
}

/** The `key=value` lines of an env file: BOM and leading blanks trimmed, `#` comments skipped, a bare key read from the environment. */
export function envFileEntries(file: string, kind: 'config' | 'secret', env: NodeJS.ProcessEnv = process.env): { key: string; value: string }[] {
  const st = statOrFail(file);
  if (st.isDirectory()) throw new CliError(kind === 'config' ? 'env config file cannot be a directory' : 'env secret file cannot be a directory');
  const bytes = fs.readFileSync(file);
  const lines = bytes.toString('latin1').split('\n').map((l) => l.replace(/\r$/, ''));
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const out: { key: string; value: string }[] = [];
  lines.forEach((raw, i) => {
    const buf = Buffer.from(raw, 'latin1');
    if (!isUtf8(buf)) throw new CliError(`env file ${file} contains invalid utf8 bytes at line ${i + 1}: [${[...buf].join(' ')}]`);
    let line = buf.toString('utf8');
    if (i === 0) line = line.replace(/^\uFEFF/, '');
    line = line.replace(/^\s+/u, '');
    if (!line || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    const errs = isEnvVarName(key);
    if (errs.length) throw new CliError(`${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`);
    out.push({ key, value: eq < 0 ? (env[key] ?? '') : line.slice(eq + 1) });
  });
  return out;
}

export function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

export function readSourceFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new CliError(`error reading ${file}: ${(e as Error).message}`);
  }
}

/** encodeHash(hash(…)): the first 10 hex digits of the SHA-256, with 0 1 3 a e replaced so no word forms. */
export function nameHash(encoded: string): string {
  const hex = createHash('sha256').update(encoded).digest('hex').slice(0, 10);
  const swap: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return [...hex].map((c) => swap[c] ?? c).join('');
}

/** json.Marshal of a map: keys sorted. */
function sortedJson(m: Record<string, unknown>): string {
  return goJsonMarshal(m);
}

export function configMapHash(cm: { metadata: { name?: string }; data?: Record<string, string>; binaryData?: Record<string, string> }): string {
  const m: Record<string, unknown> = { kind: 'ConfigMap', name: cm.metadata.name, data: cm.data ?? {} };
  if (cm.binaryData && Object.keys(cm.binaryData).length) m.binaryData = cm.binaryData;
  return nameHash(sortedJson(m));
}

export function secretHash(s: { metadata: { name?: string }; type?: string; data?: Record<string, string> }): string {
  return nameHash(sortedJson({ kind: 'Secret', type: s.type ?? '', name: s.metadata.name, data: s.data ?? {} }));
}

export { isConfigMapKey };
