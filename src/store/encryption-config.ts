// $KBX_HOME/pki/encryption-config.yaml (mode 0600): the API server's EncryptionConfiguration
// (apiserver.config.k8s.io/v1) for Secrets, made at the first start with one random AES-256 key:
//   resources: [{ resources: [secrets], providers: [{ aesgcm: { keys: [{ name: key1, secret: <base64> }] } }, { identity: {} }] }]
// The first provider encrypts; all of them decrypt (identity reads a store from before encryption).
// Rotation as the API server's procedure: `kbx cluster rotate-encryption-key` puts a new key first,
// and the store rewrites every Secret with it at the next start.
import fs from 'node:fs';
import path from 'node:path';
import { emitYaml } from '../compat/yaml-emit.js';
import { yamlDocumentToJson } from '../compat/yaml-parse.js';
import { EncryptingCodec, newKey, type AesKey, type Provider } from './encryption.js';

type Obj = Record<string, any>;

function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  fs.writeSync(fd, text);
  fs.fsyncSync(fd); // losing the key would lose every Secret: on disk before it is used
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}
export const encryptionConfigPath = (home: string) => path.join(home, 'pki', 'encryption-config.yaml');

export interface EncryptionSetup {
  codec: EncryptingCodec;
  /** The writing provider and key, e.g. "aesgcm:key1". */
  id: string;
}

function configText(keys: AesKey[]): string {
  return emitYaml({
    apiVersion: 'apiserver.config.k8s.io/v1',
    kind: 'EncryptionConfiguration',
    resources: [{ resources: ['secrets'], providers: [{ aesgcm: { keys: keys.map((k) => ({ name: k.name, secret: k.secret.toString('base64') })) } }, { identity: {} }] }],
  });
}

/** Reads the configuration (making it the first time); throws one line naming what is wrong with it. */
export function loadOrCreateEncryption(home: string): EncryptionSetup {
  const file = encryptionConfigPath(home);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writeFileAtomic(file, configText([newKey('key1')]));
  }
  const cfg = yamlDocumentToJson(fs.readFileSync(file, 'utf8')) as Obj;
  if (cfg?.kind !== 'EncryptionConfiguration') throw new Error(`${file}: not an EncryptionConfiguration`);
  const entry = ((cfg.resources ?? []) as Obj[]).find((r) => ((r.resources ?? []) as string[]).includes('secrets'));
  const providers: Provider[] = ((entry?.providers ?? []) as Obj[]).map((p) => {
    if (p.identity !== undefined) return { identity: {} };
    if (p.aesgcm) return { aesgcm: { keys: ((p.aesgcm.keys ?? []) as Obj[]).map((k) => ({ name: String(k.name), secret: Buffer.from(String(k.secret), 'base64') })) } };
    throw new Error(`${file}: unsupported provider ${Object.keys(p)[0]} (kbx has aesgcm and identity)`);
  });
  if (!providers.length) providers.push({ identity: {} });
  const first = providers[0]!;
  const id = 'aesgcm' in first ? `aesgcm:${first.aesgcm.keys[0]?.name}` : 'identity';
  return { codec: new EncryptingCodec(['secrets'], providers), id };
}

/** Puts a new key first (key<N+1>), keeping the older ones for reading; returns its name. */
export function rotateEncryptionKey(home: string): string {
  loadOrCreateEncryption(home);
  const file = encryptionConfigPath(home);
  const cfg = yamlDocumentToJson(fs.readFileSync(file, 'utf8')) as Obj;
  const entry = ((cfg.resources ?? []) as Obj[]).find((r) => ((r.resources ?? []) as string[]).includes('secrets'))!;
  const aes = ((entry.providers ?? []) as Obj[]).find((p) => p.aesgcm);
  const old: AesKey[] = aes ? ((aes.aesgcm.keys ?? []) as Obj[]).map((k) => ({ name: String(k.name), secret: Buffer.from(String(k.secret), 'base64') })) : [];
  const n = Math.max(0, ...old.map((k) => Number(/^key(\d+)$/.exec(k.name)?.[1] ?? 0))) + 1;
  const key = newKey(`key${n}`);
  writeFileAtomic(file, configText([key, ...old]));
  return key.name;
}
