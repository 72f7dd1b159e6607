// A volume directory's ownership as the kubelet sets it (SetVolumeOwnership): its mode, and the pod's fsGroup.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The volume's directory gets `mode`; with `gid` (fsGroup) everything in it belongs to that group, directories
 * setgid and group-writable, files group-readable and -writable (the kubelet's SetVolumeOwnership, policy Always).
 * False when the engine's files are not visible from here.
 */
export function setVolumeOwnership(mountpoint: string, mode: number | undefined, gid: number | undefined): boolean {
  try {
    if (!fs.statSync(mountpoint).isDirectory()) return false;
  } catch {
    return false;
  }
  const walk = (p: string, top: boolean): void => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (gid !== undefined) fs.chownSync(p, st.uid, gid);
    if (top && mode !== undefined) fs.chmodSync(p, mode);
    else if (gid !== undefined) fs.chmodSync(p, (st.mode & 0o7777) | (st.isDirectory() ? 0o2070 : 0o060));
    if (st.isDirectory() && gid !== undefined) for (const e of fs.readdirSync(p)) walk(path.join(p, e), false);
  };
  walk(mountpoint, true);
  return true;
}
