// The data-plane agent's image, built locally (nothing needs pulling on Linux): the Node binary running kbx
// and the shared libraries it links, busybox (for `ip`) from the infrastructure image, and the agent's
// compiled modules. Where the host's Node cannot run in a Linux container (macOS, Windows), the image is
// built FROM node:<major>-alpine instead, which Docker pulls once.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * dist/dataplane, where tsc puts the agent's modules: this module's own directory, or its sibling when this
 * module runs bundled into dist/controlplane-bundle/.
 */
function agentDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', 'dataplane')]) if (existsSync(join(dir, 'agent', 'main.js'))) return dir;
  throw new Error(`the data-plane agent's modules are not next to ${here} (run npm run build)`);
}

/** The agent's modules, relative to dist/dataplane. */
export function agentFiles(): Record<string, Buffer> {
  const HERE = agentDir();
  const out: Record<string, Buffer> = {};
  for (const f of ['protocol.js', 'dns-message.js', 'dns-answer.js', 'netpol-match.js']) out[f] = readFileSync(join(HERE, f));
  for (const f of readdirSync(join(HERE, 'agent')).filter((x) => x.endsWith('.js'))) out[`agent/${f}`] = readFileSync(join(HERE, 'agent', f));
  return out;
}

/** The shared libraries `ldd` names for a binary (empty when ldd is unavailable or the binary is static). */
export function sharedLibraries(binary: string): string[] {
  let text: string;
  try {
    text = execFileSync('ldd', [binary], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return [];
  }
  return parseLdd(text);
}

/** Pure: the absolute paths in ldd's output ("libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)", "/lib64/ld-linux-x86-64.so.2 (0x…)"). */
export function parseLdd(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const m = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
    if (m) out.push(m[1]!);
  }
  return [...new Set(out)];
}

export interface ImagePlan {
  tag: string;
  /** The build context, read only when the image must be built (the Node binary is ~100 MB). */
  files: () => Record<string, Buffer | string>;
  /** The image the Dockerfile starts from (pulled if missing). */
  base: string;
}

const ENTRY = `ip route add local $KBX_SERVICE_CIDR dev lo 2>/dev/null || true; exec`;

/** What to build: from the host's Node binary on Linux x64/arm64, else from the official node image. */
export function imagePlan(toolsImage: string): ImagePlan {
  const app = agentFiles();
  const libs = process.platform === 'linux' ? sharedLibraries(process.execPath) : [];
  const hostNode = process.platform === 'linux' && libs.length > 0;
  const files: Record<string, Buffer | string> = { 'app/package.json': '{"type":"module"}\n' };
  for (const [f, b] of Object.entries(app)) files[`app/dataplane/${f}`] = b;
  const hash = createHash('sha256');
  for (const f of Object.keys(app).sort()) hash.update(f).update(app[f]!);
  let base: string;
  let binaries: () => Record<string, Buffer> = () => ({});
  if (hostNode) {
    base = toolsImage;
    binaries = () => {
      const out: Record<string, Buffer> = { 'rootfs/bin/node*': readFileSync(process.execPath) };
      for (const lib of libs) out[`rootfs${lib}*`] = readFileSync(realpathSync(lib));
      return out;
    };
    hash.update(process.execPath).update(String(statSync(process.execPath).size)).update(process.version).update(process.arch).update(libs.join(','));
    files['Dockerfile'] = [
      `FROM ${toolsImage} AS tools`,
      'FROM scratch',
      'COPY --from=tools /bin/busybox /bin/busybox',
      'COPY rootfs/ /',
      'COPY app/ /app/',
      `ENTRYPOINT ["/bin/busybox", "sh", "-c", "PATH=/bin; busybox ${ENTRY} /bin/node /app/dataplane/agent/main.js"]`,
      '',
    ].join('\n');
  } else {
    base = `node:${process.versions.node.split('.')[0]}-alpine`;
    hash.update(base);
    files['Dockerfile'] = [`FROM ${base}`, 'COPY app/ /app/', `ENTRYPOINT ["/bin/sh", "-c", "${ENTRY} node /app/dataplane/agent/main.js"]`, ''].join('\n');
  }
  hash.update(files['Dockerfile'] as string);
  return { tag: `kbx-dataplane:${hash.digest('hex').slice(0, 12)}`, files: () => ({ ...files, ...binaries() }), base };
}
