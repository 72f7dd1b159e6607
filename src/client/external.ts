// The kbx CLI as a client of any cluster: what --kubeconfig, $KUBECONFIG, --context, --server, … name.
import { ApiClient } from './client.js';
import { kubeconfigFiles, loadKubeconfig, resolveRestConfig, type ConnectionOverrides } from './kubeconfig.js';
import { runExecPlugin } from './exec-credential.js';

/**
 * A client for the cluster the flags and files name; never starts a control plane. When they name the local
 * cluster itself (its CA, e.g. the `kbx` context the default cluster wrote into ~/.kube/config), the answer is
 * `local` with the context's namespace: the caller then connects as without flags, starting it when needed.
 */
export function connectExternal(o: ConnectionOverrides, interactive: boolean, localCa?: string): { client: ApiClient; namespace: string } | { local: true; namespace: string } {
  const { files, explicit } = kubeconfigFiles(o.kubeconfig);
  const rc = resolveRestConfig(loadKubeconfig(files, explicit), o);
  const onlyFiles = !o.server && !o.token && !o.certificateAuthority && !o.clientCertificate && !o.clientKey && !o.insecureSkipTlsVerify;
  if (onlyFiles && localCa && rc.ca && sameCa(rc.ca, localCa) && !rc.exec) return { local: true, namespace: rc.namespace };
  if (rc.exec) Object.assign(rc, runExecPlugin(rc.exec, rc, interactive));
  return { client: new ApiClient(rc), namespace: rc.namespace };
}

const normalize = (pem: string) => pem.replace(/\s+/g, '');
function sameCa(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}
