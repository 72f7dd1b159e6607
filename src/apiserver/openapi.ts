// /openapi/v2, /openapi/v3 and /openapi/v3/<api/v1|apis/group/version>: the documents generated at build time
// (scripts/gen-openapi.mjs → dist/openapi/), read on first request and kept. Each document's hash is its ETag
// and the ?hash= of the v3 index, so clients (kubectl's disk cache) revalidate with If-None-Match.
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import * as errors from '../api/errors.js';
import type { ResourceInfo } from '../api/resource-info.js';
import { kindSchema, type SchemaDoc } from '../api/unknown-fields.js';

interface DocEntry {
  file: string;
  hash: string;
}
interface OpenApiIndex {
  v2: DocEntry;
  /** The same v2 document as gnostic's openapi_v2.Document protobuf (what kubectl asks for). */
  v2pb?: DocEntry;
  v3: Record<string, DocEntry>;
}

/** dist/openapi/, beside dist/apiserver/ and dist/controlplane-bundle/ (both one level below dist/). */
const DIR = process.env.KBX_OPENAPI_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'openapi');

let index: OpenApiIndex | undefined;
const gzipped = new Map<string, Buffer>();

function loadIndex(): OpenApiIndex {
  if (!index) {
    try {
      index = JSON.parse(fs.readFileSync(path.join(DIR, 'index.json'), 'utf8')) as OpenApiIndex;
    } catch {
      throw errors.internal(`the OpenAPI documents are missing (${DIR}): run npm run build`);
    }
  }
  return index;
}

function gz(entry: DocEntry): Buffer {
  let b = gzipped.get(entry.file);
  if (!b) {
    b = fs.readFileSync(path.join(DIR, entry.file));
    gzipped.set(entry.file, b);
  }
  return b;
}

/** The v3 document of one group version (`api/v1`, `apis/apps/v1`) as an object, for the server's own field validation. */
export function openApiV3Document(key: string): Record<string, unknown> | undefined {
  const e = loadIndex().v3[key];
  return e ? (JSON.parse(zlib.gunzipSync(gz(e)).toString('utf8')) as Record<string, unknown>) : undefined;
}

const docs = new Map<string, SchemaDoc | undefined>();

/**
 * A served kind's schema and the document it lives in (field validation, field ownership), or undefined. `of` names
 * another kind in the same document (the autoscaling/v1 Scale of a resource's /scale).
 */
export function schemaFor(
  info: Pick<ResourceInfo, 'group' | 'version' | 'kind'>,
  of: Pick<ResourceInfo, 'group' | 'version' | 'kind'> = info,
): { doc: SchemaDoc; schema: Record<string, unknown> } | undefined {
  const key = info.group ? `apis/${info.group}/${info.version}` : `api/${info.version}`;
  if (!docs.has(key)) docs.set(key, openApiV3Document(key) as SchemaDoc | undefined);
  const doc = docs.get(key);
  const schema = doc && kindSchema(doc, of.group, of.version, of.kind);
  return doc && schema ? { doc, schema } : undefined;
}

/** `rest` is the path after /openapi/ (`v2`, `v3`, `v3/apis/apps/v1`). */
export function serveOpenApi(req: http.IncomingMessage, res: http.ServerResponse, rest: string, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw errors.methodNotAllowed();
  const idx = loadIndex();
  if (rest === 'v3' || rest === 'v3/') {
    const paths = Object.fromEntries(Object.entries(idx.v3).map(([k, e]) => [k, { serverRelativeURL: `/openapi/v3/${k}?hash=${e.hash}` }]));
    const body = JSON.stringify({ paths });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache, private' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (rest === 'v2') {
    // kubectl asks for protobuf only (application/com.github.proto-openapi.spec.v2@v1.0+protobuf).
    const accept = req.headers.accept ?? '*/*';
    if (idx.v2pb && /application\/com\.github\.proto-openapi\.spec\.v2[@.]v1\.0\+protobuf/.test(accept)) {
      return sendDoc(req, res, idx.v2pb, url, 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    }
    if (!/application\/json|\*\/\*|application\/\*/.test(accept)) throw notAcceptable();
    return sendDoc(req, res, idx.v2, url);
  }
  const e = rest.startsWith('v3/') ? idx.v3[rest.slice(3).replace(/\/$/, '')] : undefined;
  if (!e) throw errors.notFoundPath();
  sendDoc(req, res, e, url);
}

function sendDoc(req: http.IncomingMessage, res: http.ServerResponse, e: DocEntry, url: URL, contentType = 'application/json'): void {
  const etag = `"${e.hash}"`;
  const immutable = url.searchParams.get('hash') === e.hash;
  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': contentType,
    ETag: etag,
    Vary: 'Accept-Encoding',
    'Cache-Control': immutable ? 'public, immutable, max-age=31536000' : 'no-cache, private',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  let body = gz(e);
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) headers['Content-Encoding'] = 'gzip';
  else body = zlib.gunzipSync(body);
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notAcceptable(): errors.ApiError {
  return new errors.ApiError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'only the following media types are accepted: application/json, application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
    reason: 'NotAcceptable',
    code: 406,
  });
}
