// kbx proxy [--port=8001] [--address=127.0.0.1] [--api-prefix=/] [--www=DIR [--www-prefix=/static/]]:
// kubectl's proxy — plain HTTP on a local port, each request passed to the API server with the
// kubeconfig's credentials and TLS; kubectl's default filter (only localhost hosts, no exec/attach).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiClient } from '../../client/client.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { intFlag } from '../flag-values.js';

interface ProxyOptions {
  port?: string;
  address?: string;
  apiPrefix?: string;
  www?: string;
  wwwPrefix?: string;
}

const ACCEPT_HOSTS = [/^localhost$/, /^127\.0\.0\.1$/, /^\[::1\]$/];
const REJECT_PATHS = [/^\/api\/.*\/pods\/.*\/exec/, /^\/api\/.*\/pods\/.*\/attach/];

/** What kubectl's FilterServer lets through: a localhost Host and a path that is not exec/attach. */
export function allowed(host: string | undefined, urlPath: string): boolean {
  const hostname = (host ?? '').replace(/:\d+$/, '');
  return ACCEPT_HOSTS.some((r) => r.test(hostname)) && !REJECT_PATHS.some((r) => r.test(urlPath));
}

/** The prefix as kubectl uses it: a leading and trailing `/`. */
export function normalizePrefix(p: string): string {
  let s = p.startsWith('/') ? p : `/${p}`;
  if (!s.endsWith('/')) s += '/';
  return s;
}

/** The API path a proxied URL stands for, or undefined when it is outside the API prefix. */
export function apiPath(url: string, apiPrefix: string): string | undefined {
  const prefix = normalizePrefix(apiPrefix);
  if (prefix === '/') return url;
  if (url === prefix.slice(0, -1)) return '/';
  return url.startsWith(prefix) ? url.slice(prefix.length - 1) : undefined;
}

const HOP_BY_HOP = new Set(['host', 'authorization', 'connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

function forward(client: ApiClient, req: http.IncomingMessage, res: http.ServerResponse, target: string): void {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(k) && typeof v === 'string') headers[k] = v;
  const upstream = client.send(client.requestOptions(req.method ?? 'GET', target, client.headers(headers), false), (up) => {
    res.writeHead(up.statusCode ?? 502, Object.fromEntries(Object.entries(up.headers).filter(([k]) => !HOP_BY_HOP.has(k) || k === 'transfer-encoding')));
    up.pipe(res);
  });
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end(`Error: ${e.message}\n`);
  });
  res.on('close', () => upstream.destroy());
  req.pipe(upstream);
}

function serveStatic(res: http.ServerResponse, root: string, rel: string): void {
  const file = path.join(root, path.normalize(`/${rel}`));
  fs.stat(file, (err, st) => {
    const target = !err && st.isDirectory() ? path.join(file, 'index.html') : file;
    fs.readFile(target, (e, data) => {
      if (e) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('404 page not found\n');
        return;
      }
      res.writeHead(200);
      res.end(data);
    });
  });
}

export async function run(ctx: Ctx, args: string[], o: ProxyOptions): Promise<void> {
  if (args.length) throw new CliError(`unknown command "${args[0]}" for "kbx proxy"`);
  const port = intFlag(o.port ?? '8001', '--port', 'kbx proxy')!;
  const address = o.address ?? '127.0.0.1';
  const apiPrefix = o.apiPrefix ?? '/';
  const wwwPrefix = normalizePrefix(o.wwwPrefix ?? '/static/');
  const client = await ctx.client();
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0]!;
    if (o.www && pathname.startsWith(wwwPrefix)) return serveStatic(res, o.www, pathname.slice(wwwPrefix.length));
    const target = apiPath(url, apiPrefix);
    if (target === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('404 page not found\n');
      return;
    }
    if (!allowed(req.headers.host, target.split('?')[0]!)) {
      ctx.err(`Filter rejected request: host ${req.headers.host ?? ''}, path ${target}`);
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Forbidden');
      return;
    }
    forward(client, req, res, target);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(new CliError(e.code === 'EADDRINUSE' ? `listen tcp ${address}:${port}: bind: address already in use` : `listen tcp ${address}:${port}: ${e.message}`)),
    );
    server.listen(port, address, () => resolve());
  });
  ctx.out(`Starting to serve on ${address}:${(server.address() as AddressInfo).port}`);
  // Serves until interrupted.
  await new Promise<never>(() => {});
}
