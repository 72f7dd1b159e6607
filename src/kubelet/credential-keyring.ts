// The kubelet's image pull credentials: a pod's imagePullSecrets (kubernetes.io/dockerconfigjson and the legacy
// kubernetes.io/dockercfg) read into a keyring, and the credentials that apply to an image, in the order the
// kubelet tries them — the rules of k8s.io/kubernetes pkg/credentialprovider (keyring.go): a key is a schemeless
// URL (host, optional port, optional path; `/v1/` and `/v2/` mean the host alone; `*` globs in host labels),
// keys are tried most specific first (reverse-sorted), a key matches when hosts (label by label), ports and a
// path prefix match, and an image of the default registry also gets `index.docker.io`'s credentials. Pure.

export interface RegistryAuth {
  username: string;
  password: string;
  /** The registry the credential is for (the key it was found under). */
  serveraddress: string;
}

type Obj = Record<string, any>;

const DEFAULT_REGISTRY_HOST = 'index.docker.io';

/** A docker config's entries (`{"auths": {...}}` or the legacy top-level map) → key → credentials. */
function entries(config: Obj): [string, RegistryAuth][] {
  const auths = (config && typeof config.auths === 'object' ? config.auths : config) as Obj;
  const out: [string, RegistryAuth][] = [];
  for (const [loc, e] of Object.entries(auths ?? {})) {
    if (!e || typeof e !== 'object') continue;
    let username = typeof e.username === 'string' ? e.username : '';
    let password = typeof e.password === 'string' ? e.password : '';
    if (typeof e.auth === 'string' && e.auth) {
      const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) {
        username = decoded.slice(0, i);
        password = decoded.slice(i + 1);
      }
    }
    out.push([keyOf(loc), { username, password, serveraddress: loc }]);
  }
  return out;
}

/** A config location as the keyring indexes it: host[:port][/path], no scheme, `/v1/`/`/v2/` dropped. */
export function keyOf(loc: string): string {
  const url = parseSchemeless(loc);
  if (!url) return loc;
  let p = url.path;
  if (p.startsWith('/v2/') || p.startsWith('/v1/')) p = p.slice(3);
  return p && p !== '/' ? url.host + p : url.host;
}

function parseSchemeless(s: string): { host: string; path: string } | undefined {
  const m = /^(?:https?:\/\/)?([^/]*)(\/.*)?$/.exec(s);
  if (!m) return undefined;
  return { host: m[1]!.toLowerCase(), path: m[2] ?? '' };
}

function splitPort(host: string): [string, string] {
  const i = host.lastIndexOf(':');
  return i >= 0 && !host.endsWith(']') ? [host.slice(0, i), host.slice(i + 1)] : [host, ''];
}

/** Go's filepath.Match for one host label: `*` (any run), `?` (one character), literal otherwise. */
function labelMatch(glob: string, label: string): boolean {
  const re = new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*').replace(/\?/g, '[^.]') + '$');
  return re.test(label);
}

/** keyring.go's URLsMatchStr: does the key (a glob URL) cover the image reference? */
export function urlsMatch(key: string, target: string): boolean {
  const g = parseSchemeless(key);
  const t = parseSchemeless(target);
  if (!g || !t) return false;
  const [gHost, gPort] = splitPort(g.host);
  const [tHost, tPort] = splitPort(t.host);
  if (gPort !== tPort) return false;
  const gl = gHost.split('.');
  const tl = tHost.split('.');
  if (gl.length !== tl.length) return false;
  if (!gl.every((x, i) => labelMatch(x, tl[i]!))) return false;
  return t.path.startsWith(g.path);
}

/** The image as the keyring looks it up: its repository without tag or digest, docker.io's as index.docker.io would not be. */
export function repositoryOf(image: string): string {
  let repo = image.split('@')[0]!;
  const slash = repo.lastIndexOf('/');
  const colon = repo.lastIndexOf(':');
  if (colon > slash) repo = repo.slice(0, colon);
  return repo;
}

/** An image without a registry host (no `.` or `:` in its first part, not `localhost`) is docker.io's. */
export function isDefaultRegistryMatch(repo: string): boolean {
  const parts = repo.split('/');
  if (!parts[0]) return false;
  if (parts.length === 1) return true;
  if (parts[0] === 'docker.io') return true;
  return !/[.:]/.test(parts[0]) && parts[0] !== 'localhost';
}

/** The docker configs of a pod's pull secrets (`data` of Secrets as the API stores them, base64). Bad JSON is skipped. */
export function dockerConfigsOf(secrets: Obj[]): Obj[] {
  const out: Obj[] = [];
  for (const s of secrets) {
    const key = s.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
    const b64 = s.data?.[key];
    if (typeof b64 !== 'string') continue;
    try {
      out.push(JSON.parse(Buffer.from(b64, 'base64').toString('utf8')));
    } catch {
      // the API server validates these types' JSON; anything else is not a credential
    }
  }
  return out;
}

/** The credentials to try for `image`, most specific key first; [] means an anonymous pull. */
export function credentialsFor(image: string, configs: Obj[]): RegistryAuth[] {
  const creds = new Map<string, RegistryAuth[]>();
  for (const c of configs) for (const [k, a] of entries(c)) creds.set(k, [...(creds.get(k) ?? []), a]);
  const index = [...creds.keys()].sort().reverse();
  const repo = repositoryOf(image);
  const out: RegistryAuth[] = [];
  for (const k of index) if (urlsMatch(k, repo)) out.push(...creds.get(k)!);
  if (out.length) return out;
  if (isDefaultRegistryMatch(repo)) return creds.get(DEFAULT_REGISTRY_HOST) ?? [];
  return [];
}
