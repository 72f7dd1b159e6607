// The user's kubeconfig ($KUBECONFIG's first file, else ~/.kube/config), as kind keeps it: the default cluster
// writes its context there at every start (the port may change) and `kbx cluster reset` removes it; a cluster
// with its own KBX_HOME only when asked (`kbx cluster kubeconfig --merge`). $KBX_HOME/user-kubeconfig.json
// remembers which file and name were written, so reset removes exactly that.
import fs from 'node:fs';
import path from 'node:path';
import { paths, writeFileAtomic } from '../config/home.js';
import { defaultKubeconfigFile, loadKubeconfig, resolveRestConfig } from './kubeconfig.js';
import { mergeEntry, removeEntry } from './kubeconfig-write.js';

export function userKubeconfigFile(env: NodeJS.ProcessEnv = process.env): string {
  const first = (env.KUBECONFIG ?? '').split(path.delimiter).find(Boolean);
  return first || defaultKubeconfigFile(env);
}

const recordFile = (home: string) => path.join(paths(home).home, 'user-kubeconfig.json');

/** Writes cluster, user and context `name` for the cluster of `home` into the user's kubeconfig; returns the file. */
export function mergeIntoUserKubeconfig(home: string, name: string, file = userKubeconfigFile()): string {
  const rc = resolveRestConfig(loadKubeconfig([paths(home).kubeconfig], true));
  mergeEntry(file, {
    name,
    cluster: { 'certificate-authority-data': Buffer.from(rc.ca ?? '').toString('base64'), server: rc.server },
    user: { token: rc.token ?? '' },
    context: { cluster: name, user: name },
  });
  writeFileAtomic(recordFile(home), JSON.stringify({ file: path.resolve(file), name }) + '\n');
  return file;
}

/** Removes what mergeIntoUserKubeconfig wrote for `home`, if anything; returns the file it changed. */
export function removeFromUserKubeconfig(home: string): string | undefined {
  let rec: { file: string; name: string };
  try {
    rec = JSON.parse(fs.readFileSync(recordFile(home), 'utf8')) as { file: string; name: string };
  } catch {
    return undefined;
  }
  const changed = removeEntry(rec.file, rec.name);
  fs.rmSync(recordFile(home), { force: true });
  return changed ? rec.file : undefined;
}
