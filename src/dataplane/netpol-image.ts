// The NetworkPolicy helper's image: `nft` and nothing else. On Linux it is built FROM scratch from the host's
// nft binary (Debian's nftables package) and the shared libraries `ldd` names, so nothing is pulled; elsewhere
// (macOS, Windows: Docker Desktop) or without an nft on the host, FROM alpine with its nftables package,
// which Docker pulls once. A helper container joins a pod's network namespace to load its rules.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { sharedLibraries, type ImagePlan } from './image.js';
import type { ContainerRuntime } from '../runtime/runtime.js';

const HOST_NFT = ['/usr/sbin/nft', '/sbin/nft', '/usr/bin/nft'];
export const NFT_ALPINE_BASE = 'alpine:3.20';

export function netpolImagePlan(): ImagePlan {
  const nft = process.platform === 'linux' ? HOST_NFT.find((p) => existsSync(p)) : undefined;
  const libs = nft ? sharedLibraries(nft) : [];
  const hash = createHash('sha256');
  const files: Record<string, Buffer | string> = {};
  let binaries: () => Record<string, Buffer> = () => ({});
  let base: string;
  if (nft && libs.length) {
    base = '';
    const real = realpathSync(nft);
    hash.update(real).update(String(statSync(real).size)).update(libs.join(','));
    for (const lib of libs) hash.update(String(statSync(realpathSync(lib)).size));
    binaries = () => {
      const out: Record<string, Buffer> = { 'rootfs/bin/nft*': readFileSync(real) };
      for (const lib of libs) out[`rootfs${lib}*`] = readFileSync(realpathSync(lib));
      return out;
    };
    files['Dockerfile'] = ['FROM scratch', 'COPY rootfs/ /', 'ENTRYPOINT ["/bin/nft"]', ''].join('\n');
  } else {
    base = NFT_ALPINE_BASE;
    files['Dockerfile'] = [`FROM ${base}`, 'RUN apk add --no-cache nftables', 'ENTRYPOINT ["/usr/sbin/nft"]', ''].join('\n');
  }
  hash.update(files['Dockerfile'] as string);
  return { tag: `kbx-netpol:${hash.digest('hex').slice(0, 12)}`, files: () => ({ ...files, ...binaries() }), base };
}

/** The helper image's tag, built (its base pulled first when it has one) if the engine lacks it. */
export async function ensureNetpolImage(runtime: ContainerRuntime, log: (m: string) => void): Promise<string> {
  const plan = netpolImagePlan();
  if (await runtime.imagePresent(plan.tag)) return plan.tag;
  if (plan.base && !(await runtime.imagePresent(plan.base))) await runtime.pullImage(plan.base);
  const t0 = Date.now();
  await runtime.buildImage(plan.tag, plan.files());
  log(`built ${plan.tag} in ${Date.now() - t0} ms`);
  return plan.tag;
}
