// Storage behaviour of ConfigMaps, Secrets and ServiceAccounts: what the apiserver's decoding and
// defaulting do before validation (base64 checked, Secret `stringData` folded into `data`, type
// Opaque), and their update rules (`immutable`, an immutable Secret type). Pure.
import * as errors from '../api/errors.js';
import type { KObject } from '../api/types.js';
import { base64MapError, defaultSecret, foldStringData, validateConfigMapUpdate, validateSecretUpdate } from '../api/validation-config.js';
import type { Strategy } from './strategies.js';

/** A `data`/`binaryData` value that is not base64 fails decoding, before any rule (as the apiserver's codec does). */
function checkBase64(obj: KObject, kind: string, field: 'data' | 'binaryData'): void {
  const err = base64MapError((obj as Record<string, unknown>)[field]);
  if (err) throw errors.decodeError(kind, 'v1', err);
}

export const configMapStrategy: Strategy = {
  hasStatus: false,
  prepareForCreate: (obj) => checkBase64(obj, 'ConfigMap', 'binaryData'),
  prepareForUpdate: (obj) => checkBase64(obj, 'ConfigMap', 'binaryData'),
  validateUpdate: validateConfigMapUpdate,
};

function prepareSecret(obj: KObject): void {
  checkBase64(obj, 'Secret', 'data');
  foldStringData(obj);
  defaultSecret(obj);
}

export const secretStrategy: Strategy = {
  hasStatus: false,
  prepareForCreate: prepareSecret,
  prepareForUpdate: prepareSecret,
  validateUpdate: validateSecretUpdate,
};

export const serviceAccountStrategy: Strategy = { hasStatus: false };
