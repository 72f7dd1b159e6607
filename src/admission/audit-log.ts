// The audit log's sink for admission's audit annotations: one audit.k8s.io/v1 Event per annotated
// request, a JSON line in $KBX_HOME/logs/audit.log (kube-apiserver's --audit-log-path format, at the
// Metadata level: no request or response bodies, so no Secret values).
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../registry/admission-types.js';

export function auditEvent(r: AuditRecord, now: Date): Record<string, unknown> {
  const objectRef: Record<string, string> = { resource: r.info.plural, name: r.name, apiGroup: r.info.group, apiVersion: r.info.version };
  if (r.namespace) objectRef.namespace = r.namespace;
  if (r.subresource) objectRef.subresource = r.subresource;
  if (!r.info.group) delete objectRef.apiGroup;
  const ts = now.toISOString().replace(/(\.\d{6})\d*Z$/, '$1Z');
  return {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: randomUUID(),
    stage: 'ResponseComplete',
    verb: r.verb,
    objectRef,
    requestReceivedTimestamp: ts,
    stageTimestamp: ts,
    annotations: r.annotations,
  };
}

/** Appends each record to `file` (mode 0600). */
export function auditLogWriter(file: string): (r: AuditRecord) => void {
  return (r) => {
    try {
      fs.appendFileSync(file, JSON.stringify(auditEvent(r, new Date())) + '\n', { mode: 0o600 });
    } catch {
      /* the audit log is best effort, as a full disk must not refuse writes */
    }
  };
}
