// The API server's storage layer: Kubernetes' REST semantics over the store.
// uid, creationTimestamp, generation, optimistic concurrency, validation, namespaces' lifecycle,
// graceful deletion and finalizers live here. The HTTP layer and the in-process controllers
// both go through this class, so a controller's write is checked exactly like a user's.
import { randomUUID } from 'node:crypto';
import { Store, ResourceVersionTooOld } from '../store/store.js';
import type { KObject, Pod, WatchEvent } from '../api/types.js';
import { qualifiedResource, RESOURCES, type ResourceInfo } from '../api/registry.js';
import * as errors from '../api/errors.js';
import { decodeErrorFor } from '../api/validation.js';
import { validateEphemeralContainersUpdate } from '../api/validation-ephemeral.js';
import { defaultPod } from '../api/defaults.js';
import { kindOf, validate, validateUpdate } from '../kinds/index.js';
import { generateNameFrom } from '../api/names.js';
import { parseLabelSelector, matchesLabels, parseFieldSelector, matchesFields, labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import { isPatchError, UnsupportedPatchTypeError } from '../api/patch/errors.js';
import { rfc3339, type Clock } from '../util/clock.js';
import type { AdmissionAttributes, AdmissionContext, AdmissionPlugin, AdmissionReader, AuditRecord } from './admission-types.js';

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  subresource?: string;
  /** Called with the object about to be written (and the old one on updates): the API layer records managedFields here. */
  track?: (old: KObject | undefined, obj: KObject) => void;
  /** Where validating admission's warnings go (the API layer sends them as Warning headers). */
  warnings?: string[];
}

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: Propagation;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface WatchOptions extends ListOptions {
  resourceVersion?: string;
  /** Name the object filter applies to (`fieldSelector=metadata.name=x` is the usual way). */
}

export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const NS_INFO = RESOURCES.find((r) => r.kind === 'Namespace')!;
// Every object the registry writes is its own fresh copy, never used after the write: the store keeps it.
const OWNED = { owned: true };

export class Registry {
  /** Admission plugins run on every create, in order (src/admission/; the control plane installs them). */
  admission: AdmissionPlugin[] = [];
  /** Receives the audit annotations admission adds to a request (the control plane writes them to the audit log). */
  audit?: (record: AuditRecord) => void;

  constructor(
    readonly store: Store,
    readonly clock: Clock,
  ) {}

  private readonly admissionReader: AdmissionReader = {
    listKind: (apiVersion, kind, namespace) => {
      const info = RESOURCES.find((r) => r.kind === kind && apiVersionOf(r) === apiVersion);
      return info ? this.list(info, namespace).items : [];
    },
    getObject: (apiVersion, kind, namespace, name) => {
      const info = RESOURCES.find((r) => r.kind === kind && apiVersionOf(r) === apiVersion);
      return info ? this.tryGet(info, namespace, name) : undefined;
    },
  };

  /** Runs the validating plugins on a write that passed the kind's validation. */
  private validateAdmission(attrs: AdmissionAttributes, opts: WriteOptions): void {
    if (!this.admission.some((p) => p.validate)) return;
    const annotations: Record<string, string> = {};
    const ctx: AdmissionContext = {
      warn: (m) => opts.warnings?.push(m),
      audit: (a) => Object.assign(annotations, a),
    };
    try {
      for (const plugin of this.admission) plugin.validate?.(attrs, this.admissionReader, ctx);
    } finally {
      if (this.audit && Object.keys(annotations).length) {
        const m = attrs.obj.metadata;
        this.audit({ verb: attrs.operation === 'CREATE' ? 'create' : 'update', info: attrs.info, namespace: m.namespace, name: m.name ?? '', subresource: attrs.subresource, annotations });
      }
    }
  }

  /** All stored objects of a resource (core group by default), for strategies that derive state (allocations, defaults) from them. */
  private readonly coreLister = (plural: string, group = ''): KObject[] => this.store.list(Store.prefix(group, plural));
  private readonly coreGetter = (plural: string, ns: string | undefined, name: string): KObject | undefined => this.store.get(Store.key('', plural, ns, name));

  key(info: ResourceInfo, ns: string | undefined, name: string): string {
    return Store.key(info.group, info.plural, info.namespaced ? ns : undefined, name);
  }

  get(info: ResourceInfo, ns: string | undefined, name: string): KObject {
    const o = this.store.get(this.key(info, ns, name));
    if (!o) throw errors.notFound(qualifiedResource(info), name);
    return withTypeMeta(info, o);
  }

  tryGet(info: ResourceInfo, ns: string | undefined, name: string): KObject | undefined {
    const o = this.store.get(this.key(info, ns, name));
    return o ? withTypeMeta(info, o) : undefined;
  }

  list(info: ResourceInfo, ns: string | undefined, opts: ListOptions = {}): { items: KObject[]; resourceVersion: string } {
    const filter = this.filter(info, opts);
    const prefix = Store.prefix(info.group, info.plural, info.namespaced ? ns : undefined);
    const rv = String(this.store.resourceVersion);
    const items = this.store.list(prefix).filter(filter).map((o) => withTypeMeta(info, o));
    return { items, resourceVersion: rv };
  }

  /**
   * Like list, for in-process readers that never change what they read (controllers, as an informer's
   * lister): the store's objects without a copy each, so a sync over 10,000 pods costs no clone.
   */
  listShared(info: ResourceInfo, ns: string | undefined, opts: ListOptions = {}): readonly KObject[] {
    const filter = this.filter(info, opts);
    const prefix = Store.prefix(info.group, info.plural, info.namespaced ? ns : undefined);
    return this.store.listShared(prefix).filter(filter).map((o) => withTypeMeta(info, o));
  }

  create(info: ResourceInfo, ns: string | undefined, input: KObject, opts: WriteOptions = {}): KObject {
    const now = this.clock.now();
    const obj = structuredClone(input);
    obj.metadata = obj.metadata ?? {};
    if (info.namespaced) {
      if (obj.metadata.namespace && ns && obj.metadata.namespace !== ns) {
        throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = ns ?? obj.metadata.namespace ?? 'default';
    } else {
      delete obj.metadata.namespace;
    }
    if (!obj.metadata.name && obj.metadata.generateName) {
      // Retry a few times on the (unlikely) collision of a random suffix.
      for (let i = 0; i < 8; i++) {
        const candidate = generateNameFrom(obj.metadata.generateName);
        if (!this.store.get(this.key(info, obj.metadata.namespace, candidate))) {
          obj.metadata.name = candidate;
          break;
        }
      }
    }
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    const strategy = kindOf(info).strategy;
    const decodeErr = decodeErrorFor(obj, info);
    if (decodeErr) throw errors.decodeError(info.kind, info.version, decodeErr);
    // The uid first (FillObjectMetaSystemFields runs before the strategy): a Job's generated selector uses it.
    obj.metadata.uid = randomUUID();
    // Admission sees the object as sent (kbx's pod defaulting also stands in for decode-time defaults).
    for (const plugin of this.admission) plugin.admitCreate?.(info, obj, this.admissionReader);
    strategy.prepareForCreate?.(obj, { now, list: this.coreLister, get: this.coreGetter });
    const errs = validate(obj, info);
    if (errs.length) throw errors.invalid(info.kind, obj.metadata.name ?? '', info.group, errs);
    if (info.namespaced) this.checkNamespaceWritable(obj.metadata.namespace!, info, obj.metadata.name ?? '');
    this.validateAdmission({ operation: 'CREATE', info, obj, dryRun: !!opts.dryRun }, opts);
    const key = this.key(info, obj.metadata.namespace, obj.metadata.name!);
    if (this.store.get(key)) throw errors.alreadyExists(qualifiedResource(info), obj.metadata.name!);
    obj.metadata.creationTimestamp = rfc3339(now);
    obj.metadata.generation = 1;
    delete obj.metadata.deletionTimestamp;
    delete obj.metadata.deletionGracePeriodSeconds;
    delete obj.metadata.resourceVersion;
    if (!strategy.hasStatus && obj.status === undefined) delete obj.status;
    opts.track?.(undefined, obj);
    if (opts.dryRun) return withTypeMeta(info, obj);
    return withTypeMeta(info, this.store.put(key, obj, OWNED));
  }

  /** PUT: replaces the object (or only its status with subresource 'status'). */
  update(info: ResourceInfo, ns: string | undefined, name: string, input: KObject, opts: WriteOptions = {}): KObject {
    const key = this.key(info, ns, name);
    const old = this.store.get(key);
    if (!old) throw errors.notFound(qualifiedResource(info), name);
    if (input.metadata?.name && input.metadata.name !== name) {
      throw errors.badRequest('the name of the object (' + input.metadata.name + ') does not match the name on the URL (' + name + ')');
    }
    const rv = input.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw errors.conflict(qualifiedResource(info), name, errors.OBJECT_MODIFIED);
    }
    return this.commitUpdate(info, key, old, structuredClone(input), opts);
  }

  /**
   * PATCH: `patcher` computes the patched object (the API layer passes the patch engine, loaded
   * when the first PATCH arrives, so the registry does not pay for it at start-up).
   */
  patch(
    info: ResourceInfo,
    ns: string | undefined,
    name: string,
    contentType: string,
    body: unknown,
    opts: WriteOptions & { patcher: (contentType: string, target: unknown, body: unknown, kind: string) => unknown },
  ): KObject {
    const key = this.key(info, ns, name);
    const old = this.store.get(key);
    if (!old) throw errors.notFound(qualifiedResource(info), name);
    let patched: KObject;
    try {
      patched = opts.patcher(contentType, withTypeMeta(info, structuredClone(old)), body, info.kind) as KObject;
    } catch (e) {
      throw patchFailure(e, contentType);
    }
    const rv = patched.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw errors.conflict(qualifiedResource(info), name, errors.OBJECT_MODIFIED);
    }
    return this.commitUpdate(info, key, old, patched, opts);
  }

  /**
   * Read-modify-write for in-process controllers: applies `fn` to the current object and writes it,
   * retrying on conflict. `fn` returns false to skip the write.
   */
  mutate(
    info: ResourceInfo,
    ns: string | undefined,
    name: string,
    fn: (obj: KObject) => boolean | void,
    opts: WriteOptions = {},
  ): KObject | undefined {
    const key = this.key(info, ns, name);
    const old = this.store.get(key);
    if (!old) return undefined;
    const next = structuredClone(old);
    if (fn(next) === false) return withTypeMeta(info, old);
    return this.commitUpdate(info, key, old, next, opts);
  }

  private commitUpdate(info: ResourceInfo, key: string, old: KObject, obj: KObject, opts: WriteOptions): KObject {
    const now = this.clock.now();
    const strategy = kindOf(info).strategy;
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    obj.metadata = obj.metadata ?? {};
    // Identity and server-managed fields cannot be changed by a client.
    for (const f of ['name', 'namespace', 'uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const) {
      const meta = obj.metadata as Record<string, unknown>;
      if (old.metadata[f] === undefined) delete meta[f];
      else meta[f] = old.metadata[f];
    }
    if (opts.subresource === 'binding') {
      // pods/binding: the scheduler sets spec.nodeName and nothing else.
      const nodeName = obj.spec?.nodeName;
      obj = structuredClone(old);
      obj.spec = { ...obj.spec, nodeName };
    } else if (opts.subresource === 'ephemeralcontainers') {
      // pods/ephemeralcontainers: only spec.ephemeralContainers changes, and only by additions.
      const given = obj.spec?.ephemeralContainers;
      const ephemeral = given?.length ? defaultPod({ spec: { containers: [], ephemeralContainers: given } } as unknown as Pod).spec.ephemeralContainers : given;
      obj = structuredClone(old);
      obj.spec = { ...obj.spec, ephemeralContainers: ephemeral };
      if (!ephemeral?.length) delete obj.spec.ephemeralContainers;
      const errs = validateEphemeralContainersUpdate(obj as Pod, old as Pod);
      if (errs.length) throw errors.invalid(info.kind, obj.metadata.name ?? '', info.group, errs);
    } else if (opts.subresource === 'status') {
      // Only status changes through /status; spec and metadata stay as they were.
      const status = obj.status;
      obj = structuredClone(old);
      obj.status = status;
    } else {
      if (strategy.hasStatus) obj.status = structuredClone(old.status);
      strategy.prepareForUpdate?.(obj, old, { now, list: this.coreLister });
      const errs = [...validate(obj, info, { update: true }), ...validateUpdate(old, obj, info)];
      if (errs.length) throw errors.invalid(info.kind, obj.metadata.name ?? '', info.group, errs);
      if (JSON.stringify(obj.spec) !== JSON.stringify(old.spec)) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    this.validateAdmission({ operation: 'UPDATE', info, obj, old, subresource: opts.subresource, dryRun: !!opts.dryRun }, opts);
    opts.track?.(old, obj);
    if (opts.dryRun) return withTypeMeta(info, obj);
    // An object being deleted whose last finalizer went away is removed now.
    if (obj.metadata.deletionTimestamp && !(obj.metadata.finalizers?.length) && !(obj.metadata.deletionGracePeriodSeconds! > 0) && info.kind !== 'Namespace') {
      return withTypeMeta(info, this.store.delete(key) ?? obj);
    }
    if (JSON.stringify(stripRv(obj)) === JSON.stringify(stripRv(old))) return withTypeMeta(info, old); // no-op write
    return withTypeMeta(info, this.store.put(key, obj, OWNED));
  }

  delete(info: ResourceInfo, ns: string | undefined, name: string, opts: DeleteOptions = {}): KObject {
    const key = this.key(info, ns, name);
    const old = this.store.get(key);
    if (!old) throw errors.notFound(qualifiedResource(info), name);
    if (opts.preconditions?.uid && opts.preconditions.uid !== old.metadata.uid) {
      throw errors.conflict(
        qualifiedResource(info),
        name,
        `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${old.metadata.uid}`,
      );
    }
    if (opts.preconditions?.resourceVersion && opts.preconditions.resourceVersion !== old.metadata.resourceVersion) {
      throw errors.conflict(qualifiedResource(info), name, errors.OBJECT_MODIFIED);
    }
    if (info.kind === 'Namespace') return this.deleteNamespace(old, opts);
    const now = this.clock.now();
    const strategy = kindOf(info).strategy;
    const grace = strategy.gracePeriod?.(old, opts.gracePeriodSeconds);
    const obj = structuredClone(old);
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    const propagation = opts.propagationPolicy;
    if (propagation === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (propagation === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');
    const graceful = grace !== undefined && grace > 0;
    if (!graceful && finalizers.length === 0) {
      if (opts.dryRun) return withTypeMeta(info, obj);
      return withTypeMeta(info, this.store.delete(key) ?? obj);
    }
    const deadline = now + (graceful ? grace! * 1000 : 0);
    const current = obj.metadata.deletionTimestamp ? Date.parse(obj.metadata.deletionTimestamp) : undefined;
    if (current === undefined || deadline < current) {
      obj.metadata.deletionTimestamp = rfc3339(deadline);
      obj.metadata.deletionGracePeriodSeconds = graceful ? grace : 0;
    }
    obj.metadata.finalizers = finalizers.length ? finalizers : undefined;
    if (!obj.metadata.finalizers) delete obj.metadata.finalizers;
    // A graceful delete that is shortened to zero with nothing holding it removes the object.
    if (!graceful && !finalizers.length) return withTypeMeta(info, this.store.delete(key) ?? obj);
    if (opts.dryRun) return withTypeMeta(info, obj);
    return withTypeMeta(info, this.store.put(key, obj, OWNED));
  }

  private deleteNamespace(old: KObject, opts: DeleteOptions): KObject {
    const name = old.metadata.name!;
    if (IMMORTAL_NAMESPACES.includes(name)) {
      throw errors.forbidden('namespaces', name, 'this namespace may not be deleted');
    }
    if (old.metadata.deletionTimestamp) {
      throw errors.conflict(
        'namespaces',
        name,
        'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.',
      );
    }
    const obj = structuredClone(old);
    obj.metadata.deletionTimestamp = rfc3339(this.clock.now());
    obj.metadata.deletionGracePeriodSeconds = 0;
    obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    if (opts.dryRun) return withTypeMeta(NS_INFO, obj);
    return withTypeMeta(NS_INFO, this.store.put(this.key(NS_INFO, undefined, name), obj, OWNED));
  }

  /** Removes a namespace whose contents are gone (the namespace controller's last step). */
  finalizeNamespace(name: string): void {
    this.store.delete(this.key(NS_INFO, undefined, name));
  }

  /** Removes an object outright, ignoring grace and finalizers (kubelet's final delete, GC). */
  remove(info: ResourceInfo, ns: string | undefined, name: string, uid?: string): void {
    const key = this.key(info, ns, name);
    const o = this.store.get(key);
    if (!o || (uid && o.metadata.uid !== uid)) return;
    this.store.delete(key);
  }

  /** GET …/scale: the autoscaling/v1 Scale view of a Deployment or ReplicaSet. */
  getScale(info: ResourceInfo, ns: string | undefined, name: string): KObject {
    return scaleOf(this.get(info, ns, name));
  }

  /** PUT or PATCH …/scale: only spec.replicas of the object changes. */
  writeScale(info: ResourceInfo, ns: string | undefined, name: string, next: (scale: KObject) => KObject, opts: WriteOptions = {}): KObject {
    const key = this.key(info, ns, name);
    const old = this.store.get(key);
    if (!old) throw errors.notFound(qualifiedResource(info), name);
    const scale = next(scaleOf(withTypeMeta(info, structuredClone(old))));
    const rv = scale.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw errors.conflict(qualifiedResource(info), name, errors.OBJECT_MODIFIED);
    const replicas = scale.spec?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw errors.invalid('Scale', name, 'autoscaling', [{ type: 'Invalid', field: 'spec.replicas', badValue: replicas, detail: 'must be greater than or equal to 0' } as never]);
    }
    const obj = structuredClone(old);
    obj.spec = { ...obj.spec, replicas };
    return scaleOf(this.commitUpdate(info, key, old, obj, opts));
  }

  /**
   * Streams changes.  /**
   * Streams changes. Without a resourceVersion (or "0") the current objects come first as ADDED.
   * Returns a function that stops the watch.
   */
  watch(info: ResourceInfo, ns: string | undefined, opts: WatchOptions, fn: (e: WatchEvent) => void): () => void {
    const filter = this.filter(info, opts);
    const prefix = Store.prefix(info.group, info.plural, info.namespaced ? ns : undefined);
    const rv = opts.resourceVersion;
    const fromRv = rv && rv !== '0' ? Number(rv) : undefined;
    if (rv && rv !== '0' && !Number.isFinite(fromRv)) throw errors.badRequest(`invalid resource version: ${rv}`);
    // The initial state is the committed one: the watch then continues with every write committed after it.
    const initial = fromRv === undefined ? this.store.listCommitted(prefix) : [];
    for (const o of initial) if (filter(o)) fn({ type: 'ADDED', object: withTypeMeta(info, o) });
    // Remember what matched, so an object that stops matching is reported as DELETED (as the apiserver does).
    const matched = new Set<string>();
    for (const o of initial) if (filter(o)) matched.add(o.metadata.uid!);
    try {
      return this.store.watch(prefix, fromRv, (e) => {
        const ok = filter(e.object);
        const uid = e.object.metadata.uid!;
        const object = withTypeMeta(info, e.object);
        if (e.type === 'DELETED') {
          if (ok || matched.has(uid)) fn({ type: 'DELETED', object });
          matched.delete(uid);
        } else if (ok) {
          fn({ type: matched.has(uid) || e.type === 'MODIFIED' ? e.type : 'ADDED', object });
          matched.add(uid);
        } else if (matched.has(uid)) {
          matched.delete(uid);
          fn({ type: 'DELETED', object });
        }
      });
    } catch (e) {
      if (e instanceof ResourceVersionTooOld) throw errors.gone(e.message);
      throw e;
    }
  }

  private filter(info: ResourceInfo, opts: ListOptions): (o: KObject) => boolean {
    let labelSel: ReturnType<typeof parseLabelSelector> | undefined;
    let fieldSel: ReturnType<typeof parseFieldSelector> | undefined;
    try {
      if (opts.labelSelector) labelSel = parseLabelSelector(opts.labelSelector);
    } catch (e) {
      throw errors.badRequest((e as Error).message);
    }
    try {
      if (opts.fieldSelector) fieldSel = parseFieldSelector(opts.fieldSelector);
    } catch (e) {
      throw errors.badRequest((e as Error).message);
    }
    if (fieldSel) {
      // Reject unknown fields up front, as the apiserver does, instead of matching nothing.
      const probe: KObject = { metadata: {} };
      try {
        matchesFields(fieldSel, probe, info.kind);
      } catch (e) {
        throw errors.badRequest((e as Error).message);
      }
    }
    return (o) =>
      (!labelSel || matchesLabels(labelSel, o.metadata.labels ?? {})) && (!fieldSel || matchesFields(fieldSel, o, info.kind));
  }

  /** Writes in a namespace need it to exist and not be terminating. */
  private checkNamespaceWritable(ns: string, info: ResourceInfo, name: string): void {
    const nsObj = this.store.get(this.key(NS_INFO, undefined, ns));
    if (!nsObj) throw errors.notFound('namespaces', ns);
    if (nsObj.metadata.deletionTimestamp) {
      throw errors.forbiddenCreateInTerminating(ns, qualifiedResource(info), name);
    }
  }
}

export function apiVersionOf(info: ResourceInfo): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

function withTypeMeta(info: ResourceInfo, o: KObject): KObject {
  // apiVersion and kind first, as the API server serialises them.
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return { apiVersion: apiVersionOf(info), kind: info.kind, ...rest } as KObject;
}

function scaleOf(o: KObject): KObject {
  const sel = o.spec?.selector as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
  let selector = '';
  try {
    selector = selectorToString(labelSelectorFromSpec(sel as never));
  } catch {
    selector = '';
  }
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, selector },
  };
}

function stripRv(o: KObject): unknown {
  const { resourceVersion: _rv, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

/** A patch that failed to apply, as the API server answers it (415, 400, else 422). */
export function patchFailure(e: unknown, contentType: string): unknown {
  if (errors.isApiError(e)) return e;
  if (e instanceof UnsupportedPatchTypeError) return errors.unsupportedMediaType(contentType);
  if (isPatchError(e) && e.code === 400) return errors.badRequest(e.message);
  return errors.invalidPatch((e as Error).message);
}
