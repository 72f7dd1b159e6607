// `-o yaml` and reading `-f` manifests, both as kubectl v1.35 does them.
import type { KObject } from '../../api/types.js';
import { emitYaml } from '../../compat/yaml-emit.js';
import { yamlDocumentToJson, YamlSyntaxError } from '../../compat/yaml-parse.js';
import { GoJsonDecoder, GoJsonError } from '../../compat/json-stream.js';
import { goJsonKind, goJsonMarshal } from '../../compat/go-format.js';
import { decodeError } from './manifest-decode.js';
import { CliError } from '../errors.js';

/** The YAML kubectl prints for one object (go-yaml v2 style, see yaml-emit.ts). */
export function toKubectlYaml(obj: unknown): string {
  return emitYaml(obj);
}

/** Several objects the way kubectl's YAML printer writes them one after the other: `---` between. */
export function toKubectlYamlDocuments(objs: unknown[]): string {
  return objs.map((o, i) => (i > 0 ? '---\n' : '') + emitYaml(o)).join('');
}

/**
 * Thrown by parseManifests, in kubectl's words; `objects` holds what was read before the
 * failure (kubectl acts on those first). A few messages kubectl prints without `error: `
 * (`raw`).
 */
export class ManifestError extends CliError {
  constructor(
    message: string,
    readonly objects: KObject[],
    raw = false,
  ) {
    super(message, 1, raw);
    this.name = 'ManifestError';
  }
}

export interface ParseManifestOptions {
  /**
   * kubectl's --validate (default on). When on, schema problems are the validator's to
   * report (see objects.ts) and a document that is not an object is "error validating ...
   * invalid object to validate". When off, kubectl's decoding errors are reported here:
   * "unable to decode ...: Object 'Kind' is missing in '...'", metadata of the wrong type,
   * list items without kind or apiVersion.
   */
  validate?: boolean;
}

// --- the YAML stream: kubectl's YAMLReader -----------------------------------------------

class YamlChunkReader {
  private readonly lines: string[];
  private i = 0;

  constructor(text: string) {
    // bufio's ReadLine: split at \n, drop a \r right before it; kubectl adds the \n back.
    const parts = text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    this.lines = parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l) + '\n');
  }

  /** The next document's text, or undefined at the end. Separator lines are `---` + blanks or a comment. */
  next(): string | undefined {
    let buffer = '';
    for (;;) {
      if (this.i >= this.lines.length) return buffer || undefined;
      const line = this.lines[this.i++]!;
      if (line.startsWith('---')) {
        const trimmed = line.slice(3).trim();
        if (trimmed && !trimmed.startsWith('#')) throw new YamlSyntaxError(`invalid Yaml document separator: ${trimmed}`);
        if (buffer) return buffer;
        continue;
      }
      buffer += line;
    }
  }
}

/** unicode.IsSpace, as a character class body (JS's \\s would also take U+FEFF). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const JSON_START = new RegExp(`^[${GO_SPACE}]*\\{`, 'u');
/** What kubectl eats before switching from JSON to YAML: blanks up to and including a newline. */
const BLANKS_TO_NEWLINE = new RegExp(`^[${GO_SPACE.replace('\\n', '')}]*\\n?`, 'u');

interface StreamItem {
  value: unknown;
  overflow?: string;
  /** The document's JSON as kubectl holds it (raw bytes of a JSON value; Go's JSON of a YAML one). */
  raw: () => string;
  /** JSON documents keep their key order; YAML ones reach kubectl with sorted keys. */
  order: 'sorted' | 'document';
}

/**
 * kubectl's YAMLOrJSONDecoder (apimachinery v0.35): a stream starting with `{` is read as
 * concatenated JSON values; if that fails before two values were read, the rest (from the
 * failed value, after blanks up to the first newline) is read as YAML, and the JSON error is
 * reported if YAML fails on it too.
 */
function* decodeStream(text: string): Generator<StreamItem> {
  const bytes = new TextEncoder().encode(text);
  if (JSON_START.test(text)) {
    const dec = new GoJsonDecoder(bytes);
    let count = 0;
    let firstErr: Error | undefined;
    for (;;) {
      const before = dec.consumed;
      try {
        const r = dec.decode();
        if (r.kind === 'eof') return;
        count++;
        const raw = new TextDecoder().decode(bytes.subarray(r.start, r.end));
        yield { value: r.value, overflow: r.overflow, raw: () => raw, order: 'document' };
        continue;
      } catch (e) {
        if (!(e instanceof GoJsonError)) throw e;
        if (count > 1) throw new Error(e.message);
        firstErr = new Error(e.offset !== undefined ? `json: offset ${e.offset}: ${e.message}` : e.message);
      }
      const rest = new TextDecoder().decode(bytes.subarray(before));
      const m = BLANKS_TO_NEWLINE.exec(rest)!;
      const remaining = rest.slice(m[0].length);
      if (m[0].length === rest.length && !m[0].endsWith('\n')) throw firstErr; // nothing but blanks left
      // The first YAML document decides: if it fails too, the JSON error is what is reported.
      const reader = new YamlChunkReader(remaining);
      let first = true;
      for (;;) {
        let chunk: string | undefined;
        let value: unknown;
        try {
          chunk = reader.next();
          if (chunk === undefined) return;
          value = yamlDocumentToJson(chunk);
        } catch (e) {
          if (first) throw firstErr;
          throw yamlError(e);
        }
        first = false;
        yield { value, raw: () => goJsonMarshal(value), order: 'sorted' };
      }
    }
  }
  const reader = new YamlChunkReader(text);
  for (;;) {
    let chunk: string | undefined;
    let value: unknown;
    try {
      chunk = reader.next();
      if (chunk === undefined) return;
      value = yamlDocumentToJson(chunk);
    } catch (e) {
      throw yamlError(e);
    }
    yield { value, raw: () => goJsonMarshal(value), order: 'sorted' };
  }
}

function yamlError(e: unknown): Error {
  if (!(e instanceof YamlSyntaxError)) return e as Error;
  // sigs.k8s.io/yaml wraps what go-yaml and encoding/json said; the separator check is kubectl's own.
  if (e.message.startsWith('invalid Yaml document separator')) return new Error(e.message);
  return new Error(`error converting YAML to JSON: ${e.message}`);
}

/**
 * Objects in a manifest text (one file or stdin): YAML documents separated by `---`
 * lines, or concatenated JSON objects, empty documents skipped and `items` of lists
 * flattened (items without apiVersion and kind get the list's). Errors carry kubectl's
 * words, e.g. `error parsing f.yaml: error converting YAML to JSON: yaml: line 3: mapping
 * values are not allowed in this context` (shown by kubectl after `error: `).
 */
export function parseManifests(text: string, sourceName: string, opts: ParseManifestOptions = {}): KObject[] {
  const validate = opts.validate ?? true;
  const objects: KObject[] = [];
  const fail = (message: string, raw = false): never => {
    throw new ManifestError(message, objects, raw);
  };
  const stream = decodeStream(text);
  for (;;) {
    let item: IteratorResult<StreamItem>;
    try {
      item = stream.next();
    } catch (e) {
      return fail(`error parsing ${sourceName}: ${(e as Error).message}`);
    }
    if (item.done) break;
    const { value, overflow, raw, order } = item.value;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      fail(
        validate
          ? `error validating "${sourceName}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`
          : `unable to decode "${sourceName}": json: cannot unmarshal ${goJsonKind(value)} into Go value of type unstructured.detector`,
      );
    }
    if (overflow !== undefined) fail(`unable to decode "${sourceName}": json: cannot unmarshal number ${overflow} into Go value of type float64`);
    const obj = value as Record<string, unknown>;
    const isList = 'items' in obj;
    if (isList && obj.items !== null && !Array.isArray(obj.items)) {
      fail(`unable to decode "${sourceName}": json: cannot unmarshal ${goJsonKind(obj.items)} into Go struct field decodeList.items of type []json.RawMessage`);
    }
    if (!validate) {
      const err = decodeError(obj, sourceName, raw(), order);
      if (err) fail(err);
    }
    if (!isList) {
      objects.push(obj as KObject);
      continue;
    }
    // Any object with `items` is decoded as a list and visited item by item (one level).
    const listKind = typeof obj.kind === 'string' ? obj.kind : '';
    const listApiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
    for (const it of (obj.items as unknown[] | null) ?? []) {
      if (it === null || typeof it !== 'object' || Array.isArray(it)) {
        fail(`unable to decode "${sourceName}": json: cannot unmarshal ${goJsonKind(it)} into Go value of type map[string]interface {}`);
      }
      let o = it as KObject;
      // Items of typed lists (PodList) carry neither; they get them from the list.
      if (!o.kind && !o.apiVersion) {
        const { apiVersion: _a, kind: _k, ...rest } = o;
        void _a;
        void _k;
        o = { apiVersion: listApiVersion, kind: listKind.replace(/List$/, ''), ...rest } as KObject;
      }
      if (!validate) {
        // kubectl prints these two without its `error: ` prefix.
        const what = 'unable to get type info from the object "*unstructured.Unstructured"';
        if (!o.kind) fail(`${what}: Object 'Kind' is missing in 'object has no kind field '`, true);
        if (!o.apiVersion) fail(`${what}: Object 'apiVersion' is missing in 'object has no apiVersion field'`, true);
      }
      objects.push(o);
    }
  }
  return objects;
}
