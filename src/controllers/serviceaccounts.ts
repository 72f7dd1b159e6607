// kube-controller-manager's serviceaccounts-controller and root-ca-cert-publisher: every active
// namespace has a `default` ServiceAccount and a `kube-root-ca.crt` ConfigMap (ca.crt: the CA that
// signed the API server's certificate), recreated when deleted and reset when edited.
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { KObject } from '../api/types.js';
import type { Registry } from '../registry/registry.js';

const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
const SA = RESOURCES.find((r) => r.kind === 'ServiceAccount')!;
const CM = RESOURCES.find((r) => r.kind === 'ConfigMap')!;

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

/** What the namespace lacks: a pure plan, table-tested. */
export function planNamespace(ns: KObject | undefined, sa: KObject | undefined, rootCa: KObject | undefined, caPem: string): { createSA: boolean; rootCa: 'create' | 'update' | 'none' } {
  if (!ns || ns.metadata.deletionTimestamp || (ns.status as { phase?: string } | undefined)?.phase === 'Terminating') return { createSA: false, rootCa: 'none' };
  const data = (rootCa as { data?: Record<string, string> } | undefined)?.data;
  const caOk = !!rootCa && Object.keys(data ?? {}).length === 1 && data?.['ca.crt'] === caPem;
  return { createSA: !sa, rootCa: !rootCa ? 'create' : caOk ? 'none' : 'update' };
}

export class ServiceAccountsController {
  private stops: (() => void)[] = [];

  constructor(
    private readonly registry: Registry,
    /** The cluster CA's PEM ('' while the API is served without TLS). */
    private readonly caPem: () => string = () => '',
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(): void {
    this.stops.push(
      this.registry.watch(NAMESPACES, undefined, {}, (e) => {
        if (e.type !== 'DELETED') queueMicrotask(() => this.sync(e.object.metadata.name!));
      }),
      this.registry.watch(SA, undefined, {}, (e) => {
        if (e.type === 'DELETED' && e.object.metadata.name === 'default') queueMicrotask(() => this.sync(e.object.metadata.namespace!));
      }),
      this.registry.watch(CM, undefined, { fieldSelector: `metadata.name=${ROOT_CA_CONFIGMAP}` }, (e) => {
        if (e.type !== 'ADDED') queueMicrotask(() => this.sync(e.object.metadata.namespace!));
      }),
    );
  }

  close(): void {
    for (const s of this.stops) s();
  }

  sync(namespace: string): void {
    const ns = this.registry.tryGet(NAMESPACES, undefined, namespace);
    const sa = this.registry.tryGet(SA, namespace, 'default');
    const rootCa = this.registry.tryGet(CM, namespace, ROOT_CA_CONFIGMAP);
    const caPem = this.caPem();
    const plan = planNamespace(ns, sa, rootCa, caPem);
    try {
      if (plan.createSA) this.registry.create(SA, namespace, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } });
      const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } }, data: { 'ca.crt': caPem } };
      if (plan.rootCa === 'create') this.registry.create(CM, namespace, cm);
      if (plan.rootCa === 'update') {
        this.registry.mutate(CM, namespace, ROOT_CA_CONFIGMAP, (o) => {
          (o as { data?: Record<string, string> }).data = { 'ca.crt': caPem };
        });
      }
    } catch (e) {
      // Raced with the namespace's deletion or another writer: the next event brings us back.
      if (!isApiError(e)) throw e;
      if (e.code !== 409 && e.code !== 403 && e.code !== 404) this.log(`serviceaccounts: ${namespace}: ${e.message}`);
    }
  }
}

const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';
