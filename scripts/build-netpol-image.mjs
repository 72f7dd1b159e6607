#!/usr/bin/env node
// node scripts/build-netpol-image.mjs (after npm run build): builds the NetworkPolicy helper image (`nft` only)
// now rather than at the first cluster's start, as scripts/setup.sh does. Prints one line when it built it.
import { DockerRuntime } from '../dist/runtime/docker/docker-runtime.js';
import { ensureNetpolImage } from '../dist/dataplane/netpol-image.js';

try {
  await ensureNetpolImage(new DockerRuntime(), (m) => console.log(`setup: ${m} (the NetworkPolicy helper)`));
} catch (e) {
  console.error(`setup: cannot build the NetworkPolicy helper image: ${e.message}`);
  process.exit(1);
}
