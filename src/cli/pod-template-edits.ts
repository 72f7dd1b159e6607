// The edits `set image` and `set env` make to a pod template (or a pod's spec), pure: argument
// splitting (resources, then pairs), where a kind keeps its pod spec, image and env updates and the
// --containers glob, in kubectl's words (cmdutil, envutil, set_image.go, set_env.go).
import { CliError } from './errors.js';

/** cmdutil.GetResourcesAndPairs: resources first, then `KEY=VALUE` / `KEY-` pairs. */
export function getResourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else throw new CliError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

/** cmdutil.ParsePairs without removal: `name=value` pairs, in the order given (a later one replaces an earlier). */
export function parsePairs(pairArgs: string[], pairType: string): Map<string, string> {
  const out = new Map<string, string>();
  const invalid: string[] = [];
  for (const p of pairArgs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      out.set(p.slice(0, i), p.slice(i + 1));
    } else invalid.push(p);
  }
  if (invalid.length) throw new CliError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}

/** Where a kind keeps its pod spec (polymorphichelpers.UpdatePodSpecForObject), or undefined. */
export function podSpecPath(kind: string | undefined): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'Job':
      return ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
    default:
      return undefined;
  }
}

export function getPath(obj: unknown, path: string[]): any {
  let cur: any = obj;
  for (const p of path) cur = cur?.[p];
  return cur;
}

/** Sets the image of every container (and init container) named `name` (or all, for `*`); false when none matched. */
export function setContainerImage(podSpec: Record<string, any>, name: string, image: string): boolean {
  let found = false;
  for (const list of [podSpec.initContainers, podSpec.containers]) {
    for (const c of (list as Record<string, any>[] | undefined) ?? []) {
      if (c.name === name || name === '*') {
        c.image = image;
        found = true;
      }
    }
  }
  return found;
}

/** envutil.SplitEnvironmentFromResources: resources, then `K=V` / `K-` arguments; false if mixed. */
export function splitEnvironmentFromResources(args: string[]): { resources: string[]; envArgs: string[] } | undefined {
  const resources: string[] = [];
  const envArgs: string[] = [];
  let first = true;
  for (const s of args) {
    const isEnv = /^.+=/s.test(s) || s.endsWith('-');
    if (isEnv) {
      first = false;
      envArgs.push(s);
    } else if (first) resources.push(s);
    else return undefined;
  }
  return { resources, envArgs };
}

export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** envutil.ParseEnv (without `-` for stdin): variables to set and names to remove. */
export function parseEnv(spec: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  const set = new Set<string>();
  for (const s of spec) {
    if (s === '-') throw new CliError("when '-' is used, STDIN must be open");
    if (s.includes('=')) {
      const i = s.indexOf('=');
      const name = s.slice(0, i);
      if (!ENV_NAME.test(name)) {
        throw new CliError(
          `${JSON.stringify(name)} is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
        );
      }
      set.add(name);
      env.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new CliError(`unknown environment variable: ${s}`);
  }
  for (const r of remove) if (set.has(r)) throw new CliError('can not both modify and remove the same environment variable in the same command');
  return { env, remove };
}

/** set env's updateEnv: existing variables in place (replaced or removed), new ones appended. */
export function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((x) => x.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** set's selectString: `*` globbing for --containers, with kubectl's own matching rules. */
export function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.length) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) return false;
    pos = next;
  }
  return true;
}
