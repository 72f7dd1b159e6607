// The pod fields kbx accepts (they are valid Kubernetes) but does not honour on Docker: each one present in a
// pod becomes an API Warning on create/update, so nothing is silently ignored. The README's "limits" lists
// the same fields. Pure.
import type { Pod } from './types.js';

type Obj = Record<string, any>;

const set = (v: unknown) => v !== undefined && v !== null && v !== false && !(Array.isArray(v) && !v.length);

/** Volume sources kbx cannot mount (cloud and network disks, CSI, image volumes …). */
const UNMOUNTABLE = ['nfs', 'iscsi', 'glusterfs', 'rbd', 'cephfs', 'cinder', 'flexVolume', 'flocker', 'fc', 'azureFile', 'azureDisk', 'vsphereVolume', 'quobyte', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image', 'gitRepo', 'awsElasticBlockStore', 'gcePersistentDisk'];

export function unhonouredPodFields(pod: Pod): string[] {
  const spec = (pod.spec ?? {}) as Obj;
  const out: string[] = [];
  const note = (field: string, why: string) => out.push(`${field}: ${why}`);
  if (set(spec.hostAliases)) note('spec.hostAliases', 'not honoured by kbx (no /etc/hosts entries are added)');
  if (set(spec.runtimeClassName)) note('spec.runtimeClassName', 'not honoured by kbx (Docker’s default runtime runs every pod)');
  if (spec.hostUsers === false) note('spec.hostUsers', 'not honoured by kbx (no user namespaces)');
  if (set(spec.overhead)) note('spec.overhead', 'not honoured by kbx');
  const psc = (spec.securityContext ?? {}) as Obj;
  for (const f of ['fsGroupChangePolicy', 'seLinuxOptions', 'windowsOptions', 'appArmorProfile', 'supplementalGroupsPolicy', 'seLinuxChangePolicy']) {
    if (set(psc[f])) note(`spec.securityContext.${f}`, 'not honoured by kbx');
  }
  if (psc.seccompProfile?.type === 'Localhost') note('spec.securityContext.seccompProfile', 'Localhost profiles are not honoured by kbx (Docker’s default profile applies)');
  for (const v of (spec.volumes ?? []) as Obj[]) {
    const kind = UNMOUNTABLE.find((k) => v[k]);
    if (kind) note(`spec.volumes[${v.name}].${kind}`, 'kbx cannot mount this volume type; the pod will not start');
    if (v.emptyDir?.sizeLimit && v.emptyDir.medium !== 'Memory') note(`spec.volumes[${v.name}].emptyDir.sizeLimit`, 'only enforced by kbx for medium: Memory');
  }
  const containers = [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])];
  for (const c of containers) {
    const sc = (c.securityContext ?? {}) as Obj;
    for (const f of ['seLinuxOptions', 'windowsOptions', 'appArmorProfile']) if (set(sc[f])) note(`containers[${c.name}].securityContext.${f}`, 'not honoured by kbx');
    if (sc.procMount === 'Unmasked') note(`containers[${c.name}].securityContext.procMount`, 'Unmasked is not honoured by kbx');
    if (sc.seccompProfile?.type === 'Localhost') note(`containers[${c.name}].securityContext.seccompProfile`, 'Localhost profiles are not honoured by kbx');
    for (const m of (c.volumeMounts ?? []) as Obj[]) {
      const v = ((spec.volumes ?? []) as Obj[]).find((x) => x.name === m.name);
      if (m.subPath && v?.emptyDir?.medium === 'Memory') note(`containers[${c.name}].volumeMounts[${m.name}].subPath`, 'not honoured by kbx for emptyDir volumes of medium Memory (the whole volume is mounted)');
      if (set(m.mountPropagation) && m.mountPropagation !== 'None') note(`containers[${c.name}].volumeMounts[${m.name}].mountPropagation`, 'not honoured by kbx');
    }
  }
  return out;
}

/** Host paths that hand a pod the machine: the root, and the Docker socket (or a folder holding it). */
const DOCKER_SOCKET_PATHS = ['/var/run/docker.sock', '/run/docker.sock', '/var/run', '/run', '/var'];

function normalHostPath(p: string): string {
  const parts = p.split('/').filter((s) => s && s !== '.');
  return '/' + parts.join('/');
}

/**
 * Fields that give a pod power over this machine (the API server's Warning on create/update, kubectl prints
 * it): a hostPath of `/` or of the Docker socket, privileged containers, added capabilities that reach the
 * host, the host's PID or IPC namespace. hostNetwork is refused (validation). Pure.
 */
export function dangerousPodFields(pod: Pod): string[] {
  const spec = (pod.spec ?? {}) as Obj;
  const out: string[] = [];
  for (const v of (spec.volumes ?? []) as Obj[]) {
    const p = v?.hostPath?.path;
    if (typeof p !== 'string') continue;
    const n = normalHostPath(p);
    if (n === '/') out.push(`spec.volumes[${v.name}].hostPath.path: "${p}" mounts the host's root filesystem: the pod can read and change every file of this machine`);
    else if (DOCKER_SOCKET_PATHS.includes(n)) {
      out.push(`spec.volumes[${v.name}].hostPath.path: "${p}" exposes the host's Docker socket: the pod (and anyone who can create or exec into pods) controls the Docker engine, every container and the host`);
    }
  }
  if (spec.hostPID === true) out.push("spec.hostPID: the pod's containers run in this machine's PID namespace: they see, and as root can signal or trace, every process of the host");
  if (spec.hostIPC === true) out.push("spec.hostIPC: the pod's containers share this machine's IPC namespace (its shared memory and message queues)");
  const containers = [...((spec.initContainers ?? []) as Obj[]), ...((spec.containers ?? []) as Obj[])];
  for (const c of containers) {
    const sc = (c?.securityContext ?? {}) as Obj;
    if (sc.privileged === true) out.push(`containers[${c.name}].securityContext.privileged: the container runs privileged on this machine's Docker: every capability, the host's devices, no seccomp or AppArmor confinement`);
    const add = (Array.isArray(sc.capabilities?.add) ? sc.capabilities.add : []) as unknown[];
    const risky = add.filter((x): x is string => typeof x === 'string' && ['ALL', 'SYS_ADMIN', 'CAP_SYS_ADMIN', 'NET_ADMIN', 'CAP_NET_ADMIN', 'SYS_PTRACE', 'CAP_SYS_PTRACE', 'SYS_MODULE', 'CAP_SYS_MODULE', 'DAC_READ_SEARCH', 'CAP_DAC_READ_SEARCH'].includes(x));
    if (risky.length) out.push(`containers[${c.name}].securityContext.capabilities.add: ${risky.join(', ')} reach beyond the container on this machine's Docker`);
  }
  return out;
}

/** dangerousPodFields of a workload's pod template (`spec.template`, a CronJob's `spec.jobTemplate.spec.template`), prefixed with where it is. */
export function dangerousTemplateFields(obj: { kind?: string; spec?: Obj }): string[] {
  const cron = obj.kind === 'CronJob';
  const template = (cron ? obj.spec?.jobTemplate?.spec?.template : obj.spec?.template) as Obj | undefined;
  if (!template || typeof template !== 'object') return [];
  const prefix = cron ? 'spec.jobTemplate.spec.template.' : 'spec.template.';
  return dangerousPodFields({ spec: template.spec } as Pod).map((w) => prefix + (w.startsWith('containers[') ? 'spec.' : '') + w);
}
