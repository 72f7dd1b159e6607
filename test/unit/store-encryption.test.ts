// Secrets encrypted at rest: the aesgcm codec (envelopes, authenticated by the store key, key rotation)
// and the store's files (log, snapshot, their .prev copies) never holding a Secret's value — also for a
// store written before encryption, which is rewritten at the next start.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { DecryptError, EncryptingCodec, newKey } from '../../src/store/encryption.js';
import { loadOrCreateEncryption, rotateEncryptionKey } from '../../src/store/encryption-config.js';
import type { KObject } from '../../src/api/types.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-enc-'));
const VALUE = 'hunter2-topsecret';
const B64 = Buffer.from(VALUE).toString('base64');
const secret = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, data: { password: B64 } }) as KObject;
const KEY = '/secrets/default/db';

/** Every byte under `dir`, as text. */
function allText(dir: string): string {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1'))
    .join('\n');
}
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('EncryptingCodec', () => {
  const k1 = newKey('key1');
  const codec = new EncryptingCodec(['secrets'], [{ aesgcm: { keys: [k1] } }, { identity: {} }]);
  it('encrypts Secrets only, and reads them back', () => {
    const env = codec.encode(KEY, secret('db')) as Record<string, string>;
    expect(JSON.stringify(env)).not.toContain(B64);
    expect(env['k8s:enc']).toMatch(/^k8s:enc:aesgcm:v1:key1:/);
    expect(codec.decode(KEY, env)).toEqual(secret('db'));
    const cm = { metadata: { name: 'c' }, data: { a: 'b' } } as unknown as KObject;
    expect(codec.encode('/configmaps/default/c', cm)).toBe(cm);
  });
  it('a value moved to another key does not decrypt (the key is authenticated)', () => {
    const env = codec.encode(KEY, secret('db'));
    expect(() => codec.decode('/secrets/default/other', env)).toThrow(DecryptError);
  });
  it('reads plaintext through identity, and calls it stale; an older key reads until rotated away', () => {
    expect(codec.decode(KEY, secret('db'))).toEqual(secret('db'));
    expect(codec.stale(KEY, secret('db'))).toBe(true);
    const env = codec.encode(KEY, secret('db'));
    const rotated = new EncryptingCodec(['secrets'], [{ aesgcm: { keys: [newKey('key2'), k1] } }]);
    expect(rotated.decode(KEY, env)).toEqual(secret('db'));
    expect(rotated.stale(KEY, env)).toBe(true);
    expect(() => new EncryptingCodec(['secrets'], [{ aesgcm: { keys: [newKey('key9')] } }]).decode(KEY, env)).toThrow(/key "key1", which the encryption configuration does not have/);
  });
});

describe('the store with encryption', () => {
  it('log and snapshot hold no Secret value; a reopen reads them', async () => {
    const home = tmp();
    const dir = path.join(home, 'store');
    const enc = loadOrCreateEncryption(home);
    expect(fs.statSync(path.join(home, 'pki', 'encryption-config.yaml')).mode & 0o777).toBe(0o600);
    const s = Store.open(dir, { codec: enc.codec, codecId: enc.id });
    s.put(KEY, secret('db'));
    await s.durable();
    expect(allText(dir)).not.toContain(B64);
    expect(allText(dir)).not.toContain(VALUE);
    await s.close(); // writes a snapshot
    const s2 = Store.open(dir, { codec: enc.codec, codecId: enc.id });
    expect((s2.get(KEY) as Record<string, any>).data.password).toBe(B64);
    expect(allText(dir)).not.toContain(B64);
    await s2.close();
  });

  it('a store written before encryption is rewritten at the next start, .prev files too', async () => {
    const home = tmp();
    const dir = path.join(home, 'store');
    const plain = Store.open(dir);
    plain.put(KEY, secret('db'));
    plain.put('/secrets/default/gone', secret('gone'));
    await plain.durable();
    plain.delete('/secrets/default/gone');
    await plain.close();
    expect(allText(dir)).toContain(B64);
    const enc = loadOrCreateEncryption(home);
    const s = Store.open(dir, { codec: enc.codec, codecId: enc.id });
    expect((s.get(KEY) as Record<string, any>).data.password).toBe(B64);
    await until(() => fs.existsSync(path.join(dir, 'encryption.json')));
    expect(allText(dir)).not.toContain(B64);
    await s.close();
    // Rotation: the next start rewrites with the new key; the old key is no longer needed.
    rotateEncryptionKey(home);
    const enc2 = loadOrCreateEncryption(home);
    expect(enc2.id).toBe('aesgcm:key2');
    const s2 = Store.open(dir, { codec: enc2.codec, codecId: enc2.id });
    await until(() => fs.readFileSync(path.join(dir, 'encryption.json'), 'utf8').includes('key2'));
    await s2.close();
    expect(allText(dir)).not.toMatch(/aesgcm:v1:key1:/);
  });
});
