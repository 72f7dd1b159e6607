// URL → resource request. Pure: no I/O, so the path grammar is unit-tested on its own.
import { resourceByPlural, type ResourceInfo } from '../api/registry.js';
import { isValidPathSegmentName } from '../api/names.js';
import { otherVersions } from '../kinds/index.js';

export interface ResourceRequest {
  /** The stored resource. */
  info: ResourceInfo;
  /** The version asked for when it is not the stored one (served by conversion, see KindDefinition.conversions). */
  version?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export type Route =
  | { type: 'version' }
  | { type: 'health'; endpoint: 'healthz' | 'livez' | 'readyz' }
  | { type: 'api' }
  | { type: 'apis' }
  | { type: 'groupVersion'; group: string; version: string }
  /** /openapi/v2, /openapi/v3, /openapi/v3/apis/apps/v1: `rest` is what follows /openapi/. */
  | { type: 'openapi'; rest: string }
  | { type: 'resource'; req: ResourceRequest }
  | { type: 'unknownResource' }
  /** A name or namespace that cannot be one path segment (`..`, `a/b`, `%`): 400 with this message. */
  | { type: 'badRequest'; message: string }
  | { type: 'notFound' };

/**
 * /api/v1/pods                           all pods
 * /api/v1/namespaces/{ns}/pods/{name}/log
 * /api/v1/namespaces/{name}              a namespace (cluster-scoped)
 * /apis/apps/v1/namespaces/{ns}/deployments/{name}/scale
 */
export function parsePath(pathname: string): Route {
  let parts: string[];
  try {
    parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { type: 'badRequest', message: `invalid URL escape in path: ${JSON.stringify(pathname)}` };
  }
  if (parts.length === 1 && parts[0] === 'version') return { type: 'version' };
  if (parts[0] === 'openapi' && parts.length >= 2) return { type: 'openapi', rest: parts.slice(1).join('/') };
  if (parts.length === 1 && ['healthz', 'readyz', 'livez'].includes(parts[0]!)) return { type: 'health', endpoint: parts[0] as 'healthz' | 'livez' | 'readyz' };
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'api' };
    group = '';
    version = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'apis' };
    if (parts.length === 2) return { type: 'notFound' };
    group = parts[1]!;
    version = parts[2]!;
    rest = parts.slice(3);
  } else {
    return { type: 'notFound' };
  }
  if (rest.length === 0) return { type: 'groupVersion', group, version };
  // namespaces/{ns}/{resource}/... is a namespaced request when the third part names a namespaced resource.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const info = resourceByPlural(group, rest[2]!);
    if (info && !servedAt(info, version)) return { type: 'notFound' };
    if (info?.namespaced) {
      if (rest.length > 5) return { type: 'notFound' };
      return checkedSegments({ info, ...asked(info, version), namespace: rest[1], name: rest[3], subresource: rest[4] });
    }
    if (!info && group === '' && rest.length >= 3 && !['status', 'finalize'].includes(rest[2]!)) return { type: 'unknownResource' };
  }
  const info = resourceByPlural(group, rest[0]!);
  if (info && !servedAt(info, version)) return { type: 'notFound' };
  if (!info) return version === 'v1' ? { type: 'unknownResource' } : { type: 'notFound' };
  if (rest.length > 3) return { type: 'notFound' };
  return checkedSegments({ info, ...asked(info, version), name: rest[1], subresource: rest[2] });
}

function servedAt(info: ResourceInfo, version: string): boolean {
  return info.version === version || otherVersions(info).includes(version);
}

function asked(info: ResourceInfo, version: string): { version?: string } {
  return info.version === version ? {} : { version };
}

/** The raw path of a request URL, without the dot-segment normalisation `new URL()` applies (`/pods/..` must not become the namespace). */
export function rawPathname(url: string | undefined): string {
  const u = url ?? '/';
  const q = u.search(/[?#]/);
  return q < 0 ? u : u.slice(0, q);
}

// NamespaceKeyFunc / NoNamespaceKeyFunc: names that cannot be a storage key segment are a bad request.
function checkedSegments(req: ResourceRequest): Route {
  for (const [what, v] of [['Namespace', req.namespace], ['Name', req.name]] as const) {
    if (v === undefined) continue;
    const msgs = isValidPathSegmentName(v);
    if (msgs.length) return { type: 'badRequest', message: `${what} parameter invalid: ${JSON.stringify(v)}: ${msgs.join(';')}` };
  }
  return { type: 'resource', req };
}
