// What a user sees of the verb table: kubectl's help layout against the real kubectl's, per-verb
// flags, `--flag=true`, `kbx options`, plugins on PATH, and a closed pipe ending a command quietly.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

describe('the verb list and plugins', () => {
  it('kbx --help lists kubectl\'s verbs in kubectl\'s sections and order', () => {
    const listed = (t: string) => t.split('\n').filter((l) => /^[A-Z].*:$/.test(l) || /^  [a-z-]+ {2,}\S/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
    const ours = listed(c.ok('--help')).filter((w) => w !== 'cluster');
    const theirs = listed(spawnSync(requireTool(KUBECTL), ['--help'], { encoding: 'utf8' }).stdout).filter((w) => !['certificate', 'alpha', 'Find'].includes(w!));
    expect(ours).toEqual(theirs);
  });

  it('runs kubectl-* plugins from PATH and lists them, as kubectl does', () => {
    const dir = path.join(c.home, 'plugins');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'kubectl-hello-world'), '#!/bin/sh\necho "hello world: $*"\nexit 3\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'kubectl-get'), '#!/bin/sh\necho never\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'kubectl-noexec'), '#!/bin/sh\n', { mode: 0o644 });
    const env = { PATH: `${dir}:${process.env.PATH}` };
    for (const args of [['hello', 'world', '--x', '1'], ['hello-world'], ['-n', 'x', 'hello'], ['plugin', 'list'], ['plugin', 'list', '--name-only'], ['plugin']]) {
      const ours = c.kbx(args, { env });
      const theirs = c.kubectl(args, { env });
      expect(ours.code, args.join(' ')).toBe(theirs.code);
      expect(ours.stdout.replace(/kbx(?![-\w])/g, 'kubectl'), args.join(' ')).toBe(theirs.stdout);
      expect(ours.stderr.replace(/kbx(?![-\w])/g, 'kubectl'), args.join(' ')).toBe(theirs.stderr);
    }
    expect(c.kbx(['hello', 'world', 'a'], { env })).toMatchObject({ code: 3, stdout: 'hello world: a\n' });
    expect(c.kbx('--help', { env }).stdout).toContain('\nSubcommands provided by plugins:\n  hello         The command hello is a plugin installed by the user\n  noexec        The command noexec is a plugin installed by the user\n\nOther Commands:\n');
  });
});
