// What a user sees of the verb table: kubectl's help layout against the real kubectl's, per-verb
// flags, `--flag=true`, `kbx options`, and a closed pipe ending a command quietly.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { Cluster, KBX, KUBECTL, requireTool, writeManifest } from './harness.js';

let c: Cluster;
beforeAll(() => {
  c = new Cluster('cli-verbs');
});
afterAll(() => c?.destroy());

/** kubectl's help with kbx's name (and without -o kyaml, which kbx does not print). */
function kubectlHelpLines(args: string[]): string[] {
  const r = spawnSync(requireTool(KUBECTL), [...args, '--help'], { encoding: 'utf8' });
  return r.stdout.replace(/kubectl(?![.\w-])/g, 'kbx').replace(/kyaml, |\|kyaml/g, '').split('\n');
}

describe('help', () => {
  it.each([['version'], ['scale'], ['create', 'deployment'], ['rollout', 'status'], ['set', 'image']])('%s: every flag line is kubectl\'s', (...args) => {
    const ours = c.ok([...args, '--help']).split('\n');
    const theirs = kubectlHelpLines(args);
    const flagLines = ours.filter((l) => /^    (-\w, )?--[\w-]+=/.test(l));
    expect(flagLines.length).toBeGreaterThan(0);
    for (const l of flagLines) {
      const i = ours.indexOf(l);
      const j = theirs.indexOf(l);
      expect(j, l).toBeGreaterThanOrEqual(0);
      expect(ours[i + 1], l).toBe(theirs[j + 1]);
    }
    expect(ours[ours.length - 2]).toBe(theirs[theirs.length - 2]);
  });

  it('kbx options lists global flags as kubectl options does', () => {
    const ours = c.ok('options');
    expect(ours.startsWith('The following options can be passed to any command:\n\n')).toBe(true);
    const theirs = spawnSync(requireTool(KUBECTL), ['options'], { encoding: 'utf8' }).stdout;
    for (const block of ours.split('\n\n').slice(1).filter(Boolean)) expect(theirs).toContain(block.trim());
  });

  it('set --help lists only working subcommands', () => {
    const h = c.ok('set --help');
    expect(h).toContain('  env ');
    expect(h).toContain('  image ');
    expect(h).not.toMatch(/^  (resources|selector|serviceaccount|subject) /m);
  });
});

describe('flags', () => {
  it('apply refuses create\'s flags; --server-side=true applies on the server', () => {
    const m = writeManifest(c.home, 'cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\ndata:\n  a: "1"\n');
    const bad = c.kbx(['apply', '-f', m, '--image', 'nginx']);
    expect(bad).toMatchObject({ code: 1, stdout: '', stderr: "error: unknown flag: --image\nSee 'kbx apply --help' for usage.\n" });
    expect(c.ok(['apply', '-f', m, '--server-side=true'])).toBe('configmap/ssa serverside-applied\n');
    expect(c.ok(['get', 'cm', 'ssa', '-o', 'jsonpath={.data.a}'])).toBe('1');
    const client = c.kbx(['apply', '-f', m, '--server-side', '--dry-run=client']);
    expect(client.stderr).toBe("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n");
  });

  it('unknown verbs get suggestions', () => {
    expect(c.kbx('aply -f x')).toMatchObject({ code: 1, stderr: 'error: unknown command "aply" for "kbx"\n\nDid you mean this?\n\tapply\n' });
  });
});

describe('pipes', () => {
  it('output to a closed pipe ends quietly with SIGPIPE\'s status, as kubectl', () => {
    c.ok('version --client');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${KBX}" options | true; echo "status=$?"`], { env: c.env(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${KBX}" api-resources | head -1`], { env: c.env(), encoding: 'utf8' });
    expect(piped.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND\n$/);
    expect(piped.stderr).toBe('');
    const status = spawnSync('bash', ['-c', `"${process.execPath}" "${KBX}" options | true; echo "\${PIPESTATUS[0]}"`], { env: c.env(), encoding: 'utf8' });
    expect(status.stdout).toBe('141\n');
  });
});
