// The API's second listener: plain HTTP on $KBX_HOME/api.sock for kbx's own CLI (see paths().apiSocket).
// It serves the TLS server's own request and upgrade handlers, so both answer the same, with the same
// authentication; the socket file is the user's alone (mode 0600 in a 0700 home).
import fs from 'node:fs';
import http from 'node:http';

/** A Unix socket path longer than this cannot be bound (sockaddr_un's sun_path, Linux). */
export const MAX_SOCKET_PATH = 107;

/** Listens on `socketPath` with `server`'s handlers; undefined (and no socket) when the path cannot be bound. */
export async function listenLocal(server: http.Server, socketPath: string, log: (m: string) => void): Promise<http.Server | undefined> {
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH) {
    log(`no local API socket: ${socketPath} is longer than a socket path may be (the CLI uses the HTTPS port)`);
    return undefined;
  }
  const local = http.createServer({ keepAlive: true });
  local.keepAliveTimeout = server.keepAliveTimeout;
  for (const event of ['request', 'upgrade'] as const) for (const l of server.listeners(event)) local.on(event, l as (...a: any[]) => void);
  // A socket file left by a control plane that died: this process holds the home's lock, so it is stale.
  fs.rmSync(socketPath, { force: true });
  try {
    await new Promise<void>((resolve, reject) => {
      local.once('error', reject);
      local.listen(socketPath, () => resolve());
    });
    // Connecting needs write permission on the file: under the usual umask (022) only the owner has it
    // from the start, and the home is 0700; 0600 says so whatever the umask.
    fs.chmodSync(socketPath, 0o600);
  } catch (e) {
    local.close();
    log(`no local API socket: ${(e as Error).message} (the CLI uses the HTTPS port)`);
    return undefined;
  }
  server.on('close', () => local.close());
  return local;
}
