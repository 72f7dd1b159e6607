// The objects `kubectl create configmap` and `kubectl create secret generic|tls|docker-registry`
// build (kubectl v1.35 create_configmap.go, create_secret*.go): same key checks, same messages,
// same field layout, so `--dry-run=client -o yaml` prints what kubectl prints.
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import type { KObject } from '../api/types.js';
import { goJson } from '../compat/go-format.js';
import { CliError } from './errors.js';
import { configMapHash, envFileEntries, filesOf, isConfigMapKey, isUtf8, parseLiteralSource, readSourceFile, secretHash } from './config-sources.js';

export interface SourceOptions {
  name: string;
  namespace?: string;
  fromFile?: string[];
  fromLiteral?: string[];
  fromEnvFile?: string[];
  appendHash?: boolean;
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

function meta(name: string, namespace?: string) {
  return namespace ? { name, namespace } : { name };
}

function checkSources(o: SourceOptions): void {
  if (!o.name) throw new CliError('name must be specified');
  if (o.fromEnvFile?.length && (o.fromFile?.length || o.fromLiteral?.length)) {
    throw new CliError('from-env-file cannot be combined with from-file or from-literal');
  }
}

export function buildConfigMap(o: SourceOptions): KObject {
  checkSources(o);
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  const add = (key: string, value: string | Buffer) => {
    const errs = isConfigMapKey(key);
    if (errs.length) throw new CliError(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`);
    if (key in data) throw new CliError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(o.name)}`);
    if (key in binaryData) throw new CliError(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(o.name)}`);
    if (typeof value === 'string') data[key] = value;
    else if (isUtf8(value)) data[key] = value.toString('utf8');
    else binaryData[key] = b64(value);
  };
  for (const src of o.fromFile ?? []) for (const f of filesOf(src)) add(f.key, readSourceFile(f.file));
  for (const src of o.fromLiteral ?? []) {
    const { key, value } = parseLiteralSource(src);
    add(key, value);
  }
  for (const file of o.fromEnvFile ?? []) for (const { key, value } of envFileEntries(file, 'config')) add(key, value);
  const cm: KObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(o.name, o.namespace) };
  if (Object.keys(binaryData).length) (cm as Record<string, unknown>).binaryData = binaryData;
  if (Object.keys(data).length) (cm as Record<string, unknown>).data = data;
  if (o.appendHash) cm.metadata.name = `${o.name}-${configMapHash({ metadata: { name: o.name }, data, binaryData })}`;
  return cm;
}

function newSecret(name: string, namespace: string | undefined, type: string, data: Record<string, string>): KObject {
  const s: Record<string, unknown> = { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, namespace) };
  if (Object.keys(data).length) s.data = data;
  if (type) s.type = type;
  return s as KObject;
}

function addSecretKey(data: Record<string, string>, key: string, value: Buffer | string): void {
  const errs = isConfigMapKey(key);
  if (errs.length) throw new CliError(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`);
  if (key in data) throw new CliError(`cannot add key ${key}, another key by that name already exists`);
  data[key] = b64(value);
}

function secretFromFiles(data: Record<string, string>, sources: string[] | undefined): void {
  for (const src of sources ?? []) for (const f of filesOf(src)) addSecretKey(data, f.key, readSourceFile(f.file));
}

function withHash(s: KObject, name: string, appendHash?: boolean): KObject {
  if (appendHash) s.metadata.name = `${name}-${secretHash({ metadata: { name }, type: (s as Record<string, any>).type, data: (s as Record<string, any>).data })}`;
  return s;
}

export function buildGenericSecret(o: SourceOptions & { type?: string }): KObject {
  checkSources(o);
  const data: Record<string, string> = {};
  for (const src of o.fromLiteral ?? []) {
    const { key, value } = parseLiteralSource(src);
    addSecretKey(data, key, value);
  }
  secretFromFiles(data, o.fromFile);
  for (const file of o.fromEnvFile ?? []) for (const { key, value } of envFileEntries(file, 'secret')) addSecretKey(data, key, value);
  return withHash(newSecret(o.name, o.namespace, o.type ?? '', data), o.name, o.appendHash);
}

export interface DockerRegistryOptions {
  name: string;
  namespace?: string;
  username?: string;
  password?: string;
  email?: string;
  server?: string;
  fromFile?: string[];
  appendHash?: boolean;
}

/** ~/.docker/config.json's shape, as kubectl marshals it (omitempty fields, Go's JSON escaping). */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: Record<string, string> = {};
  if (username) entry.username = username;
  if (password) entry.password = password;
  if (email) entry.email = email;
  const auth = b64(`${username}:${password}`);
  if (auth) entry.auth = auth;
  return goJson({ auths: { [server]: entry } }, '', false);
}

export function buildDockerRegistrySecret(o: DockerRegistryOptions): KObject {
  const server = o.server ?? 'https://index.docker.io/v1/';
  if (!o.name) throw new CliError('name must be specified');
  if (!o.fromFile?.length && (!o.username || !o.password || !server)) {
    throw new CliError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data: Record<string, string> = {};
  if (o.fromFile?.length) secretFromFiles(data, o.fromFile);
  else data['.dockerconfigjson'] = b64(dockerConfigJson(o.username ?? '', o.password ?? '', o.email ?? '', server));
  return withHash(newSecret(o.name, o.namespace, 'kubernetes.io/dockerconfigjson', data), o.name, o.appendHash);
}

function readTlsFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const text = err.code === 'ENOENT' ? 'no such file or directory' : err.message;
    throw new CliError(`Cannot read file ${file}, open ${file}: ${text}`);
  }
}

/** tls.X509KeyPair's checks, with Go's messages for the usual failures. */
export function checkKeyPair(cert: Buffer, key: Buffer): void {
  const text = cert.toString('utf8');
  if (!/-----BEGIN [^-]+-----/.test(text)) throw new CliError('tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN CERTIFICATE-----/.test(text)) throw new CliError('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (e) {
    throw new CliError(`x509: malformed certificate`);
  }
  const keyText = key.toString('utf8');
  if (!/-----BEGIN [^-]+-----/.test(keyText)) throw new CliError('tls: failed to find any PEM data in key input');
  if (/-----BEGIN CERTIFICATE-----/.test(keyText) && !/PRIVATE KEY-----/.test(keyText)) {
    throw new CliError('tls: found a certificate rather than a key in the PEM for the private key');
  }
  let priv;
  try {
    priv = createPrivateKey(key);
  } catch {
    throw new CliError('tls: failed to parse private key');
  }
  const a = createPublicKey(priv).export({ type: 'spki', format: 'der' });
  const b = x509.publicKey.export({ type: 'spki', format: 'der' });
  if (!a.equals(b)) throw new CliError('tls: private key does not match public key');
}

export function buildTlsSecret(o: { name: string; namespace?: string; cert?: string; key?: string; appendHash?: boolean }): KObject {
  if (!o.key || !o.cert) throw new CliError('key and cert must be specified');
  const cert = readTlsFile(o.cert);
  const key = readTlsFile(o.key);
  checkKeyPair(cert, key);
  const data = { 'tls.crt': b64(cert), 'tls.key': b64(key) };
  return withHash(newSecret(o.name, o.namespace, 'kubernetes.io/tls', data), o.name, o.appendHash);
}
