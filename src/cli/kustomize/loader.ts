// Reading a kustomization's files: relative to its directory and never outside it (kustomize's
// loader restriction, LoadRestrictionsRootOnly), with kustomize's messages.
import fs from 'node:fs';
import path from 'node:path';
import { KustomizeError } from './errors.js';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export class Loader {
  constructor(readonly root: string) {}

  resolve(rel: string): string {
    return path.resolve(this.root, rel);
  }

  /** A file the kustomization names; refused when it lies outside the kustomization's directory. */
  readFile(rel: string): Buffer {
    const abs = this.resolve(rel);
    const real = realOrSelf(abs);
    const root = realOrSelf(this.root);
    if (real !== root && !real.startsWith(root + path.sep)) {
      throw new KustomizeError(`security; file '${real}' is not in or below '${root}'`);
    }
    try {
      return fs.readFileSync(real);
    } catch (e) {
      throw new KustomizeError(`evalsymlink failure on '${abs}' : lstat ${abs}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
    }
  }

  /** The kustomization file of a directory (kustomization.yaml, .yml or Kustomization). */
  static kustomizationFile(dir: string): string | undefined {
    for (const name of KUSTOMIZATION_FILES) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
    return undefined;
  }
}

function realOrSelf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
