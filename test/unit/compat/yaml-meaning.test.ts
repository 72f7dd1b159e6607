// One YAML meaning: a manifest read with -f, a YAML request body, a server-side apply patch and a
// kubeconfig file are all read by the go-yaml port (YAML 1.1, as kubectl and the apiserver read
// them), so `a: yes` is true and `b: 0777` is 511 on every path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/cli/output/yaml.js';
import { decodeRequestBody } from '../../../src/apiserver/body.js';
import { applyPatch } from '../../../src/api/patch/apply.js';
import { APPLY_PATCH } from '../../../src/api/patch/index.js';
import { readKubeconfigFile } from '../../../src/client/kubeconfig.js';
import { readKubeconfig } from '../../../src/client/connect.js';

const DOC = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nspec:\n  a: yes\n  b: 0777\n  c: 1_000\n  d: "yes"\n';
const MEANING = { a: true, b: 511, c: 1000, d: 'yes' };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kbx-yaml-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('one YAML meaning on every path', () => {
  it('-f manifests', () => {
    expect((parseManifests(DOC, 'x.yaml')[0] as any).spec).toEqual(MEANING);
  });

  it('request bodies', async () => {
    expect(((await decodeRequestBody(DOC)) as any).spec).toEqual(MEANING);
  });

  it('server-side apply patches', () => {
    const out = applyPatch(APPLY_PATCH, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, DOC, 'ConfigMap') as any;
    expect(out.spec).toEqual(MEANING);
  });

  it('kubeconfig files', () => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, 'apiVersion: v1\nkind: Config\npreferences:\n  a: yes\n  b: 0777\n  c: 1_000\n  d: "yes"\n');
    expect(readKubeconfigFile(file)?.preferences).toEqual(MEANING);
  });

  it("the connection's quick kubeconfig reader leaves what it cannot read as a plain string to the YAML reader", async () => {
    const file = path.join(dir, 'quoted');
    fs.writeFileSync(
      file,
      'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: "https://127.0.0.1:6443"\n  name: c\ncontexts:\n- context:\n    cluster: c\n    namespace: \'team-a\'\n    user: u\n  name: c\ncurrent-context: c\nusers:\n- name: u\n  user:\n    token: "abc"\n',
    );
    expect(await readKubeconfig(file)).toMatchObject({ server: 'https://127.0.0.1:6443', token: 'abc', namespace: 'team-a' });
  });
});
