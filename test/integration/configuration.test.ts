// ConfigMap and Secret consumed by a pod on real Docker, from samples/config/: envFrom, secretKeyRef and the
// downward API in the environment, configMap/secret volumes with their files and modes, and an edit of the
// ConfigMap reaching the mounted file without a restart (the environment keeps the old value).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
