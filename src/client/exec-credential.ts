// Exec credential plugins (client.authentication.k8s.io/v1 and v1beta1 ExecCredential), as client-go runs them:
// the command with the kubeconfig's args and env plus KUBERNETES_EXEC_INFO, stdin passed through when it may be
// interactive, stdout one ExecCredential whose status carries a token or a client certificate and key.
import { spawnSync } from 'node:child_process';
import type { ExecConfig, RestConfig } from './kubeconfig.js';
import { ConnectionError } from './client.js';

/** kubectl: `Unable to connect to the server: getting credentials: …`. */
export class ExecCredentialError extends ConnectionError {
  constructor(message: string) {
    super(`Unable to connect to the server: ${message}`);
  }
}

interface ExecCredential {
  apiVersion?: string;
  kind?: string;
  status?: { token?: string; clientCertificateData?: string; clientKeyData?: string; expirationTimestamp?: string };
}

/** Runs `exec` and returns the credentials it printed. */
export function runExecPlugin(exec: ExecConfig, cfg: RestConfig, interactive: boolean, env: NodeJS.ProcessEnv = process.env): Pick<RestConfig, 'token' | 'cert' | 'key'> {
  const apiVersion = exec.apiVersion || 'client.authentication.k8s.io/v1';
  if (!/^client\.authentication\.k8s\.io\/(v1|v1beta1)$/.test(apiVersion)) {
    throw new ExecCredentialError(`getting credentials: exec plugin: invalid apiVersion "${apiVersion}"`);
  }
  const mode = exec.interactiveMode || (apiVersion.endsWith('/v1') ? '' : 'IfAvailable');
  if (apiVersion.endsWith('/v1') && !mode) throw new ExecCredentialError('interactiveMode must be specified for exec plugin');
  if (mode === 'Always' && !interactive) throw new ExecCredentialError('getting credentials: exec plugin cannot support interactive mode: standard input is not a terminal');
  const spec: Record<string, unknown> = { interactive: mode !== 'Never' && interactive };
  if (exec.provideClusterInfo) {
    spec.cluster = {
      server: cfg.server,
      ...(cfg.ca ? { 'certificate-authority-data': Buffer.from(cfg.ca).toString('base64') } : {}),
      ...(cfg.insecure ? { 'insecure-skip-tls-verify': true } : {}),
      ...(cfg.servername ? { 'tls-server-name': cfg.servername } : {}),
    };
  }
  const info = { apiVersion, kind: 'ExecCredential', spec };
  const childEnv: NodeJS.ProcessEnv = { ...env, KUBERNETES_EXEC_INFO: JSON.stringify(info) };
  for (const e of exec.env ?? []) childEnv[e.name] = e.value;
  const r = spawnSync(exec.command, exec.args ?? [], {
    env: childEnv,
    stdio: [spec.interactive ? 'inherit' : 'ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new ExecCredentialError(`getting credentials: exec: executable ${exec.command} not found${exec.installHint ? `\n\n${exec.installHint}` : ''}`);
    }
    throw new ExecCredentialError(`getting credentials: exec: ${r.error.message}`);
  }
  if (r.status !== 0) throw new ExecCredentialError(`getting credentials: exec: executable ${exec.command} failed with exit code ${r.status}`);
  let cred: ExecCredential;
  try {
    cred = JSON.parse(r.stdout) as ExecCredential;
  } catch (e) {
    throw new ExecCredentialError(`getting credentials: decoding stdout: ${(e as Error).message}`);
  }
  if (cred.kind !== 'ExecCredential' || cred.apiVersion !== apiVersion) {
    throw new ExecCredentialError(`getting credentials: exec plugin is configured to use API version ${apiVersion}, plugin returned version ${cred.apiVersion ?? ''}`);
  }
  const st = cred.status;
  if (!st) throw new ExecCredentialError('getting credentials: exec plugin didn\'t return a status field');
  if (!st.token && !(st.clientCertificateData && st.clientKeyData)) {
    throw new ExecCredentialError('getting credentials: exec plugin didn\'t return a token or cert/key pair');
  }
  if (!!st.clientCertificateData !== !!st.clientKeyData) {
    throw new ExecCredentialError('getting credentials: exec plugin returned only certificate or key, not both');
  }
  return st.token ? { token: st.token } : { cert: st.clientCertificateData, key: st.clientKeyData };
}
