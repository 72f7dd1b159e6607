// Encryption at rest, as the API server's EncryptionConfiguration does it for etcd: objects of the
// configured resources (Secrets) are written to the log and the snapshot as an envelope whose value
// is `k8s:enc:aesgcm:v1:<key name>:` + nonce + AES-256-GCM ciphertext (the store key is the
// authenticated data, so a value cannot be moved to another key). The first provider writes; every
// provider reads (so `identity` reads what was stored before encryption, and an older key reads what
// it wrote until a compaction re-encrypts it with the first). Pure: the keys come from the caller.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KObject } from '../api/types.js';

export interface AesKey {
  name: string;
  /** 16, 24 or 32 bytes. */
  secret: Buffer;
}

export type Provider = { aesgcm: { keys: AesKey[] } } | { identity: Record<string, never> };

/** The field an envelope keeps its value in; the rest of it is an empty metadata (the log's records need one). */
const FIELD = 'k8s:enc';

export class DecryptError extends Error {}

/** What the store asks of a transformer: what to write for an object, and the object back from what was read. */
export interface StoreCodec {
  /** The object as it goes to disk (the object itself when its resource is not encrypted). */
  encode(key: string, obj: KObject): unknown;
  /** The object from what was on disk; throws DecryptError when no provider can read it. */
  decode(key: string, stored: unknown): KObject;
  /** True when what was read is not written as the first provider would write it (plaintext, an older key). */
  stale(key: string, stored: unknown): boolean;
}

/** Store keys are `<group>/<plural>/<namespace>/<name>`: the resources are `<plural>` or `<plural>.<group>`. */
function resourceOfKey(key: string): string {
  const [group, plural] = key.split('/', 2);
  return group ? `${plural}.${group}` : plural!;
}

const isEnvelope = (o: unknown): o is { [FIELD]: string } => !!o && typeof o === 'object' && typeof (o as Record<string, unknown>)[FIELD] === 'string';

export class EncryptingCodec implements StoreCodec {
  private readonly cache = new WeakMap<object, unknown>();
  private readonly resources: Set<string>;

  constructor(
    resources: string[],
    private readonly providers: Provider[],
  ) {
    this.resources = new Set(resources);
    if (!providers.length) throw new Error('no encryption providers');
  }

  covers(key: string): boolean {
    return this.resources.has(resourceOfKey(key));
  }

  encode(key: string, obj: KObject): unknown {
    if (!this.covers(key)) return obj;
    const first = this.providers[0]!;
    if ('identity' in first) return obj;
    // The store's objects are never changed once written: one encryption serves the log and every snapshot.
    const hit = this.cache.get(obj);
    if (hit) return hit;
    const k = first.aesgcm.keys[0]!;
    const nonce = randomBytes(12);
    const cipher = createCipheriv(aesAlgorithm(k.secret), k.secret, nonce);
    cipher.setAAD(Buffer.from(key));
    const body = Buffer.concat([nonce, cipher.update(JSON.stringify(obj), 'utf8'), cipher.final(), cipher.getAuthTag()]);
    const envelope = { metadata: {}, [FIELD]: `k8s:enc:aesgcm:v1:${k.name}:${body.toString('base64')}` };
    this.cache.set(obj, envelope);
    return envelope;
  }

  decode(key: string, stored: unknown): KObject {
    if (!isEnvelope(stored)) {
      if (this.covers(key) && !this.providers.some((p) => 'identity' in p)) throw new DecryptError(`${key} is stored unencrypted and no identity provider reads it`);
      return stored as KObject;
    }
    const m = /^k8s:enc:aesgcm:v1:([^:]+):(.*)$/s.exec(stored[FIELD]);
    if (!m) throw new DecryptError(`${key}: unknown encryption prefix`);
    const keys = this.providers.flatMap((p) => ('aesgcm' in p ? p.aesgcm.keys : []));
    const k = keys.find((x) => x.name === m[1]);
    if (!k) throw new DecryptError(`${key} was encrypted with key "${m[1]}", which the encryption configuration does not have`);
    const body = Buffer.from(m[2]!, 'base64');
    try {
      const d = createDecipheriv(aesAlgorithm(k.secret), k.secret, body.subarray(0, 12));
      d.setAAD(Buffer.from(key));
      d.setAuthTag(body.subarray(body.length - 16));
      const text = Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]).toString('utf8');
      return JSON.parse(text) as KObject;
    } catch {
      throw new DecryptError(`${key} cannot be decrypted with key "${k.name}"`);
    }
  }

  stale(key: string, stored: unknown): boolean {
    if (!this.covers(key)) return false;
    const first = this.providers[0]!;
    if ('identity' in first) return isEnvelope(stored);
    if (!isEnvelope(stored)) return true;
    return !stored[FIELD].startsWith(`k8s:enc:aesgcm:v1:${first.aesgcm.keys[0]!.name}:`);
  }
}

function aesAlgorithm(secret: Buffer): 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm' {
  if (secret.length === 16) return 'aes-128-gcm';
  if (secret.length === 24) return 'aes-192-gcm';
  if (secret.length === 32) return 'aes-256-gcm';
  throw new Error(`an aesgcm key must be 16, 24 or 32 bytes, not ${secret.length}`);
}

/** A new random key, named as the API server's documentation names them (key1, key2, …). */
export function newKey(name: string): AesKey {
  return { name, secret: randomBytes(32) };
}
