// The kbx CLI as a client of any cluster: what --kubeconfig, $KUBECONFIG, --context, --server, … name.
import { ApiClient } from './client.js';
import { kubeconfigFiles, loadKubeconfig, resolveRestConfig, type ConnectionOverrides } from './kubeconfig.js';
import { runExecPlugin } from './exec-credential.js';

/** A client for the cluster the flags and files name; never starts a control plane. */
export function connectExternal(o: ConnectionOverrides, interactive: boolean): { client: ApiClient; namespace: string } {
  const { files, explicit } = kubeconfigFiles(o.kubeconfig);
  const rc = resolveRestConfig(loadKubeconfig(files, explicit), o);
  if (rc.exec) Object.assign(rc, runExecPlugin(rc.exec, rc, interactive));
  return { client: new ApiClient(rc), namespace: rc.namespace };
}
