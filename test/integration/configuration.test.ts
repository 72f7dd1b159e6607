// ConfigMap and Secret consumed by a pod on real Docker, from samples/config/: envFrom, secretKeyRef and the
// downward API in the environment, configMap/secret volumes with their files and modes, and an edit of the
// ConfigMap reaching the mounted file without a restart (the environment keeps the old value).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Cluster, ROOT, waitFor } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('configuration');
}, 60_000);
afterAll(() => c?.destroy());

const sample = (f: string) => path.join(ROOT, 'samples', 'config', f);

describe('configuration', () => {
  it('env and files from a ConfigMap and a Secret; a ConfigMap edit reaches the file, not the env', async () => {
    c.ok(['apply', '-f', sample('app-config.yaml'), '-f', sample('app-secret.yaml'), '-f', sample('config-pod.yaml')]);
    await waitFor('config-demo running', () => c.kbx(['get', 'pod', 'config-demo', '-o', 'jsonpath={.status.phase}']).stdout === 'Running', 120_000);
    const env = c.ok(['exec', 'config-demo', '--', 'env']).split('\n');
    for (const v of ['APP_COLOR=blue', 'APP_MODE=prod', 'DB_PASSWORD=s3cr3t', 'POD_NAME=config-demo']) expect(env).toContain(v);
    expect(c.ok(['exec', 'config-demo', '--', 'cat', '/etc/config/app.properties'])).toBe('greeting=hello\nretries=3\n');
    expect(c.ok(['exec', 'config-demo', '--', 'cat', '/etc/secret/api-key'])).toBe('abc123');
    expect(c.ok(['exec', 'config-demo', '--', 'stat', '-L', '-c', '%a', '/etc/secret/DB_PASSWORD'])).toBe('400\n');
    expect(c.ok('describe secret app-secret')).toMatch(/^DB_PASSWORD:\s+6 bytes$/m);

    const t0 = Date.now();
    c.ok(['apply', '-f', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\ndata:\n  APP_COLOR: green\n  APP_MODE: prod\n  app.properties: |\n    greeting=bonjour\n' });
    await waitFor('the mounted file follows', () => c.ok(['exec', 'config-demo', '--', 'cat', '/etc/config/app.properties']) === 'greeting=bonjour\n', 90_000, 250);
    const ms = Date.now() - t0;
    expect(ms).toBeLessThan(90_000);
    process.stdout.write(`ConfigMap edit → mounted file: ${ms} ms\n`);
    expect(c.ok(['exec', 'config-demo', '--', 'sh', '-c', 'echo $APP_COLOR'])).toBe('blue\n');
  }, 240_000);

  it('a docker-registry Secret in imagePullSecrets: Docker pulls with its credential (a registry on the loopback that asks for Basic auth)', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (!req.headers.authorization) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="kbx-test"', 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Type': 'application/json' });
        return res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
      }
      res.writeHead(404, { 'Docker-Distribution-API-Version': 'registry/2.0', 'Content-Type': 'application/json' });
      res.end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      c.ok(['create', 'secret', 'docker-registry', 'regcred', `--docker-server=127.0.0.1:${port}`, '--docker-username=me', '--docker-password=s3cret']);
      c.ok(['apply', '-f', '-'], {
        input: `apiVersion: v1\nkind: Pod\nmetadata: { name: private }\nspec:\n  imagePullSecrets: [{ name: regcred }, { name: absent }]\n  containers:\n  - { name: app, image: '127.0.0.1:${port}/team/app:1' }\n`,
      });
      const basic = `Basic ${Buffer.from('me:s3cret').toString('base64')}`;
      await waitFor('an authenticated request at the registry', () => seen.some((l) => l.includes(basic)), 60_000);
      await waitFor('ErrImagePull or ImagePullBackOff', () => /ErrImagePull|ImagePullBackOff/.test(c.kbx('get pod private --no-headers').stdout), 60_000);
      expect(c.ok('describe pod private')).toContain('Unable to retrieve some image pull secrets (absent); attempting to pull the image may not succeed.');
    } finally {
      server.close();
      c.kbx('delete pod private --wait=false');
    }
  }, 120_000);
});

