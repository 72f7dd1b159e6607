// The kubelet's subpath safety for a volume mount's subPath on a Docker volume.
import fs from 'node:fs';
import path from 'node:path';

/**
 * A subPath must not leave its volume through a symlink a container wrote there (the kubelet's subpath safety):
 * checked where the engine's files are visible from here (a local engine); an engine elsewhere (Docker Desktop's
 * VM) resolves the path itself, with the same rights as the user who runs kbx.
 */
export function checkSubPathInside(mountpoint: string, subPath: string): void {
  let root: string;
  try {
    root = fs.realpathSync(mountpoint);
  } catch {
    return; // not visible from here
  }
  // The deepest part of the path that exists (a dangling symlink counts: the engine would follow it).
  let p = path.join(root, subPath);
  while (p !== root && !lstatOk(p)) p = path.dirname(p);
  let real: string;
  try {
    real = fs.realpathSync(p);
  } catch {
    real = ''; // a dangling symlink: it points outside whatever it is
  }
  if (real !== root && !real.startsWith(root + path.sep)) throw new Error(`failed to prepare subPath "${subPath}": it resolves outside of its volume`);
}

function lstatOk(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

