import { build } from 'esbuild';
const [entry, target] = process.argv.slice(2);
const r = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', external: ['dockerode'], logLevel: 'silent' });
const inputs = r.metafile.inputs;
// BFS over static imports only
const q = [[entry.replace(/^\.\//, ''), [entry]]]; const seen = new Set();
while (q.length) { const [f, chain] = q.shift(); if (seen.has(f)) continue; seen.add(f);
  if (f.includes(target)) { console.log(chain.join('\n  -> ')); break; }
  if (f.endsWith('api/registry.js')) continue; for (const i of inputs[f]?.imports ?? []) if (i.kind === 'import-statement') q.push([i.path, [...chain, i.path]]); }
