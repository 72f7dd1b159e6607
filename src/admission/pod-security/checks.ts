// The Pod Security Standards' checks, as k8s.io/pod-security-admission's policy/check_*.go define them:
// each check has an id, a level, and versions (the first Kubernetes minor it applies from); a
// restricted check may override baseline ones. Reasons and details are upstream's words, because
// they are what the API server's refusals and warnings say.
import { goQuote } from '../../compat/go-format.js';

type Obj = Record<string, any>;
export interface CheckResult {
  allowed: boolean;
  reason?: string;
  detail?: string;
}
export type CheckFn = (meta: Obj, spec: Obj) => CheckResult;
export interface VersionedCheck {
  /** Minor version of Kubernetes 1.x this variant applies from. */
  min: number;
  fn: CheckFn;
  overrides?: string[];
}
export interface Check {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck[];
}

const OK: CheckResult = { allowed: true };
const deny = (reason: string, detail: string): CheckResult => ({ allowed: false, reason, detail });

export function joinQuote(items: readonly string[]): string {
  return items.length ? `"${items.join('", "')}"` : '';
}
export function pluralize(singular: string, plural: string, n: number): string {
  return n === 1 ? singular : plural;
}
const sorted = (s: Set<string>): string[] => [...s].sort();
const containerList = (names: string[]) => `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;

/** Init containers, containers, then ephemeral containers (visitor.go). */
function containers(spec: Obj): Obj[] {
  return [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])] as Obj[];
}
const isWindows = (spec: Obj) => spec.os?.name === 'windows';
/** hostUsers: false (a user namespace) relaxes the root checks from 1.35. */
const userNamespaced = (spec: Obj) => spec.hostUsers === false;
const unlessWindows = (fn: CheckFn): CheckFn => (m, s) => (isWindows(s) ? OK : fn(m, s));
const unlessUserNamespaced = (fn: CheckFn): CheckFn => (m, s) => (userNamespaced(s) ? OK : fn(m, s));

function allowPrivilegeEscalation(_m: Obj, spec: Obj): CheckResult {
  const bad = containers(spec).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => c.name);
  if (!bad.length) return OK;
  return deny('allowPrivilegeEscalation != false', `${containerList(bad)} must set securityContext.allowPrivilegeEscalation=false`);
}

function appArmorProfile(meta: Obj, spec: Obj): CheckResult {
  const allowedType = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
  const setters: string[] = [];
  const values = new Set<string>();
  const podProfile = spec.securityContext?.appArmorProfile;
  if (podProfile && !allowedType(podProfile.type)) {
    setters.push('pod');
    values.add(String(podProfile.type ?? ''));
  }
  const bad: string[] = [];
  for (const c of containers(spec)) {
    const p = c.securityContext?.appArmorProfile;
    if (p && !allowedType(p.type)) {
      bad.push(c.name);
      values.add(String(p.type ?? ''));
    }
  }
  if (bad.length) setters.push(containerList(bad));
  const badAnnotations: string[] = [];
  for (const [k, v] of Object.entries((meta.annotations ?? {}) as Record<string, string>)) {
    if (k.startsWith('container.apparmor.security.beta.kubernetes.io/') && !(v === '' || v === 'runtime/default' || v.startsWith('localhost/'))) {
      badAnnotations.push(`${k}=${goQuote(v)}`);
    }
  }
  const valueList = sorted(values);
  if (badAnnotations.length) {
    valueList.push(...badAnnotations.sort());
    setters.push(pluralize('annotation', 'annotations', badAnnotations.length));
  }
  if (!setters.length) return OK;
  return deny(
    pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', valueList.length),
    `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(valueList)}`,
  );
}

const DEFAULT_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

function capabilitiesBaseline(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const caps = new Set<string>();
  for (const c of containers(spec)) {
    const add = (c.securityContext?.capabilities?.add ?? []) as string[];
    const extra = add.filter((x) => !DEFAULT_CAPABILITIES.has(x));
    extra.forEach((x) => caps.add(x));
    if (extra.length) bad.push(c.name);
  }
  if (!bad.length) return OK;
  return deny('non-default capabilities', `${containerList(bad)} must not include ${joinQuote(sorted(caps))} in securityContext.capabilities.add`);
}

function capabilitiesRestricted(_m: Obj, spec: Obj): CheckResult {
  const missingDrop: string[] = [];
  const adding: string[] = [];
  const caps = new Set<string>();
  for (const c of containers(spec)) {
    const capabilities = c.securityContext?.capabilities;
    if (!capabilities) {
      missingDrop.push(c.name);
      continue;
    }
    if (!((capabilities.drop ?? []) as string[]).includes('ALL')) missingDrop.push(c.name);
    const extra = ((capabilities.add ?? []) as string[]).filter((x) => x !== 'NET_BIND_SERVICE');
    extra.forEach((x) => caps.add(x));
    if (extra.length) adding.push(c.name);
  }
  const details: string[] = [];
  if (missingDrop.length) details.push(`${containerList(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
  if (adding.length) details.push(`${containerList(adding)} must not include ${joinQuote(sorted(caps))} in securityContext.capabilities.add`);
  return details.length ? deny('unrestricted capabilities', details.join('; ')) : OK;
}

function hostNamespaces(_m: Obj, spec: Obj): CheckResult {
  const ns: string[] = [];
  if (spec.hostNetwork) ns.push('hostNetwork=true');
  if (spec.hostPID) ns.push('hostPID=true');
  if (spec.hostIPC) ns.push('hostIPC=true');
  return ns.length ? deny('host namespaces', ns.join(', ')) : OK;
}

function hostPathVolumes(_m: Obj, spec: Obj): CheckResult {
  const bad = ((spec.volumes ?? []) as Obj[]).filter((v) => v.hostPath).map((v) => v.name);
  return bad.length ? deny('hostPath volumes', `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)}`) : OK;
}

function hostPorts(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const ports = new Set<string>();
  for (const c of containers(spec)) {
    const hp = ((c.ports ?? []) as Obj[]).filter((p) => p.hostPort);
    hp.forEach((p) => ports.add(String(p.hostPort)));
    if (hp.length) bad.push(c.name);
  }
  if (!bad.length) return OK;
  return deny(
    'hostPort',
    `${containerList(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('hostPort', 'hostPorts', ports.size)} ${sorted(ports).join(', ')}`,
  );
}

function hostProbesAndHostLifecycle(_m: Obj, spec: Obj): CheckResult {
  const bad = new Set<string>();
  const hosts = new Set<string>();
  const handlerHosts = (h: Obj | undefined) => (h ? [h.httpGet?.host, h.tcpSocket?.host].filter((x): x is string => !!x) : []);
  for (const c of containers(spec)) {
    const found = [c.livenessProbe, c.readinessProbe, c.startupProbe, c.lifecycle?.postStart, c.lifecycle?.preStop].flatMap(handlerHosts);
    if (found.length) {
      bad.add(c.name);
      found.forEach((h) => hosts.add(h));
    }
  }
  if (!bad.size) return OK;
  return deny(
    'probe or lifecycle host',
    `${pluralize('container', 'containers', bad.size)} ${joinQuote(sorted(bad))} ${pluralize('uses', 'use', bad.size)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hosts.size)} ${joinQuote(sorted(hosts))}`,
  );
}

function privileged(_m: Obj, spec: Obj): CheckResult {
  const bad = containers(spec).filter((c) => c.securityContext?.privileged === true).map((c) => c.name);
  return bad.length ? deny('privileged', `${containerList(bad)} must not set securityContext.privileged=true`) : OK;
}

function procMount(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const types = new Set<string>();
  for (const c of containers(spec)) {
    const pm = c.securityContext?.procMount;
    if (pm !== undefined && pm !== null && pm !== 'Default') {
      bad.push(c.name);
      types.add(String(pm));
    }
  }
  return bad.length ? deny('procMount', `${containerList(bad)} must not set securityContext.procMount to ${joinQuote(sorted(types))}`) : OK;
}

const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs',
  'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos',
];

function restrictedVolumes(_m: Obj, spec: Obj): CheckResult {
  const bad: string[] = [];
  const types = new Set<string>();
  for (const v of (spec.volumes ?? []) as Obj[]) {
    if (ALLOWED_VOLUME_SOURCES.some((k) => v[k])) continue;
    bad.push(v.name);
    types.add(RESTRICTED_VOLUME_SOURCES.find((k) => v[k]) ?? 'unknown');
  }
  if (!bad.length) return OK;
  return deny(
    'restricted volume types',
    `${pluralize('volume', 'volumes', bad.length)} ${joinQuote(bad)} ${pluralize('uses', 'use', bad.length)} ${pluralize('restricted volume type', 'restricted volume types', types.size)} ${joinQuote(sorted(types))}`,
  );
}

function runAsNonRoot(_m: Obj, spec: Obj): CheckResult {
  const setters: string[] = [];
  let podNonRoot = false;
  const podValue = spec.securityContext?.runAsNonRoot;
  if (podValue === false) setters.push('pod');
  else if (podValue === true) podNonRoot = true;
  const explicit: string[] = [];
  const implicit: string[] = [];
  for (const c of containers(spec)) {
    const v = c.securityContext?.runAsNonRoot;
    if (v === true || v === false) {
      if (v === false) explicit.push(c.name);
    } else if (!podNonRoot) implicit.push(c.name);
  }
  if (explicit.length) setters.push(containerList(explicit));
  if (setters.length) return deny('runAsNonRoot != true', `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`);
  if (implicit.length) return deny('runAsNonRoot != true', `pod or ${containerList(implicit)} must set securityContext.runAsNonRoot=true`);
  return OK;
}

function runAsUser(_m: Obj, spec: Obj): CheckResult {
  const setters: string[] = [];
  if (spec.securityContext?.runAsUser === 0) setters.push('pod');
  const bad = containers(spec).filter((c) => c.securityContext?.runAsUser === 0).map((c) => c.name);
  if (bad.length) setters.push(containerList(bad));
  return setters.length ? deny('runAsUser=0', `${setters.join(' and ')} must not set runAsUser=0`) : OK;
}

function seLinuxOptions(allowedTypes: Set<string>): CheckFn {
  return (_m, spec) => {
    const badTypes = new Set<string>();
    let setUser = false;
    let setRole = false;
    const valid = (o: Obj) => {
      let ok = true;
      if (!allowedTypes.has(o.type ?? '')) {
        ok = false;
        badTypes.add(o.type ?? '');
      }
      if (o.user) (ok = false), (setUser = true);
      if (o.role) (ok = false), (setRole = true);
      return ok;
    };
    const setters: string[] = [];
    if (spec.securityContext?.seLinuxOptions && !valid(spec.securityContext.seLinuxOptions)) setters.push('pod');
    const bad = containers(spec).filter((c) => c.securityContext?.seLinuxOptions && !valid(c.securityContext.seLinuxOptions)).map((c) => c.name);
    if (bad.length) setters.push(containerList(bad));
    if (!setters.length) return OK;
    const data: string[] = [];
    if (badTypes.size) data.push(`${pluralize('type', 'types', badTypes.size)} ${joinQuote(sorted(badTypes))}`);
    if (setUser) data.push('user may not be set');
    if (setRole) data.push('role may not be set');
    return deny('seLinuxOptions', `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`);
  };
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const validSeccomp = (t: unknown) => t === 'Localhost' || t === 'RuntimeDefault';

function seccompAnnotations(meta: Obj, spec: Obj): CheckResult {
  const valid = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
  const a = (meta.annotations ?? {}) as Record<string, string>;
  const bad = new Set<string>();
  if (SECCOMP_POD_ANNOTATION in a && !valid(a[SECCOMP_POD_ANNOTATION]!)) bad.add(`${SECCOMP_POD_ANNOTATION}=${goQuote(a[SECCOMP_POD_ANNOTATION]!)}`);
  for (const c of containers(spec)) {
    const k = SECCOMP_CONTAINER_ANNOTATION + c.name;
    if (k in a && !valid(a[k]!)) bad.add(`${k}=${goQuote(a[k]!)}`);
  }
  return bad.size ? deny('seccompProfile', `forbidden ${pluralize('annotation', 'annotations', bad.size)} ${sorted(bad).join(', ')}`) : OK;
}

/** seccompProfile checks: the baseline refuses bad types; the restricted profile also requires one. */
function seccompProfile(required: boolean): CheckFn {
  return (_m, spec) => {
    const setters: string[] = [];
    const values = new Set<string>();
    let podSet = false;
    const pod = spec.securityContext?.seccompProfile;
    if (pod) {
      if (!validSeccomp(pod.type)) {
        setters.push('pod');
        values.add(String(pod.type ?? ''));
      } else podSet = true;
    }
    const explicit: string[] = [];
    const implicit: string[] = [];
    for (const c of containers(spec)) {
      const p = c.securityContext?.seccompProfile;
      if (p) {
        if (!validSeccomp(p.type)) {
          explicit.push(c.name);
          values.add(String(p.type ?? ''));
        }
      } else if (!podSet) implicit.push(c.name);
    }
    if (explicit.length) setters.push(containerList(explicit));
    if (setters.length) return deny('seccompProfile', `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sorted(values))}`);
    if (required && implicit.length) {
      return deny('seccompProfile', `pod or ${containerList(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`);
    }
    return OK;
  };
}

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];

function sysctls(allowed: string[]): CheckFn {
  const set = new Set(allowed);
  return (_m, spec) => {
    const bad = ((spec.securityContext?.sysctls ?? []) as Obj[]).map((s) => String(s.name)).filter((n) => !set.has(n));
    return bad.length ? deny('forbidden sysctls', bad.join(', ')) : OK;
  };
}

function windowsHostProcess(_m: Obj, spec: Obj): CheckResult {
  const bad = containers(spec).filter((c) => c.securityContext?.windowsOptions?.hostProcess === true).map((c) => c.name);
  const setters: string[] = [];
  if (spec.securityContext?.windowsOptions?.hostProcess === true) setters.push('pod');
  if (bad.length) setters.push(containerList(bad));
  return setters.length ? deny('hostProcess', `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`) : OK;
}

const SELINUX_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_1_31 = new Set([...SELINUX_1_0, 'container_engine_t']);

/** Every check, as policy/ registers them. */
export const CHECKS: readonly Check[] = [
  { id: 'allowPrivilegeEscalation', level: 'restricted', versions: [{ min: 8, fn: allowPrivilegeEscalation }, { min: 25, fn: unlessWindows(allowPrivilegeEscalation) }] },
  { id: 'appArmorProfile', level: 'baseline', versions: [{ min: 0, fn: appArmorProfile }] },
  { id: 'capabilities_baseline', level: 'baseline', versions: [{ min: 0, fn: capabilitiesBaseline }] },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    versions: [
      { min: 22, fn: capabilitiesRestricted, overrides: ['capabilities_baseline'] },
      { min: 25, fn: unlessWindows(capabilitiesRestricted), overrides: ['capabilities_baseline'] },
    ],
  },
  { id: 'hostNamespaces', level: 'baseline', versions: [{ min: 0, fn: hostNamespaces }] },
  { id: 'hostPathVolumes', level: 'baseline', versions: [{ min: 0, fn: hostPathVolumes }] },
  { id: 'hostPorts', level: 'baseline', versions: [{ min: 0, fn: hostPorts }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', versions: [{ min: 34, fn: hostProbesAndHostLifecycle }] },
  { id: 'privileged', level: 'baseline', versions: [{ min: 0, fn: privileged }] },
  { id: 'procMount', level: 'baseline', versions: [{ min: 0, fn: procMount }, { min: 35, fn: unlessUserNamespaced(procMount) }] },
  { id: 'procMount_restricted', level: 'restricted', versions: [{ min: 35, fn: procMount, overrides: ['procMount'] }] },
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ min: 0, fn: restrictedVolumes, overrides: ['hostPathVolumes'] }] },
  { id: 'runAsNonRoot', level: 'restricted', versions: [{ min: 0, fn: runAsNonRoot }, { min: 35, fn: unlessUserNamespaced(runAsNonRoot) }] },
  { id: 'runAsUser', level: 'restricted', versions: [{ min: 23, fn: runAsUser }, { min: 35, fn: unlessUserNamespaced(runAsUser) }] },
  { id: 'seLinuxOptions', level: 'baseline', versions: [{ min: 0, fn: seLinuxOptions(SELINUX_1_0) }, { min: 31, fn: seLinuxOptions(SELINUX_1_31) }] },
  { id: 'seccompProfile_baseline', level: 'baseline', versions: [{ min: 0, fn: seccompAnnotations }, { min: 19, fn: seccompProfile(false) }] },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [
      { min: 19, fn: seccompProfile(true), overrides: ['seccompProfile_baseline'] },
      { min: 25, fn: unlessWindows(seccompProfile(true)), overrides: ['seccompProfile_baseline'] },
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    versions: [{ min: 0, fn: sysctls(SYSCTLS_1_0) }, { min: 27, fn: sysctls(SYSCTLS_1_27) }, { min: 29, fn: sysctls(SYSCTLS_1_29) }, { min: 32, fn: sysctls(SYSCTLS_1_32) }],
  },
  { id: 'windowsHostProcess', level: 'baseline', versions: [{ min: 0, fn: windowsHostProcess }] },
];
