#!/usr/bin/env node
// Writes src/api/protobuf/messages.ts: the protobuf field numbers of the Kubernetes messages kbx decodes
// (request bodies kubectl/client-go send as application/vnd.kubernetes.protobuf), from the upstream
// generated.proto files of k8s.io/api and k8s.io/apimachinery, with two facts from their types.go: which
// fields are pointers and which are not omitempty (a zero value is then kept, as JSON keeps it), and which
// are inlined in JSON. No npm package ships these files, so the table is generated once and committed:
//
//   node scripts/gen-protobuf-messages.mjs <k8s.io/api checkout> <k8s.io/apimachinery checkout>
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [apiDir, machineryDir] = process.argv.slice(2);
if (!apiDir || !machineryDir) {
  console.error('usage: gen-protobuf-messages.mjs <k8s.io/api dir> <k8s.io/apimachinery dir>');
  process.exit(2);
}

/** The roots: every kind kbx serves, the bodies of its subresources, and DeleteOptions. */
const ROOTS = [
  'k8s.io.api.core.v1.Pod', 'k8s.io.api.core.v1.Service', 'k8s.io.api.core.v1.Endpoints', 'k8s.io.api.core.v1.Namespace',
  'k8s.io.api.core.v1.Event', 'k8s.io.api.core.v1.Node', 'k8s.io.api.core.v1.ConfigMap', 'k8s.io.api.core.v1.Secret',
  'k8s.io.api.core.v1.ServiceAccount', 'k8s.io.api.apps.v1.Deployment', 'k8s.io.api.apps.v1.ReplicaSet',
  'k8s.io.api.discovery.v1.EndpointSlice', 'k8s.io.api.policy.v1.PodDisruptionBudget', 'k8s.io.api.policy.v1.Eviction',
  'k8s.io.api.batch.v1.Job', 'k8s.io.api.batch.v1.CronJob', 'k8s.io.api.autoscaling.v1.Scale',
  'k8s.io.api.authentication.v1.TokenRequest', 'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  'k8s.io.api.authentication.v1.SelfSubjectReview', 'k8s.io.api.authorization.v1.SelfSubjectAccessReview',
  'k8s.io.api.authorization.v1.SelfSubjectRulesReview', 'k8s.io.api.networking.v1.Ingress', 'k8s.io.api.networking.v1.IngressClass',
  'k8s.io.api.networking.v1.NetworkPolicy', 'k8s.io.api.apps.v1.DaemonSet', 'k8s.io.api.apps.v1.StatefulSet',
  'k8s.io.api.apps.v1.ControllerRevision', 'k8s.io.api.autoscaling.v2.HorizontalPodAutoscaler',
  'k8s.io.api.autoscaling.v1.HorizontalPodAutoscaler', 'k8s.io.api.rbac.v1.Role', 'k8s.io.api.rbac.v1.ClusterRole',
  'k8s.io.api.rbac.v1.RoleBinding', 'k8s.io.api.rbac.v1.ClusterRoleBinding', 'k8s.io.api.core.v1.LimitRange',
  'k8s.io.api.core.v1.ResourceQuota', 'k8s.io.api.scheduling.v1.PriorityClass',
  'k8s.io.api.authorization.v1.SubjectAccessReview', 'k8s.io.api.authorization.v1.LocalSubjectAccessReview',
  'k8s.io.api.authentication.v1.TokenReview', 'k8s.io.api.core.v1.PersistentVolume',
  'k8s.io.api.core.v1.PersistentVolumeClaim', 'k8s.io.api.storage.v1.StorageClass',
];

function walkFiles(dir, name, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkFiles(p, name, out);
    else if (e.name === name) out.push(p);
  }
  return out;
}

// ---- generated.proto: messages and fields ----
const messages = new Map(); // full name → { dir, fields: [{ n, name, type, label, key?, value? }] }
for (const file of [...walkFiles(apiDir, 'generated.proto'), ...walkFiles(machineryDir, 'generated.proto')]) {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
  const pkg = /package ([\w.]+);/.exec(text)?.[1];
  if (!pkg) continue;
  for (const m of text.matchAll(/message (\w+) \{([^}]*)\}/g)) {
    const fields = [];
    for (const f of m[2].matchAll(/(optional|repeated|required)?\s*(map<\s*([\w.]+)\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)/g)) {
      const qualify = (t) => (/^(string|bytes|bool|int32|int64|uint32|uint64|double|float|fixed32|fixed64|sint32|sint64)$/.test(t) ? t : t.startsWith('.') ? t.slice(1) : `${pkg}.${t}`);
      if (f[3]) fields.push({ n: Number(f[6]), name: f[5], label: 'map', key: qualify(f[3]), value: qualify(f[4]) });
      else fields.push({ n: Number(f[6]), name: f[5], label: f[1] ?? 'optional', type: qualify(f[2]) });
    }
    messages.set(`${pkg}.${m[1]}`, { dir: path.dirname(file), fields });
  }
}

// ---- types.go: pointer / omitempty / inline, by Go struct and protobuf field name ----
const goFacts = new Map(); // `${dir}:${Struct}` → Map(field number → { pointer, omitempty, inline, json })
const goFiles = [...walkFiles(apiDir, 'types.go'), ...walkFiles(machineryDir, 'types.go')];
for (const file of goFiles) {
  const text = fs.readFileSync(file, 'utf8');
  for (const s of text.matchAll(/^type (\w+) struct \{([\s\S]*?)^\}/gm)) {
    const facts = new Map();
    for (const line of s[2].split('\n')) {
      const tag = /`([^`]*)`/.exec(line)?.[1];
      const pb = tag && /protobuf:"\w+,(\d+)/.exec(tag);
      if (!pb) continue;
      const json = /json:"([^"]*)"/.exec(tag)?.[1] ?? '';
      const [jsonName, ...opts] = json.split(',');
      const decl = line.replace(/`.*$/, '').trim().split(/\s+/);
      const goType = decl.length >= 2 ? decl[1] : decl[0];
      facts.set(Number(pb[1]), { pointer: goType.startsWith('*'), omitempty: opts.includes('omitempty'), inline: opts.includes('inline') || (decl.length === 1 && !jsonName), json: jsonName });
    }
    goFacts.set(`${path.dirname(file)}:${s[1]}`, facts);
  }
}

// ---- reachable messages from the roots ----
const out = {};
const stack = [...ROOTS];
while (stack.length) {
  const name = stack.pop();
  if (out[name] || !messages.has(name)) continue;
  const msg = messages.get(name);
  const facts = goFacts.get(`${msg.dir}:${name.split('.').pop()}`) ?? new Map();
  const fields = [];
  for (const f of msg.fields) {
    const g = facts.get(f.n) ?? {};
    // [number, json name, type, flags]: flags r = repeated, M = map (type is "key>value"), k = keep zero values, i = inline
    let flags = '';
    let type = f.type;
    if (f.label === 'repeated') flags += 'r';
    if (f.label === 'map') {
      flags += 'M';
      type = `${f.key}>${f.value}`;
      for (const t of [f.key, f.value]) if (messages.has(t)) stack.push(t);
    } else if (messages.has(f.type)) stack.push(f.type);
    if (g.pointer || g.omitempty === false) flags += 'k';
    if (g.inline) flags += 'i';
    fields.push(flags ? [f.n, g.json || f.name, type, flags] : [f.n, g.json || f.name, type]);
  }
  out[name] = fields;
}
for (const r of ROOTS) if (!out[r]) throw new Error(`no message ${r}`);

const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
const body = `// Generated by scripts/gen-protobuf-messages.mjs from k8s.io/api and k8s.io/apimachinery (generated.proto and
// types.go); do not edit. Each message: [field number, JSON name, proto type, flags] with flags r = repeated,
// M = map (type "key>value"), k = keep a zero value (pointer or not omitempty), i = inlined in JSON.
export type FieldSpec = [number, string, string] | [number, string, string, string];

export const MESSAGES: Readonly<Record<string, readonly FieldSpec[]>> = {
${Object.entries(sorted).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n')}
};
`;
const file = path.join(ROOT, 'src', 'api', 'protobuf', 'messages.ts');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, body);
console.log(`${Object.keys(sorted).length} messages → ${path.relative(ROOT, file)} (${Math.round(body.length / 1024)} KiB)`);
