// kubectl's global connection flags: which kubeconfig, context, cluster, user, server and credentials.
// Declared on every verb (and on the program, for `kbx --context x get pods`); any of them (or $KUBECONFIG)
// makes kbx a client of that cluster instead of its local one (see client/connect.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import type { ConnectionOverrides } from '../client/kubeconfig.js';

const FLAGS: [flags: string, help: string][] = [
  ['--kubeconfig <path>', 'Path to the kubeconfig file to use for CLI requests.'],
  ['--context <name>', 'The name of the kubeconfig context to use'],
  ['--cluster <name>', 'The name of the kubeconfig cluster to use'],
  ['--user <name>', 'The name of the kubeconfig user to use'],
  ['-s, --server <address>', 'The address and port of the Kubernetes API server'],
  ['--token <token>', 'Bearer token for authentication to the API server'],
  ['--certificate-authority <path>', 'Path to a cert file for the certificate authority'],
  ['--client-certificate <path>', 'Path to a client certificate file for TLS'],
  ['--client-key <path>', 'Path to a client key file for TLS'],
  ['--insecure-skip-tls-verify', "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure"],
  ['--as <user>', 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.'],
  ['--as-group <group>', 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.'],
  ['--as-uid <uid>', 'UID to impersonate for the operation.'],
  ['--tls-server-name <name>', 'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used'],
];

/** Boolean connection flags, for `--flag=true|false` normalisation. */
export const CONNECTION_BOOLEAN_FLAGS = ['insecure-skip-tls-verify'];

export function addConnectionFlags(cmd: Command, hidden = false): Command {
  for (const [flags, help] of FLAGS) {
    const o = new Option(flags, help);
    if (flags.startsWith('--as-group')) o.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    cmd.addOption(hidden ? o.hideHelp() : o);
  }
  return cmd;
}

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
    as: str('as'),
    asGroups: Array.isArray(opts.asGroup) ? (opts.asGroup as string[]) : undefined,
    asUid: str('asUid'),
  };
}
