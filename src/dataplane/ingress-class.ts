// The built-in IngressClass `kbx` (the cluster's default), made before the API answers so that the first
// Ingress already gets `ingressClassName: kbx` from the DefaultIngressClass admission. Not made when the
// controller is off (KBX_INGRESS=off or KBX_DATAPLANE=off): then no Ingress is served, and none claims to be.
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import { DEFAULT_CLASS_ANNOTATION } from '../api/validation-networking.js';
import type { Registry } from '../registry/registry.js';
import { KBX_INGRESS_CLASS, KBX_INGRESS_CONTROLLER } from './ingress-routes.js';

const CLASSES = RESOURCES.find((r) => r.kind === 'IngressClass')!;

export function ingressControllerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KBX_INGRESS !== 'off' && env.KBX_DATAPLANE !== 'off';
}

export function ensureIngressClass(registry: Registry): void {
  if (registry.tryGet(CLASSES, undefined, KBX_INGRESS_CLASS)) return;
  try {
    registry.create(CLASSES, undefined, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: KBX_INGRESS_CLASS, annotations: { [DEFAULT_CLASS_ANNOTATION]: 'true' }, labels: { 'app.kubernetes.io/managed-by': 'kbx' } },
      spec: { controller: KBX_INGRESS_CONTROLLER },
    });
  } catch (e) {
    if (!isApiError(e)) throw e;
  }
}
