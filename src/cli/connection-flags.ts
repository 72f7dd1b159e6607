// kubectl's global connection flags: which kubeconfig, context, cluster, user, server and credentials.
// Global flags (global-flags.ts), accepted before and after the verb; any of them (or $KUBECONFIG)
// makes kbx a client of that cluster instead of its local one (see client/connect.ts).
import { bool, str, type FlagSpec } from './flags.js';
import type { ConnectionOverrides } from '../client/kubeconfig.js';

/** kubectl's connection flags (`kubectl options`). */
export const CONNECTION_FLAGS: FlagSpec[] = [
  str('--certificate-authority', 'Path to a cert file for the certificate authority'),
  str('--client-certificate', 'Path to a client certificate file for TLS'),
  str('--client-key', 'Path to a client key file for TLS'),
  str('--cluster', 'The name of the kubeconfig cluster to use'),
  str('--context', 'The name of the kubeconfig context to use'),
  bool('--insecure-skip-tls-verify', "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"),
  str('--kubeconfig', 'Path to the kubeconfig file to use for CLI requests.'),
  str('-s, --server', 'The address and port of the Kubernetes API server'),
  str('--tls-server-name', 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used'),
  str('--token', 'Bearer token for authentication to the API server'),
  str('--user', 'The name of the kubeconfig user to use'),
];

/** The connection flags among a command's parsed options. */
export function connectionOverrides(opts: Record<string, unknown>): ConnectionOverrides {
  const str = (k: string) => (typeof opts[k] === 'string' && opts[k] ? (opts[k] as string) : undefined);
  return {
    kubeconfig: str('kubeconfig'),
    context: str('context'),
    cluster: str('cluster'),
    user: str('user'),
    server: str('server'),
    token: str('token'),
    certificateAuthority: str('certificateAuthority'),
    clientCertificate: str('clientCertificate'),
    clientKey: str('clientKey'),
    insecureSkipTlsVerify: opts.insecureSkipTlsVerify === true ? true : undefined,
    tlsServerName: str('tlsServerName'),
  };
}
