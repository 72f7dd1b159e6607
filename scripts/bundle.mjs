#!/usr/bin/env node
// Bundles the compiled CLI and control plane (tsc's output in dist/) with esbuild, after `tsc` in `npm run build`:
//   dist/cli-bundle/           from dist/cli/main.js: one ES module per verb plus shared chunks, so a command
//                              loads a handful of files instead of ~40 modules and commander's CommonJS files
//   dist/controlplane-bundle/  from dist/controlplane/main.js: the API half in one module, the Docker half
//                              (imported after the API answers) in its own chunks; dockerode stays external
//   dist/cli-cjs/cli.cjs       from dist/cli/main.js: the same as one CommonJS file, which bin/kbx loads from V8's
//                              code cache (see bin/kbx)
// Fewer, larger modules start faster (see README, Performance). bin/kbx and connect.ts use a bundle only when
// it is at least as new as its tsc entry (someone who ran tsc alone gets the unbundled code, the same code).
// Both directories sit one level below dist/, like dist/client/: connect.ts finds dist/controlplane*/ from there.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * For the CLI: dist/api/registry.js as its table written out (plain data, the same objects as the kinds'
 * `resource`), so resolving `po` does not load every kind's validation, strategy and printer (~240 KB of
 * the bundle, most of `kbx get pods`' compile time). The lookups are the same module's (resource-lookup.js).
 */
async function resourceTablePlugin() {
  const { RESOURCES } = await import(path.join(ROOT, 'dist', 'api', 'registry.js'));
  const registry = path.join(ROOT, 'dist', 'api', 'registry.js');
  const contents = [
    "import { resourceLookup } from './resource-lookup.js';",
    "export { ALL_VERBS, coreOrGroupApiVersion, qualifiedResource, qualifiedSingular } from './resource-info.js';",
    `export const RESOURCES = ${JSON.stringify(RESOURCES)};`,
    'export const { resolveResource, resourceByKind, resourceByPlural } = resourceLookup(RESOURCES);',
  ].join('\n');
  return {
    name: 'kbx-resource-table',
    setup(b) {
      b.onLoad({ filter: /[\\/]dist[\\/]api[\\/]registry\.js$/ }, (args) => (args.path === registry ? { contents, resolveDir: path.dirname(registry), loader: 'js' } : undefined));
    },
  };
}

async function bundle(entry, outName, plugins = []) {
  const outdir = path.join(ROOT, 'dist', outName);
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    plugins,
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

/**
 * The CLI as one CommonJS file (dist/cli-cjs/cli.cjs), which bin/kbx compiles from V8's code cache: Node 20
 * has no compile cache for ES modules, and one file (its verbs included, compiled lazily) spares the ES
 * module loader's per-module work. import.meta.url is the file's own URL, one level below dist/ as in
 * dist/cli-bundle/, so paths resolved from it (the control plane's script, openapi/) are the same.
 */
async function bundleCjs(entry, outName, file, plugins = []) {
  const outdir = path.join(ROOT, 'dist', outName);
  fs.rmSync(outdir, { recursive: true, force: true });
  await build({
    plugins,
    entryPoints: [path.join(ROOT, 'dist', entry)],
    outfile: path.join(outdir, file),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['dockerode'],
    define: { 'import.meta.url': '__kbxImportMetaUrl' },
    // Less to read and hash at every start; names are kept (profiles, and error names kbx prints).
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: "const __kbxImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}

const cliTable = await resourceTablePlugin();
await bundle('cli/main.js', 'cli-bundle', [cliTable]);
await bundleCjs('cli/main.js', 'cli-cjs', 'cli.cjs', [cliTable]);
await bundle('controlplane/main.js', 'controlplane-bundle');
