// Streaming commands: logs -f, exec -t with a real pseudo-terminal, get --watch-only, delete by selector.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { Cluster, KBX, ROOT, podRow, waitFor, writeManifest } from './harness.js';

let c: Cluster;

beforeAll(async () => {
  c = new Cluster('streams');
  const m = writeManifest(
    c.home,
    'ticker.yaml',
    `apiVersion: v1
kind: Pod
metadata:
  name: ticker
  labels:
    app: ticker
spec:
  containers:
  - name: main
    image: busybox:latest
    imagePullPolicy: IfNotPresent
    command: ["sh", "-c", "trap 'exit 0' TERM; i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.3 & wait $!; done"]
`,
  );
  c.ok(['apply', '-f', m]);
  await waitFor('ticker running', () => podRow(c.kbx('get pods').stdout, 'ticker')?.status === 'Running', 60_000);
});
afterAll(() => c?.destroy());

describe('streams', () => {
  it('logs -f follows new lines until interrupted', async () => {
    const f = c.spawn(['logs', '-f', 'ticker']);
    await waitFor('two new ticks', () => (f.output().match(/tick \d+/g) ?? []).length >= 3, 15_000);
    const r = await f.stop();
    const ticks = (r.stdout.match(/tick (\d+)/g) ?? []).map((t) => Number(t.split(' ')[1]));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('exec -it gets a real TTY (under script(1), as a user at a terminal)', async () => {
    // `script` gives kbx a pseudo-terminal for stdin/stdout, so -t is honoured.
    const cmd = `node ${KBX} exec -it ticker -- sh -c 'tty; stty size'`;
    const out = await new Promise<string>((resolve) => {
      const p = spawn('script', ['-qec', cmd, '/dev/null'], { env: c.env({ COLUMNS: '100', LINES: '30' }), cwd: ROOT });
      let s = '';
      p.stdout.on('data', (d) => (s += d));
      p.on('close', () => resolve(s));
    });
    expect(out).toMatch(/\/dev\/pts\/\d+/);
  });

  it('run -i --rm pipes stdin to the new pod, passes its exit code and deletes it', () => {
    const r = c.kbx(['run', 'once', '-i', '--rm', '--image=busybox:latest', '--image-pull-policy=IfNotPresent', '--restart=Never', '--', 'sh', '-c', 'tr a-z A-Z; exit 3'], { input: 'hello kbx\n' });
    expect(r.stdout).toBe('HELLO KBX\npod "once" deleted from default namespace\n');
    expect(r.code).toBe(3);
    expect(c.kbx(['get', 'pod', 'once']).code).toBe(1);
  });

  it('run -it attaches a terminal (under script(1))', async () => {
    const cmd = `node ${KBX} run shell -it --rm --image=busybox:latest --image-pull-policy=IfNotPresent --restart=Never -- sh`;
    const out = await new Promise<string>((resolve) => {
      const p = spawn('script', ['-qec', cmd, '/dev/null'], { env: c.env(), cwd: ROOT });
      let s = '';
      p.stdout.on('data', (d) => {
        s += d;
        if (s.includes("If you don't see a command prompt")) p.stdin.write('tty; exit 0\n');
      });
      p.on('close', () => resolve(s));
    });
    expect(out).toMatch(/\/dev\/pts\/\d+/);
    expect(out).toContain('pod "shell" deleted from default namespace');
  });

  it('get --watch-only prints only changes', async () => {
    const w = c.spawn(['get', 'pods', '--watch-only']);
    await new Promise((r) => setTimeout(r, 300));
    c.ok(['label', 'pod', 'ticker', 'seen=1']);
    await waitFor('a ticker row', () => /ticker/.test(w.output()), 10_000);
    const r = await w.stop();
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+READY/);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('ticker')).length).toBeGreaterThanOrEqual(1);
  });

  it('delete -l removes what the selector matches', async () => {
    const r = c.kbx(['delete', 'pods', '-l', 'app=ticker']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('pod "ticker" deleted from default namespace\n');
    expect(c.kbx(['get', 'pods']).stderr).toBe('No resources found in default namespace.\n');
  });
});
