// `kubectl describe configmap|secret|serviceaccount` (kubectl v1.35 pkg/describe/describe.go:
// ConfigMapDescriber, SecretDescriber, ServiceAccountDescriber). A Secret's values are never
// printed, only their sizes (a service-account token excepted, as kubectl does).
import type { EventObject, KObject } from '../api/types.js';
import { PrefixWriter, byKey, printAnnotationsMultiline, printLabelsMultiline, writeEvents, type DescribeContext } from './describe.js';

type Obj = Record<string, any>;

const decodedLength = (v: unknown) => (typeof v === 'string' ? Buffer.from(v, 'base64').length : 0);

export function describeConfigMap(cm: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const o = cm as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  const data = (o.data ?? {}) as Obj;
  for (const k of Object.keys(data).sort(byKey)) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${String(data[k] ?? '')}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const bin = (o.binaryData ?? {}) as Obj;
  for (const k of Object.keys(bin).sort(byKey)) w.write(0, `${k}: ${decodedLength(bin[k])} bytes\n`);
  w.write(0, '\n');
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

export function describeSecret(secret: KObject, _events: EventObject[] | undefined, _ctx: DescribeContext): string {
  const o = secret as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${secret.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${secret.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', secret.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', secret.metadata.annotations);
  w.write(0, `\nType:\t${o.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  const data = (o.data ?? {}) as Obj;
  for (const k of Object.keys(data).sort(byKey)) {
    if (k === 'token' && o.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${Buffer.from(String(data[k]), 'base64').toString('utf8')}\n`);
    else w.write(0, `${k}:\t${decodedLength(data[k])} bytes\n`);
  }
  return w.toString();
}

/** ServiceAccountDescriber: `related.tokens` are the service-account-token Secrets naming it (none unless made by hand). */
export function describeServiceAccount(sa: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const o = sa as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sa.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', sa.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
  // kubectl pads the three headers to one width ("Mountable secrets: ") and continues with blanks.
  const list = (title: string, names: string[]) => {
    const header = `${title}:`.padEnd(19);
    if (!names.length) {
      w.write(0, `${header}\t<none>\n`);
      return;
    }
    names.forEach((n, i) => w.write(0, `${i === 0 ? header : ' '.repeat(19)}\t${n}\n`));
  };
  list('Image pull secrets', ((o.imagePullSecrets ?? []) as Obj[]).map((s) => String(s.name ?? '')));
  list('Mountable secrets', ((o.secrets ?? []) as Obj[]).map((s) => String(s.name ?? '')));
  const tokens = ((ctx.related as { tokens?: KObject[] } | undefined)?.tokens ?? []).map((t) => t.metadata.name ?? '');
  list('Tokens', tokens);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
