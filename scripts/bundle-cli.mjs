#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js and the verbs it imports lazily) into dist/cli-bundle/:
// one ES module per verb plus shared chunks, so a command loads a handful of files instead of ~40
// modules and commander's CommonJS files (about 12 ms of every `kbx` command; see README, Performance).
// bin/kbx uses the bundle when it is at least as new as dist/cli/main.js, else the unbundled tsc output.
// The control plane is not bundled: it is a long-running process whose start is not on a CLI path.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The bundle must sit one level below dist/ (like dist/client/): connect.ts finds dist/controlplane/ from there.
const OUT = path.join(ROOT, 'dist', 'cli-bundle');

fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: [path.join(ROOT, 'dist', 'cli', 'main.js')],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The CLI never talks to Docker; keep dockerode out should anything reference it.
  external: ['dockerode'],
  // CommonJS dependencies (commander, yaml) call require() for Node built-ins.
  banner: { js: "import { createRequire as __kbxCreateRequire } from 'node:module'; const require = __kbxCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
