// Pure: what `kbx debug` sends, as kubectl's debug.go builds it — the ephemeral container added to a
// pod (generateDebugContainer) or the pod copy (generatePodCopyWithDebugContainer), with the legacy
// and general profiles' changes; and the flag checks of its Validate, in its words.
import type { Container, Pod } from '../api/types.js';

export interface DebugOptions {
  image?: string;
  container?: string;
  target?: string;
  copyTo?: string;
  setImage?: Record<string, string>;
  /** undefined: --share-processes not given (the copy keeps the pod's setting). */
  shareProcesses?: boolean;
  replace?: boolean;
  sameNode?: boolean;
  interactive?: boolean;
  tty?: boolean;
  /** attach given explicitly (undefined: as -i). */
  attach?: boolean;
  env?: { name: string; value: string }[];
  pullPolicy?: string;
  argsOnly?: boolean;
  args: string[];
  profile: 'legacy' | 'general';
  keep: { labels?: boolean; annotations?: boolean; liveness?: boolean; readiness?: boolean; startup?: boolean; initContainers?: boolean };
}

/** reference.ReferenceRegexp, in short: [host[:port]/]path[:tag][@digest]. */
const IMAGE_REF = /^(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

/** DebugOptions.Validate: the first problem, in kubectl's words (undefined: none). */
export function validateDebug(o: DebugOptions, targets: string[]): string | undefined {
  if (o.attach === true && !o.image && !o.container) return 'you must specify --container or create a new container using --image in order to attach.';
  if (o.copyTo) {
    if (!o.image && !Object.keys(o.setImage ?? {}).length && !o.args.length) return 'you must specify --image, --set-image or command arguments.';
    if (o.args.length && !o.container && !o.image) return 'you must specify an existing container or a new image when specifying args.';
  } else if (o.replace) return '--replace may only be used with --copy-to.';
  else if (o.sameNode) return '--same-node may only be used with --copy-to.';
  else if (Object.keys(o.setImage ?? {}).length) return '--set-image may only be used with --copy-to.';
  else if (!o.image) return 'you must specify --image when not using --copy-to.';
  if (o.image && !IMAGE_REF.test(o.image)) return `invalid image name ${JSON.stringify(o.image)}: invalid reference format`;
  if (!targets.length) return 'NAME or filename is required for debug';
  if (o.pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(o.pullPolicy)) return `invalid image pull policy: ${o.pullPolicy}`;
  for (const [name, image] of Object.entries(o.setImage ?? {})) {
    if (!IMAGE_REF.test(image)) return `invalid image name ${JSON.stringify(image)} for container ${JSON.stringify(name)}: invalid reference format`;
  }
  if (o.target && o.copyTo) return '--target is incompatible with --copy-to. Use --share-processes instead.';
  if (o.tty && !o.interactive) return '-i/--stdin is required for containers with -t/--tty=true';
  return undefined;
}

/** --set-image's `name=image,name2=image2` (`*` for every container); a bad pair is kubectl's error. */
export function parseSetImage(values: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values.flatMap((x) => x.split(','))) {
    const i = v.indexOf('=');
    if (i <= 0) throw new Error(`invalid argument "${values.join(',')}" for "--set-image" flag: ${v} must be formatted as key=value`);
    out[v.slice(0, i)] = v.slice(i + 1);
  }
  return out;
}

/** Every container name of a pod (containerNameToRef). */
function names(pod: Pod): Set<string> {
  return new Set([...pod.spec.containers, ...(pod.spec.initContainers ?? []), ...(pod.spec.ephemeralContainers ?? [])].map((c) => c.name));
}

/** computeDebugContainerName: -c, else debugger-<5 random> not taken yet. `said` gets kubectl's "Defaulting…" line. */
export function debugContainerName(pod: Pod, o: DebugOptions, suffix: () => string): { name: string; defaulted: boolean } {
  if (o.container) return { name: o.container, defaulted: false };
  const taken = names(pod);
  let name = '';
  while (!name || taken.has(name)) name = `debugger-${suffix()}`;
  return { name, defaulted: true };
}

/** Go's `json:",omitempty"`: fields a client would not send. */
function compact<T extends object>(o: T): T {
  for (const [k, v] of Object.entries(o)) if (v === undefined || v === '' || v === false || (Array.isArray(v) && !v.length)) delete (o as Record<string, unknown>)[k];
  return o;
}

/** generateDebugContainer: the ephemeral container to add (the general profile allows process tracing). */
export function ephemeralContainer(o: DebugOptions, name: string): Container & { targetContainerName?: string } {
  const c = compact({
    name,
    env: o.env,
    image: o.image!,
    imagePullPolicy: o.pullPolicy,
    stdin: o.interactive,
    terminationMessagePolicy: 'File',
    tty: o.tty,
    targetContainerName: o.target,
    ...(o.args.length ? (o.argsOnly ? { args: o.args } : { command: o.args }) : {}),
  }) as Container & { targetContainerName?: string };
  if (o.profile === 'general') (c as Record<string, unknown>).securityContext = { capabilities: { add: ['SYS_PTRACE'] } };
  return c;
}

/** generatePodCopyWithDebugContainer: the copy to create and the container to attach to ('' for a --set-image-only copy). */
export function podCopy(pod: Pod, o: DebugOptions, suffix: () => string): { pod: Pod; container: string; defaulted: boolean } | { error: string } {
  const spec = structuredClone(pod.spec);
  delete spec.ephemeralContainers;
  if (o.shareProcesses !== undefined) spec.shareProcessNamespace = o.shareProcesses;
  if (!o.sameNode) delete spec.nodeName;
  const set = o.setImage ?? {};
  for (const c of spec.containers) {
    const img = set[c.name] ?? set['*'];
    if (img) c.image = img;
  }
  const copy: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: compact({ name: o.copyTo!, namespace: pod.metadata.namespace, annotations: pod.metadata.annotations, labels: pod.metadata.labels }),
    spec,
  } as Pod;
  let name = o.container ?? '';
  let defaulted = false;
  let c = [...spec.containers, ...(spec.initContainers ?? [])].find((x) => x.name === name);
  if (!c) {
    if (!o.image) {
      if (Object.keys(set).length) return { pod: applyCopyProfile(copy, o, ''), container: '', defaulted };
      return { error: 'you must specify image when creating new container' };
    }
    if (!name) ({ name, defaulted } = debugContainerName(copy, o, suffix));
    c = { name, terminationMessagePolicy: 'File' } as Container;
    spec.containers.push(c);
  }
  const m = c as Container & Record<string, unknown>;
  if (o.args.length) {
    if (o.argsOnly) m.args = o.args;
    else {
      m.command = o.args;
      delete m.args;
    }
  }
  if (o.env?.length) m.env = o.env;
  if (o.image) m.image = o.image;
  if (o.pullPolicy) m.imagePullPolicy = o.pullPolicy as Container["imagePullPolicy"];
  if (o.interactive) m.stdin = true;
  else delete m.stdin;
  if (o.tty) m.tty = true;
  else delete m.tty;
  return { pod: applyCopyProfile(copy, o, name), container: name, defaulted };
}

/** The profile's changes to a copy: legacy drops the labels; general also annotations, probes, init containers, and shares processes. */
function applyCopyProfile(copy: Pod, o: DebugOptions, container: string): Pod {
  const k = o.keep;
  if (!k.labels) delete copy.metadata.labels;
  if (o.profile === 'legacy') return copy;
  if (!k.annotations) delete copy.metadata.annotations;
  for (const c of copy.spec.containers as (Container & Record<string, unknown>)[]) {
    if (!k.liveness) delete c.livenessProbe;
    if (!k.readiness) delete c.readinessProbe;
    if (!k.startup) delete c.startupProbe;
  }
  if (!k.initContainers) delete copy.spec.initContainers;
  const dc = copy.spec.containers.find((c) => c.name === container) as (Container & Record<string, any>) | undefined;
  if (dc) {
    dc.securityContext = dc.securityContext ?? {};
    dc.securityContext.capabilities = dc.securityContext.capabilities ?? {};
    const add: string[] = dc.securityContext.capabilities.add ?? [];
    if (!add.includes('SYS_PTRACE')) dc.securityContext.capabilities.add = [...add, 'SYS_PTRACE'];
  }
  if (copy.spec.shareProcessNamespace === undefined) copy.spec.shareProcessNamespace = true;
  return copy;
}

/** utilrand.String's alphabet (no vowels, no 0/1/3). */
export function randomSuffix(n = 5, random = Math.random): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(random() * alphabet.length)];
  return s;
}
