// The PEM of the CA that signed the API server's serving certificate, as pods see it in
// /var/run/secrets/kubernetes.io/serviceaccount/ca.crt (through the kube-root-ca.crt ConfigMaps).
// The API is served over plain HTTP today, so there is no CA: ''. When TLS lands, this returns
// the CA file's contents (e.g. $KBX_HOME/pki/ca.crt) and the publisher fills every namespace.
import fs from 'node:fs';
import path from 'node:path';
import { kbxHome } from '../config/home.js';

export function clusterCaPem(): string {
  const file = process.env.KBX_CA_FILE || path.join(kbxHome(), 'pki', 'ca.crt');
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
