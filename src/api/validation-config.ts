// ConfigMap, Secret and ServiceAccount rules of the API server (pkg/apis/core/validation:
// ValidateConfigMap, ValidateSecret and their Update variants) and the decoding the apiserver does
// before them (base64 `data`, `stringData` folded into `data`, Secret type defaulted to Opaque).
import type { KObject } from './types.js';
import { isConfigMapKey } from './validation.js';
import { forbidden, invalid, key, required, tooLong, type FieldError } from './field-errors.js';

type Obj = Record<string, any>;

/** corev1.MaxSecretSize: the total of a ConfigMap's or Secret's values, in bytes. */
export const MAX_SECRET_SIZE = 1024 * 1024;

export const SECRET_TYPES = {
  opaque: 'Opaque',
  serviceAccountToken: 'kubernetes.io/service-account-token',
  dockercfg: 'kubernetes.io/dockercfg',
  dockerConfigJson: 'kubernetes.io/dockerconfigjson',
  basicAuth: 'kubernetes.io/basic-auth',
  sshAuth: 'kubernetes.io/ssh-auth',
  tls: 'kubernetes.io/tls',
} as const;

const IMMUTABLE_SET = 'field is immutable when `immutable` is set';
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Go's base64.StdEncoding decoding of a []byte field (what encoding/json does with `data`):
 * the decoded bytes, or `illegal base64 data at input byte N`. CR and LF are skipped, as Go does.
 */
export function decodeBase64Strict(s: string): { bytes: Buffer } | { error: string } {
  let quantum = 0;
  let padding = 0;
  let clean = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\r' || ch === '\n') continue;
    if (ch === '=') {
      // Padding is only valid in the last two places of a quantum, then nothing but padding.
      if (quantum < 2) return { error: `illegal base64 data at input byte ${i}` };
      padding++;
      clean += ch;
      quantum++;
      if (quantum === 4) {
        if (s.slice(i + 1).replace(/[\r\n]/g, '').length) return { error: `illegal base64 data at input byte ${i + 1}` };
        quantum = 0;
      }
      continue;
    }
    if (padding || !/[A-Za-z0-9+/]/.test(ch)) return { error: `illegal base64 data at input byte ${i}` };
    clean += ch;
    quantum = (quantum + 1) % 4;
  }
  if (quantum !== 0) return { error: `illegal base64 data at input byte ${s.length}` };
  return { bytes: Buffer.from(clean, 'base64') };
}

/** The first base64 decoding error of a map of `[]byte` values, in key order, or null. */
export function base64MapError(m: unknown): string | null {
  if (!m || typeof m !== 'object') return null;
  for (const k of Object.keys(m as Obj).sort(byKey)) {
    const v = (m as Obj)[k];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return `json: cannot unmarshal ${typeof v} into Go value of type []uint8`;
    const r = decodeBase64Strict(v);
    if ('error' in r) return r.error;
  }
  return null;
}

function decodedLength(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const r = decodeBase64Strict(v);
  return 'bytes' in r ? r.bytes.length : 0;
}

/** The v1 → internal conversion of a Secret: each `stringData` value replaces `data`'s, base64-encoded; `stringData` goes. */
export function foldStringData(secret: KObject): void {
  const s = secret as Obj;
  if (s.stringData && typeof s.stringData === 'object') {
    const data: Obj = { ...(s.data ?? {}) };
    for (const [k, v] of Object.entries(s.stringData as Obj)) data[k] = Buffer.from(String(v ?? ''), 'utf8').toString('base64');
    s.data = data;
  }
  delete s.stringData;
}

/** SetDefaults_Secret: type Opaque when empty. */
export function defaultSecret(secret: KObject): void {
  const s = secret as Obj;
  if (!s.type) s.type = SECRET_TYPES.opaque;
}

export function validateConfigMap(obj: KObject): FieldError[] {
  const cm = obj as Obj;
  const errs: FieldError[] = [];
  let total = 0;
  const data = (cm.data ?? {}) as Obj;
  const binary = (cm.binaryData ?? {}) as Obj;
  for (const k of Object.keys(data).sort(byKey)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, msg));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(String(data[k] ?? ''), 'utf8');
  }
  for (const k of Object.keys(binary).sort(byKey)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key('binaryData', k), k, msg));
    total += decodedLength(binary[k]);
  }
  // The error is about the whole object: its path prints as `[]`.
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('[]', MAX_SECRET_SIZE));
  return errs;
}

export function validateConfigMapUpdate(obj: KObject, old: KObject): FieldError[] {
  const n = obj as Obj;
  const o = old as Obj;
  const errs: FieldError[] = [];
  if (o.immutable === true) {
    if (n.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET));
    if (!sameMap(n.data, o.data)) errs.push(forbidden('data', IMMUTABLE_SET));
    if (!sameMap(n.binaryData, o.binaryData)) errs.push(forbidden('binaryData', IMMUTABLE_SET));
  }
  return errs;
}

export function validateSecret(obj: KObject): FieldError[] {
  const s = obj as Obj;
  const errs: FieldError[] = [];
  const data = (s.data ?? {}) as Obj;
  let total = 0;
  for (const k of Object.keys(data).sort(byKey)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, msg));
    total += decodedLength(data[k]);
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  const has = (k: string) => Object.prototype.hasOwnProperty.call(data, k);
  const jsonCheck = (k: string) => {
    if (!has(k)) {
      errs.push(required(key('data', k)));
      return;
    }
    const text = Buffer.from(String(data[k] ?? ''), 'base64').toString('utf8');
    try {
      const v = JSON.parse(text);
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('json: cannot unmarshal into Go value of type map[string]interface {}');
    } catch (e) {
      const msg = e instanceof SyntaxError ? (text.trim() ? 'invalid character in JSON input' : 'unexpected end of JSON input') : (e as Error).message;
      errs.push(invalid(key('data', k), '<secret contents redacted>', msg));
    }
  };
  switch (s.type) {
    case SECRET_TYPES.serviceAccountToken:
      if (!s.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(key('metadata.annotations', 'kubernetes.io/service-account.name')));
      }
      break;
    case SECRET_TYPES.dockercfg:
      jsonCheck('.dockercfg');
      break;
    case SECRET_TYPES.dockerConfigJson:
      jsonCheck('.dockerconfigjson');
      break;
    case SECRET_TYPES.basicAuth:
      if (!has('username') && !has('password')) errs.push(required(key('data', 'username')), required(key('data', 'password')));
      break;
    case SECRET_TYPES.sshAuth:
      if (!decodedLength(data['ssh-privatekey'])) errs.push(required(key('data', 'ssh-privatekey')));
      break;
    case SECRET_TYPES.tls:
      if (!has('tls.crt')) errs.push(required(key('data', 'tls.crt')));
      if (!has('tls.key')) errs.push(required(key('data', 'tls.key')));
      break;
  }
  return errs;
}

export function validateSecretUpdate(obj: KObject, old: KObject): FieldError[] {
  const n = obj as Obj;
  const o = old as Obj;
  const errs: FieldError[] = [];
  if ((n.type ?? '') !== (o.type ?? '')) errs.push(invalid('type', n.type ?? '', 'field is immutable'));
  if (o.immutable === true) {
    if (n.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE_SET));
    if (!sameMap(n.data, o.data)) errs.push(forbidden('data', IMMUTABLE_SET));
  }
  return errs;
}

function sameMap(a: unknown, b: unknown): boolean {
  const x = (a ?? {}) as Obj;
  const y = (b ?? {}) as Obj;
  const kx = Object.keys(x).sort(byKey);
  const ky = Object.keys(y).sort(byKey);
  return kx.length === ky.length && kx.every((k, i) => k === ky[i] && x[k] === y[k]);
}
