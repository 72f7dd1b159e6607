// Where the Docker engine is, found the way the docker CLI finds it: DOCKER_HOST, else the current docker context
// (DOCKER_CONTEXT or ~/.docker/config.json's currentContext; Docker Desktop on macOS points it at
// ~/.docker/run/docker.sock), else /var/run/docker.sock.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DockerEndpoint {
  /** e.g. unix:///var/run/docker.sock or tcp://10.0.0.5:2376: what error messages name. */
  url: string;
  socketPath?: string;
  host?: string;
  port?: number;
  protocol: 'http' | 'https' | 'ssh';
  username?: string;
  tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer; verify: boolean };
}

const DEFAULT_SOCKET = '/var/run/docker.sock';

export function resolveDockerEndpoint(env: NodeJS.ProcessEnv = process.env): DockerEndpoint {
  const configDir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
  if (env.DOCKER_HOST) return parseDockerHost(env.DOCKER_HOST, tlsFromEnv(env, configDir));
  const context = env.DOCKER_CONTEXT || currentContext(configDir);
  if (context && context !== 'default') {
    const fromContext = contextEndpoint(configDir, context);
    if (fromContext) return fromContext;
  }
  // Docker Desktop without the "default socket" setting only listens on its per-user socket.
  const userSocket = path.join(env.HOME || os.homedir(), '.docker', 'run', 'docker.sock');
  if (process.platform !== 'linux' && !fs.existsSync(DEFAULT_SOCKET) && fs.existsSync(userSocket)) {
    return { url: `unix://${userSocket}`, socketPath: userSocket, protocol: 'http' };
  }
  return { url: `unix://${DEFAULT_SOCKET}`, socketPath: DEFAULT_SOCKET, protocol: 'http' };
}

/** unix:///path, tcp://host:port, ssh://user@host, npipe:////./pipe/name, or a bare host:port (as the CLI accepts). */
export function parseDockerHost(value: string, tls?: DockerEndpoint['tls']): DockerEndpoint {
  if (value.startsWith('unix://')) {
    const socketPath = value.slice('unix://'.length) || DEFAULT_SOCKET;
    return { url: `unix://${socketPath}`, socketPath, protocol: 'http' };
  }
  if (value.startsWith('npipe://')) {
    const socketPath = value.slice('npipe://'.length) || '//./pipe/docker_engine';
    return { url: value, socketPath, protocol: 'http' };
  }
  const withScheme = value.includes('://') ? value : `tcp://${value}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new Error(`unable to parse docker host \`${value}\``);
  }
  if (u.protocol === 'ssh:') {
    return { url: withScheme, host: u.hostname, port: Number(u.port || 22), protocol: 'ssh', username: u.username || undefined };
  }
  if (u.protocol !== 'tcp:' && u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new Error(`unable to parse docker host \`${value}\`: unsupported scheme ${u.protocol}`);
  }
  const secure = !!tls || u.protocol === 'https:';
  const port = Number(u.port || (secure ? 2376 : 2375));
  return { url: `tcp://${u.hostname}:${port}`, host: u.hostname, port, protocol: secure ? 'https' : 'http', ...(tls ? { tls } : {}) };
}

/** DOCKER_TLS_VERIFY (any value) verifies the server; DOCKER_TLS alone encrypts without verifying, as the CLI does. */
function tlsFromEnv(env: NodeJS.ProcessEnv, configDir: string): DockerEndpoint['tls'] {
  const verify = !!env.DOCKER_TLS_VERIFY;
  if (!verify && !env.DOCKER_TLS) return undefined;
  const dir = env.DOCKER_CERT_PATH || configDir;
  return { ca: readIf(path.join(dir, 'ca.pem')), cert: readIf(path.join(dir, 'cert.pem')), key: readIf(path.join(dir, 'key.pem')), verify };
}

function currentContext(configDir: string): string | undefined {
  try {
    const cfg = JSON.parse(fs.readFileSync(path.join(configDir, 'config.json'), 'utf8')) as { currentContext?: string };
    return cfg.currentContext || undefined;
  } catch {
    return undefined; // no config file: the default context
  }
}

/** Contexts live in contexts/meta/<sha256 of the name>/meta.json, their TLS files in contexts/tls/<same>/docker/. */
function contextEndpoint(configDir: string, name: string): DockerEndpoint | undefined {
  const digest = createHash('sha256').update(name).digest('hex');
  let meta: { Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } };
  try {
    meta = JSON.parse(fs.readFileSync(path.join(configDir, 'contexts', 'meta', digest, 'meta.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const ep = meta.Endpoints?.docker;
  if (!ep?.Host) return undefined;
  const tlsDir = path.join(configDir, 'contexts', 'tls', digest, 'docker');
  const ca = readIf(path.join(tlsDir, 'ca.pem'));
  const cert = readIf(path.join(tlsDir, 'cert.pem'));
  const key = readIf(path.join(tlsDir, 'key.pem'));
  const tls = ca || cert || key ? { ca, cert, key, verify: !ep.SkipTLSVerify } : undefined;
  return parseDockerHost(ep.Host, tls);
}

function readIf(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}
