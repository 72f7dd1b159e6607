#!/usr/bin/env node
// Bundles the compiled CLI and control plane (tsc's output in dist/) with esbuild, after `tsc` in `npm run build`:
//   dist/cli-bundle/           from dist/cli/main.js: one ES module per verb plus shared chunks, so a command
//                              loads a handful of files instead of ~40 modules and commander's CommonJS files
//   dist/controlplane-bundle/  from dist/controlplane/main.js: the API half in one module, the Docker half
//                              (imported after the API answers) in its own chunks; dockerode stays external
// Fewer, larger modules start faster (see README, Performance). bin/kbx and connect.ts use a bundle only when
// it is at least as new as its tsc entry (someone who ran tsc alone gets the unbundled code, the same code).
// Both directories sit one level below dist/, like dist/client/: connect.ts finds dist/controlplane*/ from there.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function bundle(entry, outName) {
  const outdir = path.join(ROOT, 'dist', outName);
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: [path.join(ROOT, 'dist', entry)],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Only the control plane's Docker half uses it; its optional native parts (ssh2) are not bundleable.
    external: ['dockerode'],
    // CommonJS dependencies (commander, yaml, ws) call require() for Node built-ins.
    banner: { js: "import { createRequire as __kbxCreateRequire } from 'node:module'; const require = __kbxCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}

await bundle('cli/main.js', 'cli-bundle');
await bundle('controlplane/main.js', 'controlplane-bundle');
