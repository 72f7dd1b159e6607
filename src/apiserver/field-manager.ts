// The API server's field manager at the HTTP edge: who writes (fieldManager, else the User-Agent's product, as
// upstream), server-side apply with conflicts as 409 FieldManagerConflict, and the managedFields of every other
// write (WriteOptions.track). The rules themselves are in src/api/ssa/.
import type http from 'node:http';
import type { KObject } from '../api/types.js';
import type { ResourceInfo } from '../api/resource-info.js';
import { coreOrGroupApiVersion } from '../api/resource-info.js';
import * as errors from '../api/errors.js';
import { ApplyConflictError, pathString, recordUpdate, serverSideApply, type Writer } from '../api/ssa/index.js';
import { schemaFor } from './openapi.js';
import { rfc3339 } from '../util/clock.js';

/** fieldManager, or the User-Agent up to its first `/` (kubectl/v1.35.0 … → kubectl), as the API server defaults it. */
export function writerOf(info: ResourceInfo, q: URLSearchParams, req: http.IncomingMessage, now: number, subresource?: string): Writer {
  const ua = String(req.headers['user-agent'] ?? '');
  const manager = q.get('fieldManager') || ua.split('/')[0]!.trim() || 'unknown';
  if (manager.length > 128) throw errors.badRequest('fieldManager: Too long: may not be more than 128 bytes');
  return { manager, apiVersion: coreOrGroupApiVersion(info), time: rfc3339(now), subresource: subresource === 'status' || subresource === 'scale' ? subresource : '' };
}

/** WriteOptions.track for a create/update/patch/scale: the writer's Update entry. */
export function tracker(info: ResourceInfo, w: Writer): ((old: KObject | undefined, obj: KObject) => void) | undefined {
  const t = schemaFor(info);
  if (!t) return undefined;
  return (old, obj) => {
    const entries = recordUpdate(old as never, obj as never, t, w);
    if (entries.length) obj.metadata.managedFields = entries as never;
    else delete obj.metadata.managedFields;
  };
}

/** Server-side apply of `body` onto `live` (undefined: the object is created). Conflicts are the API server's 409. */
export function applyFor(info: ResourceInfo, live: KObject | undefined, body: unknown, w: Writer, force: boolean): KObject {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the body of the request was in an unknown format');
  const t = schemaFor(info);
  if (!t) throw errors.badRequest(`server-side apply is not available for ${info.kind}`);
  try {
    return serverSideApply(live as never, body as never, t, w, force) as KObject;
  } catch (e) {
    if (!(e instanceof ApplyConflictError)) throw e;
    throw new errors.ApiError({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 409, reason: 'Conflict', message: e.message,
      details: { causes: e.conflicts.map((c) => ({ type: 'FieldManagerConflict', message: `conflict with "${c.manager}"${c.subresource ? ` with subresource "${c.subresource}"` : ''}${c.apiVersion ? ` using ${c.apiVersion}` : ''}`, field: pathString(c.path) })) },
    } as never);
  }
}
