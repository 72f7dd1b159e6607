// A container's securityContext (merged over the pod's, the container winning, as
// kuberuntime's determineEffectiveSecurityContext does) in the runtime's terms — the options a CRI
// runtime passes to runc, here Docker's: User, GroupAdd, ReadonlyRootfs, CapAdd/CapDrop, Privileged,
// SecurityOpt (no-new-privileges, seccomp), Sysctls. Pure; runAsNonRoot is checked against the image's
// USER with the kubelet's messages (verifyRunAsNonRoot).
import type { Container, Pod } from '../api/types.js';
import type { ContainerSpec } from '../runtime/runtime.js';

type Obj = Record<string, any>;

export type SecurityFields = Pick<ContainerSpec, 'user' | 'groupAdd' | 'readonlyRootfs' | 'capAdd' | 'capDrop' | 'privileged' | 'securityOpt' | 'sysctls'>;

/** The effective context: the container's fields over the pod's (for the fields both have). */
export function effectiveSecurityContext(pod: Pod, c: Container): Obj {
  const p = ((pod.spec as Obj).securityContext ?? {}) as Obj;
  const own = ((c as Obj).securityContext ?? {}) as Obj;
  const out: Obj = {};
  for (const k of ['runAsUser', 'runAsGroup', 'runAsNonRoot', 'seccompProfile', 'seLinuxOptions', 'appArmorProfile', 'windowsOptions']) {
    if (own[k] !== undefined) out[k] = own[k];
    else if (p[k] !== undefined) out[k] = p[k];
  }
  for (const k of ['readOnlyRootFilesystem', 'capabilities', 'privileged', 'allowPrivilegeEscalation', 'procMount']) if (own[k] !== undefined) out[k] = own[k];
  return out;
}

const cap = (s: string) => (s.toUpperCase() === 'ALL' ? 'ALL' : s.toUpperCase().startsWith('CAP_') ? s.toUpperCase() : `CAP_${s.toUpperCase()}`);

/** The runtime options, or the CreateContainerConfigError message. `imageUser` is the image's USER ('' for root). */
export function securityFields(pod: Pod, c: Container, imageUser: string | undefined): SecurityFields | { error: string } {
  const sc = effectiveSecurityContext(pod, c);
  const podSc = ((pod.spec as Obj).securityContext ?? {}) as Obj;
  const out: SecurityFields = {};
  const who = `(pod: "${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})", container: ${c.name})`;
  if (sc.runAsNonRoot === true) {
    if (typeof sc.runAsUser === 'number') {
      if (sc.runAsUser === 0) return { error: `container's runAsUser breaks non-root policy ${who}` };
    } else {
      const u = (imageUser ?? '').split(':')[0]!;
      if (u === '' || u === '0' || u === 'root') return { error: `container has runAsNonRoot and image will run as root ${who}` };
      if (!/^\d+$/.test(u)) return { error: `container has runAsNonRoot and image has non-numeric user (${u}), cannot verify user is non-root ${who}` };
    }
  }
  if (typeof sc.runAsUser === 'number' || typeof sc.runAsGroup === 'number') {
    // Docker needs a user with a group; a group alone keeps the image's user.
    const user = typeof sc.runAsUser === 'number' ? String(sc.runAsUser) : (imageUser ?? '').split(':')[0] || '0';
    out.user = typeof sc.runAsGroup === 'number' ? `${user}:${sc.runAsGroup}` : user;
  }
  const groups = [...((podSc.supplementalGroups ?? []) as number[]), ...(typeof podSc.fsGroup === 'number' ? [podSc.fsGroup] : [])].map(String);
  if (groups.length) out.groupAdd = [...new Set(groups)];
  if (sc.readOnlyRootFilesystem === true) out.readonlyRootfs = true;
  if (sc.privileged === true) out.privileged = true;
  const add = ((sc.capabilities?.add ?? []) as string[]).map(cap);
  const drop = ((sc.capabilities?.drop ?? []) as string[]).map(cap);
  if (add.length) out.capAdd = add;
  if (drop.length) out.capDrop = drop;
  const opts: string[] = [];
  if (sc.allowPrivilegeEscalation === false) opts.push('no-new-privileges');
  const seccomp = sc.seccompProfile?.type;
  if (seccomp === 'Unconfined' || sc.privileged === true) opts.push('seccomp=unconfined');
  if (opts.length) out.securityOpt = opts;
  const sysctls = (podSc.sysctls ?? []) as { name: string; value: string }[];
  if (sysctls.length) out.sysctls = Object.fromEntries(sysctls.map((s) => [s.name, s.value]));
  return out;
}
