// The cluster's certificates, under $KBX_HOME/pki/ (directory 0700, keys 0600):
//   ca.crt, ca.key                the cluster CA (10 years), made once
//   apiserver.crt, apiserver.key  the API server's serving certificate (1 year), signed by the CA
// Made at the first start, reused after; the serving certificate is made again (same CA) when it is within
// 30 days of expiry or lacks one of the names below. Checking uses Node's X509Certificate (native, cheap);
// only making certificates loads node-forge (Node can make keys and signatures, not X.509 certificates).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { writeFileAtomic } from './home.js';
import { kubernetesServiceIP } from './service-network.js';

/** Names the API server answers to: the host's loopback, and the in-cluster names and ClusterIP of the `kubernetes` Service. */
export const SERVING_DNS = ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'];
export const SERVING_IPS = ['127.0.0.1', '::1', kubernetesServiceIP()];

const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

export interface ServingCerts {
  caPem: string;
  certPem: string;
  keyPem: string;
}

export const pkiPaths = (home: string) => {
  const dir = path.join(home, 'pki');
  return {
    dir,
    caCert: path.join(dir, 'ca.crt'),
    caKey: path.join(dir, 'ca.key'),
    cert: path.join(dir, 'apiserver.crt'),
    key: path.join(dir, 'apiserver.key'),
  };
};

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether `certPem` is a current serving certificate of `caPem` for every name kbx serves. */
export function servingCertUsable(caPem: string, certPem: string, keyPem: string, now = Date.now()): boolean {
  try {
    const ca = new crypto.X509Certificate(caPem);
    const cert = new crypto.X509Certificate(certPem);
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
    if (!cert.checkPrivateKey(crypto.createPrivateKey(keyPem))) return false;
    if (Date.parse(cert.validTo) - now < RENEW_BEFORE_MS || Date.parse(cert.validFrom) > now + 60_000) return false;
    return SERVING_DNS.every((d) => cert.checkHost(d, { subject: 'never' }) === d) && SERVING_IPS.every((ip) => cert.checkIP(ip) === ip);
  } catch {
    return false;
  }
}

function caUsable(caPem: string, keyPem: string, now = Date.now()): boolean {
  try {
    const ca = new crypto.X509Certificate(caPem);
    return ca.ca && ca.checkPrivateKey(crypto.createPrivateKey(keyPem)) && Date.parse(ca.validTo) - now > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

/** The CA and serving certificate of `home`, made the first time (and the serving one again when it must be). */
export function ensureServingCerts(home: string, now = new Date()): ServingCerts {
  const p = pkiPaths(home);
  let caPem = read(p.caCert);
  let caKey = read(p.caKey);
  const certPem = read(p.cert);
  const keyPem = read(p.key);
  if (caPem && caKey && certPem && keyPem && servingCertUsable(caPem, certPem, keyPem, now.getTime())) return { caPem, certPem, keyPem };
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  if (!caPem || !caKey || !caUsable(caPem, caKey, now.getTime())) {
    const ca = makeCa(now);
    writeFileAtomic(p.caKey, ca.keyPem);
    writeFileAtomic(p.caCert, ca.certPem);
    [caPem, caKey] = [ca.certPem, ca.keyPem];
  }
  const serving = makeServingCert(caPem, caKey, now);
  writeFileAtomic(p.key, serving.keyPem);
  writeFileAtomic(p.cert, serving.certPem);
  return { caPem, ...serving };
}

type Forge = typeof import('node-forge');
let forgeModule: Forge | undefined;
function forge(): Forge {
  // Loaded only when a certificate must be made (the first start), never by the CLI.
  return (forgeModule ??= createRequire(import.meta.url)('node-forge') as Forge);
}

function rsaKeyPair(): { keyPem: string; publicPem: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { keyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string, publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

/**
 * Signs `cert` with Node's native RSA (forge's own is pure JavaScript, ~10× slower): forge hands the signer a
 * message digest it has fed the TBSCertificate's DER; this one only collects those bytes.
 */
function signNative(cert: import('node-forge').pki.Certificate, keyPem: string): void {
  let tbs = '';
  const md = { algorithm: 'sha256', update: (bytes: string) => ((tbs += bytes), md) } as unknown as import('node-forge').md.MessageDigest;
  const signer = { sign: () => crypto.sign('sha256', Buffer.from(tbs, 'binary'), keyPem).toString('binary') };
  cert.sign(signer as unknown as import('node-forge').pki.rsa.PrivateKey, md);
}

function serial(): string {
  const b = crypto.randomBytes(16);
  b[0] = b[0]! & 0x7f; // positive
  return b.toString('hex');
}

function makeCa(now: Date): { certPem: string; keyPem: string } {
  const f = forge();
  const { keyPem, publicPem } = rsaKeyPair();
  const cert = f.pki.createCertificate();
  cert.publicKey = f.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
  const name = [{ name: 'commonName', value: 'kbx-ca' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  signNative(cert, keyPem);
  return { certPem: f.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), keyPem };
}

function makeServingCert(caPem: string, caKeyPem: string, now: Date): { certPem: string; keyPem: string } {
  const f = forge();
  const ca = f.pki.certificateFromPem(caPem);
  const { keyPem, publicPem } = rsaKeyPair();
  const cert = f.pki.createCertificate();
  cert.publicKey = f.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 24 * 3600 * 1000);
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(ca.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
    { name: 'subjectAltName', altNames: [...SERVING_DNS.map((value) => ({ type: 2, value })), ...SERVING_IPS.map((ip) => ({ type: 7, ip }))] },
  ]);
  signNative(cert, caKeyPem);
  return { certPem: f.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), keyPem };
}
