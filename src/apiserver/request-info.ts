// What a request asks to do, in the authorizer's terms (k8s.io/apiserver's RequestInfoFactory):
// a resource request (verb from the method, list/watch/deletecollection when no name is given,
// namespace, resource, subresource, name — a list's `metadata.name=` field selector names it too)
// or a non-resource one (the lower-cased method and the path). Pure, table-tested.
import type { Attributes } from '../auth/rbac/rules.js';
import { isValidPathSegmentName } from '../api/names.js';

export type RequestInfo = Omit<Attributes, 'user'>;

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);
const METHOD_VERBS: Record<string, string> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

export function requestInfo(method: string, pathname: string, query: URLSearchParams, opts: { upgrade?: boolean } = {}): RequestInfo {
  const path = pathname || '/';
  const nonResource = (): RequestInfo => ({ resourceRequest: false, verb: method.toLowerCase(), path });
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return nonResource();
  }
  if (parts.length < 3 || (parts[0] !== 'api' && parts[0] !== 'apis')) return nonResource();
  let rest = parts.slice(1);
  let apiGroup = '';
  if (parts[0] === 'apis') {
    if (rest.length < 3) return nonResource();
    apiGroup = rest[0]!;
    rest = rest.slice(1);
  }
  rest = rest.slice(1); // the version
  let verb: string;
  let watchPrefix = false;
  if (rest[0] === 'watch') {
    verb = 'watch';
    watchPrefix = true;
    rest = rest.slice(1);
  } else {
    verb = METHOD_VERBS[method.toUpperCase()] ?? method.toLowerCase();
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1]!;
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) rest = rest.slice(2);
  }
  const info: RequestInfo = { resourceRequest: true, verb, apiGroup, namespace, resource: rest[0] ?? '', subresource: '', name: '' };
  if (rest.length >= 3 && !watchPrefix) info.subresource = rest[2]!;
  if (rest.length >= 2) info.name = rest[1]!;
  // A WebSocket upgrade of exec/attach/portforward is a GET that must hold `create`
  // (AuthorizePodWebsocketUpgradeCreatePermission).
  if (opts.upgrade && info.resource === 'pods' && ['exec', 'attach', 'portforward'].includes(info.subresource!)) info.verb = 'create';
  if (!info.name && (info.verb === 'get' || info.verb === 'watch')) {
    const w = query.get('watch');
    info.verb = info.verb === 'watch' || w === 'true' || w === '1' ? 'watch' : 'list';
    for (const term of (query.get('fieldSelector') ?? '').split(',')) {
      const m = /^\s*metadata\.name\s*==?\s*(.*?)\s*$/.exec(term);
      if (m && m[1] && isValidPathSegmentName(m[1]).length === 0) info.name = m[1];
    }
  }
  if (!info.name && info.verb === 'delete') info.verb = 'deletecollection';
  return info;
}
