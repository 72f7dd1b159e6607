// Pod Security admission: the checks with upstream's cases (k8s.io/pod-security-admission policy/*_test.go),
// the namespace labels, the evaluator's versions and overrides, and the plugin's refusals and warnings.
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/admission/pod-security/checks.js';
import { evaluatePod, forbiddenDetail, policyFromLabels } from '../../src/admission/pod-security/policy.js';
import { evaluatePodsInNamespace, podSecurityAdmission } from '../../src/admission/pod-security/admission.js';
import type { AdmissionReader } from '../../src/registry/admission-types.js';
import { RESOURCES } from '../../src/api/registry.js';
import type { KObject } from '../../src/api/types.js';

type Obj = Record<string, any>;
const check = (id: string, minor = 35) => {
  const c = CHECKS.find((x) => x.id === id)!;
  return [...c.versions].reverse().find((v) => v.min <= minor)!.fn;
};
const run = (id: string, spec: Obj, meta: Obj = {}) => check(id)(meta, spec);

describe('checks (upstream cases)', () => {
  it('runAsNonRoot', () => {
    expect(run('runAsNonRoot', { containers: [{ name: 'a' }] })).toEqual({ allowed: false, reason: 'runAsNonRoot != true', detail: 'pod or container "a" must set securityContext.runAsNonRoot=true' });
    expect(run('runAsNonRoot', { securityContext: { runAsNonRoot: false }, containers: [{ name: 'a' }] }).detail).toBe('pod must not set securityContext.runAsNonRoot=false');
    const sc = (v?: boolean) => (v === undefined ? {} : { runAsNonRoot: v });
    expect(
      run('runAsNonRoot', {
        securityContext: { runAsNonRoot: true },
        containers: [{ name: 'a' }, { name: 'b', securityContext: {} }, { name: 'c', securityContext: sc(false) }, { name: 'd', securityContext: sc(false) }, { name: 'e', securityContext: sc(true) }],
      }).detail,
    ).toBe('containers "c", "d" must not set securityContext.runAsNonRoot=false');
    expect(run('runAsNonRoot', { containers: [{ name: 'a' }, { name: 'b', securityContext: {} }, { name: 'd', securityContext: sc(true) }] }).detail).toBe(
      'pod or containers "a", "b" must set securityContext.runAsNonRoot=true',
    );
    expect(run('runAsNonRoot', { hostUsers: false }).allowed).toBe(true);
  });

  it('capabilities_restricted', () => {
    const r = run('capabilities_restricted', {
      containers: [
        { name: 'a', securityContext: { capabilities: { add: ['FOO', 'BAR'] } } },
        { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'] } } },
        { name: 'c', securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'CHOWN'], drop: ['ALL', 'FOO'] } } },
      ],
    });
    expect(r.reason).toBe('unrestricted capabilities');
    expect(r.detail).toBe('containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add');
    expect(run('capabilities_restricted', { os: { name: 'windows' }, containers: [{ name: 'a' }] }).allowed).toBe(true);
  });

  it('capabilities_baseline', () => {
    const r = run('capabilities_baseline', {
      containers: [
        { name: 'a', securityContext: { capabilities: { add: ['FOO', 'BAR'] } } },
        { name: 'b', securityContext: { capabilities: { add: ['BAR', 'BAZ'] } } },
        { name: 'c', securityContext: { capabilities: { add: ['CHOWN'] } } },
      ],
    });
    expect(r.detail).toBe('containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add');
  });

  it('hostPorts', () => {
    expect(run('hostPorts', { containers: [{ name: 'a', ports: [{ hostPort: 0 }] }, { name: 'b', ports: [{ hostPort: 0 }, { hostPort: 20 }] }] }).detail).toBe('container "b" uses hostPort 20');
    expect(
      run('hostPorts', { containers: [{ name: 'a', ports: [{}] }, { name: 'b', ports: [{ hostPort: 10 }, { hostPort: 20 }] }, { name: 'c', ports: [{ hostPort: 10 }, { hostPort: 30 }] }] }).detail,
    ).toBe('containers "b", "c" use hostPorts 10, 20, 30');
  });

  it('host namespaces, hostPath, privileged, procMount, sysctls, restricted volumes', () => {
    expect(run('hostNamespaces', { hostNetwork: true, hostPID: true, hostIPC: true })).toEqual({ allowed: false, reason: 'host namespaces', detail: 'hostNetwork=true, hostPID=true, hostIPC=true' });
    expect(run('hostPathVolumes', { volumes: [{ name: 'a', hostPath: {} }, { name: 'b', emptyDir: {} }, { name: 'c', hostPath: {} }] }).detail).toBe('volumes "a", "c"');
    expect(run('privileged', { initContainers: [{ name: 'i', securityContext: { privileged: true } }], containers: [{ name: 'a', securityContext: { privileged: false } }, { name: 'b', securityContext: { privileged: true } }] }).detail).toBe(
      'containers "i", "b" must not set securityContext.privileged=true',
    );
    expect(run('procMount', { containers: [{ name: 'a', securityContext: { procMount: 'Unmasked' } }, { name: 'b', securityContext: { procMount: 'Default' } }] }).detail).toBe(
      'container "a" must not set securityContext.procMount to "Unmasked"',
    );
    expect(run('procMount', { hostUsers: false, containers: [{ name: 'a', securityContext: { procMount: 'Unmasked' } }] }).allowed).toBe(true);
    expect(run('procMount_restricted', { hostUsers: false, containers: [{ name: 'a', securityContext: { procMount: 'Unmasked' } }] }).allowed).toBe(false);
    expect(run('sysctls', { securityContext: { sysctls: [{ name: 'a' }, { name: 'kernel.shm_rmid_forced' }, { name: 'b' }] } })).toEqual({ allowed: false, reason: 'forbidden sysctls', detail: 'a, b' });
    expect(check('sysctls', 26)({}, { securityContext: { sysctls: [{ name: 'net.ipv4.ip_local_reserved_ports' }] } }).allowed).toBe(false);
    expect(check('sysctls', 27)({}, { securityContext: { sysctls: [{ name: 'net.ipv4.ip_local_reserved_ports' }] } }).allowed).toBe(true);
    expect(run('restrictedVolumes', { volumes: [{ name: 'a', emptyDir: {} }, { name: 'b', hostPath: {} }, { name: 'c', nfs: {} }, { name: 'd', hostPath: {} }] }).detail).toBe(
      'volumes "b", "c", "d" use restricted volume types "hostPath", "nfs"',
    );
  });

  it('seccomp, seLinux, appArmor, hostProcess, probes', () => {
    expect(run('seccompProfile_restricted', { securityContext: { seccompProfile: { type: 'Unconfined' } }, containers: [{ name: 'a', securityContext: { seccompProfile: { type: 'Unconfined' } } }, { name: 'b' }] }).detail).toBe(
      'pod and container "a" must not set securityContext.seccompProfile.type to "Unconfined"',
    );
    expect(run('seccompProfile_restricted', { containers: [{ name: 'a' }, { name: 'b', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }] }).detail).toBe(
      'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    );
    expect(check('seccompProfile_baseline', 18)({ annotations: { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined' } }, { containers: [] }).detail).toBe(
      'forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    );
    expect(run('seLinuxOptions', { securityContext: { seLinuxOptions: { type: 'foo', user: 'u' } }, containers: [{ name: 'a', securityContext: { seLinuxOptions: { role: 'r' } } }] }).detail).toBe(
      'pod and container "a" set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set; role may not be set',
    );
    expect(check('seLinuxOptions', 30)({}, { securityContext: { seLinuxOptions: { type: 'container_engine_t' } } }).allowed).toBe(false);
    expect(run('seLinuxOptions', { securityContext: { seLinuxOptions: { type: 'container_engine_t' } } }).allowed).toBe(true);
    expect(run('appArmorProfile', { securityContext: { appArmorProfile: { type: 'Unconfined' } }, containers: [{ name: 'a' }] }, { annotations: { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' } })).toEqual({
      allowed: false,
      reason: 'forbidden AppArmor profiles',
      detail: 'pod and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined""',
    });
    expect(run('windowsHostProcess', { securityContext: { windowsOptions: { hostProcess: true } }, containers: [{ name: 'a', securityContext: { windowsOptions: { hostProcess: true } } }] }).detail).toBe(
      'pod and container "a" must not set securityContext.windowsOptions.hostProcess=true',
    );
    expect(run('hostProbesAndHostLifecycle', { containers: [{ name: 'a', livenessProbe: { httpGet: { host: 'evil.com' } }, lifecycle: { preStop: { tcpSocket: { host: 'x' } } } }] }).detail).toBe(
      'container "a" uses probe or lifecycle hosts "evil.com", "x"',
    );
  });
});

describe('evaluator', () => {
  const nginx = { containers: [{ name: 'nginx', image: 'nginx' }] };
  it('restricted:latest on a plain pod says what the documentation shows', () => {
    const r = evaluatePod({ level: 'restricted', version: 'latest' }, {}, nginx);
    expect(forbiddenDetail(r)).toBe(
      'allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
    );
  });
  it('baseline first, then restricted; overridden baseline checks give way', () => {
    const spec = { hostPID: true, volumes: [{ name: 'h', hostPath: {} }], containers: [{ name: 'c', securityContext: { privileged: true, capabilities: { add: ['SYS_ADMIN'] } } }] };
    expect(evaluatePod({ level: 'baseline', version: 'latest' }, {}, spec).reasons).toEqual(['non-default capabilities', 'host namespaces', 'hostPath volumes', 'privileged']);
    expect(evaluatePod({ level: 'restricted', version: 'latest' }, {}, spec).reasons).toEqual([
      'host namespaces', 'privileged', 'allowPrivilegeEscalation != false', 'unrestricted capabilities', 'restricted volume types', 'runAsNonRoot != true', 'seccompProfile',
    ]);
  });
  it('old versions leave out newer checks; a compliant pod passes', () => {
    expect(evaluatePod({ level: 'restricted', version: 21 }, {}, nginx).reasons).toEqual(['allowPrivilegeEscalation != false', 'runAsNonRoot != true', 'seccompProfile']);
    const ok = { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'c', securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } }] };
    expect(evaluatePod({ level: 'restricted', version: 'latest' }, {}, ok).allowed).toBe(true);
    expect(evaluatePod({ level: 'privileged', version: 'latest' }, {}, { hostPID: true }).allowed).toBe(true);
  });
});

describe('namespace labels', () => {
  it('parses levels and versions; warn follows enforce', () => {
    const { policy, errors } = policyFromLabels({ 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/enforce-version': 'v1.30' });
    expect(errors).toEqual([]);
    expect(policy).toEqual({ enforce: { level: 'baseline', version: 30 }, audit: { level: 'privileged', version: 'latest' }, warn: { level: 'baseline', version: 30 } });
  });
  it('bad values: enforce fails closed, warn open, with the field errors', () => {
    const { policy, errors } = policyFromLabels({ 'pod-security.kubernetes.io/enforce': 'strict', 'pod-security.kubernetes.io/warn': 'x', 'pod-security.kubernetes.io/audit-version': '1.2' });
    expect(policy.enforce.level).toBe('restricted');
    expect(policy.warn.level).toBe('privileged');
    expect(errors.map((e) => `${e.field}: ${e.detail}`)).toEqual([
      'metadata.labels[pod-security.kubernetes.io/enforce]: must be one of privileged, baseline, restricted',
      'metadata.labels[pod-security.kubernetes.io/audit-version]: must be "latest" or "v1.x"',
      'metadata.labels[pod-security.kubernetes.io/warn]: must be one of privileged, baseline, restricted',
    ]);
  });
});

describe('the admission plugin', () => {
  const info = (kind: string) => RESOURCES.find((r) => r.kind === kind)!;
  const ns = (labels: Record<string, string>): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels } });
  const reader = (namespace: KObject, pods: KObject[] = []): AdmissionReader => ({
    listKind: (_v, kind) => (kind === 'Pod' ? pods : []),
    getObject: (_v, kind, _n, name) => (kind === 'Namespace' && name === namespace.metadata.name ? namespace : undefined),
  });
  const pod = (name: string, spec: Obj = { containers: [{ name: 'c', image: 'nginx' }] }): KObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'team' }, spec }) as KObject;
  const call = (kind: string, obj: KObject, read: AdmissionReader, old?: KObject) => {
    const warnings: string[] = [];
    const audit: Record<string, string> = {};
    let error: string | undefined;
    try {
      podSecurityAdmission.validate!({ operation: old ? 'UPDATE' : 'CREATE', info: info(kind), obj, old, dryRun: false }, read, { warn: (w) => warnings.push(w), audit: (a) => Object.assign(audit, a) });
    } catch (e) {
      error = (e as Error).message;
    }
    return { warnings, audit, error };
  };

  it('enforce refuses a pod with the API server message; warn warns; audit annotates', () => {
    const r = call('Pod', pod('x', { hostPID: true, containers: [{ name: 'c' }] }), reader(ns({ 'pod-security.kubernetes.io/enforce': 'baseline' })));
    expect(r.error).toBe('pods "x" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostPID=true)');
    expect(r.audit['pod-security.kubernetes.io/enforce-policy']).toBe('baseline:latest');
    const w = call('Pod', pod('y'), reader(ns({ 'pod-security.kubernetes.io/warn': 'restricted', 'pod-security.kubernetes.io/audit': 'restricted' })));
    expect(w.error).toBeUndefined();
    expect(w.warnings).toHaveLength(1);
    expect(w.warnings[0]).toMatch(/^would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false \(container "c" must set/);
    expect(w.audit['pod-security.kubernetes.io/audit-violations']).toMatch(/^would violate PodSecurity "restricted:latest": /);
  });

  it('workload templates are warned about, never refused; pods in privileged namespaces pass', () => {
    const dep = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'team' }, spec: { template: { spec: { hostIPC: true, containers: [{ name: 'c' }] } } } } as unknown as KObject;
    const r = call('Deployment', dep, reader(ns({ 'pod-security.kubernetes.io/enforce': 'baseline' })));
    expect(r.error).toBeUndefined();
    expect(r.warnings).toEqual(['would violate PodSecurity "baseline:latest": host namespaces (hostIPC=true)']);
    expect(call('Pod', pod('p', { hostPID: true, containers: [] }), reader(ns({}))).error).toBeUndefined();
  });

  it('a pod update that changes no image is not evaluated', () => {
    const read = reader(ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }));
    const old = pod('x');
    const same = structuredClone(old);
    same.metadata.labels = { a: 'b' };
    expect(call('Pod', same, read, old).error).toBeUndefined();
    const changed = structuredClone(old);
    (changed as Obj).spec.containers[0].image = 'nginx:2';
    expect(call('Pod', changed, read, old).error).toMatch(/violates PodSecurity "restricted:latest"/);
  });

  it('namespace labels: invalid values refused; a tighter enforce level warns about existing pods', () => {
    const bad = call('Namespace', ns({ 'pod-security.kubernetes.io/enforce': 'strict' }), reader(ns({})));
    expect(bad.error).toBe('Namespace "team" is invalid: metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted');
    const pods = [pod('web-2'), pod('web-1'), pod('db', { hostPID: true, containers: [{ name: 'c' }] })];
    const r = call('Namespace', ns({ 'pod-security.kubernetes.io/enforce': 'restricted' }), reader(ns({}), pods), ns({}));
    expect(r.warnings).toEqual([
      'existing pods in namespace "team" violate the new PodSecurity enforce level "restricted:latest"',
      'db: host namespaces, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
      'web-1 (and 1 other pod): allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile',
    ]);
    // Loosening the level says nothing.
    expect(call('Namespace', ns({ 'pod-security.kubernetes.io/enforce': 'baseline' }), reader(ns({}), pods), ns({ 'pod-security.kubernetes.io/enforce': 'restricted' })).warnings).toEqual([]);
  });

  it('checks no more than a second of pods', () => {
    let t = 0;
    const many = Array.from({ length: 5 }, (_, i) => pod(`p${i}`));
    const w = evaluatePodsInNamespace('team', { level: 'restricted', version: 'latest' }, many, () => (t += 600));
    expect(w[0]).toBe('new PodSecurity enforce level only checked against the first 2 of 5 existing pods');
  });
});
