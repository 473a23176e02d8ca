import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { apiVersionOf, KindInfo, kindOf, KINDS } from '../api/kinds';
import {
  alreadyExists,
  badRequest,
  conflict,
  invalid,
  notFound,
} from '../api/status';
import { parseLabelSelector } from './labelSelector';
import { clone, KubeObject, SERVER_METADATA, WatchEventType } from './objects';
import { sameValue } from './fieldSets';
import { serverSideApply } from './serverSideApply';
import { validate } from './validate';

const key = (kind: KindInfo, namespace: string | undefined, name: string) =>
  `${kind.group}/${kind.plural}/${namespace ?? ''}/${name}`;

/** Changes kept for watches to replay, like etcd's history before compaction. */
const HISTORY = 1000;

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
}

export type DeletePropagation = 'Background' | 'Foreground' | 'Orphan';

/**
 * The cluster's state, as etcd and the API server's registry keep it: one
 * resourceVersion sequence for every object, generation bumped on spec
 * changes, validation before every write, dry runs that check and answer
 * without keeping anything, and the garbage collector's cascade over
 * ownerReferences.
 */
export class ObjectStore {
  readonly #objects = new Map<string, KubeObject>();
  readonly #events = new EventEmitter();
  /** Objects whose deletion waits for a controller (a pod's kubelet). */
  readonly #graceful = new Set<string>(['Pod']);
  #version = 1;
  readonly #history: Array<{ type: WatchEventType; object: KubeObject }> = [];

  /** Fills what the server sets on a new object (a Service's clusterIP), as a registry strategy does. */
  #prepareForCreate: (object: KubeObject) => void = () => {};

  constructor() {
    this.#events.setMaxListeners(50);
  }

  onCreate(prepare: (object: KubeObject) => void) {
    this.#prepareForCreate = prepare;
  }

  onChange(
    listener: (type: WatchEventType, object: KubeObject) => void,
  ): () => void {
    this.#events.on('change', listener);
    return () => this.#events.off('change', listener);
  }

  get resourceVersion(): string {
    return String(this.#version);
  }

  get(kind: KindInfo, namespace: string | undefined, name: string) {
    const found = this.#objects.get(key(kind, namespace, name));
    if (!found) throw notFound(kind.plural, kind.group, name);
    return clone(found);
  }

  find(kind: KindInfo, namespace: string | undefined, name: string) {
    const found = this.#objects.get(key(kind, namespace, name));
    return found ? clone(found) : undefined;
  }

  list(kind: KindInfo, namespace?: string, labelSelector?: string | null) {
    const matches = parseLabelSelector(labelSelector ?? null);
    return [...this.#objects.values()]
      .filter(
        o =>
          o.kind === kind.kind &&
          o.apiVersion === apiVersionOf(kind) &&
          (namespace === undefined || o.metadata.namespace === namespace) &&
          matches(o.metadata.labels ?? {}),
      )
      .map(clone);
  }

  create(kind: KindInfo, body: KubeObject, options: WriteOptions = {}) {
    const namespace = kind.namespaced ? body.metadata?.namespace : undefined;
    this.#checkBody(kind, body, namespace);
    const name = body.metadata.name;
    if (this.#objects.has(key(kind, namespace, name)))
      throw alreadyExists(kind.plural, kind.group, name);
    const object = this.#fresh(kind, body, namespace);
    this.#validate(kind, object);
    if (options.dryRun) return object;
    this.#prepareForCreate(object);
    return this.#write(object, 'ADDED');
  }

  /** PUT: optimistic concurrency on metadata.resourceVersion when the body carries one. */
  replace(kind: KindInfo, body: KubeObject, options: WriteOptions = {}) {
    const namespace = kind.namespaced ? body.metadata?.namespace : undefined;
    this.#checkBody(kind, body, namespace);
    const live = this.get(kind, namespace, body.metadata.name);
    const wanted = body.metadata.resourceVersion;
    if (wanted && wanted !== live.metadata.resourceVersion) {
      throw conflict(
        kind.plural,
        kind.group,
        live.metadata.name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    const next = clone(body);
    for (const field of SERVER_METADATA)
      (next.metadata as Record<string, unknown>)[field] = live.metadata[field];
    if ('status' in live && !('status' in body)) next.status = live.status;
    this.#validate(kind, next, live);
    if (options.dryRun) return next;
    return this.#update(live, next);
  }

  /** Server-side apply (PATCH application/apply-patch+yaml). */
  apply(
    kind: KindInfo,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    options: WriteOptions & { force?: boolean },
  ) {
    if (!options.fieldManager) {
      throw badRequest(
        'PATCH, application/apply-patch+yaml: fieldManager is required for apply requests',
      );
    }
    this.#checkBody(kind, body, namespace, name);
    const live = this.find(kind, namespace, name);
    const wanted = body.metadata.resourceVersion;
    if (live && wanted && wanted !== live.metadata.resourceVersion) {
      throw conflict(
        kind.plural,
        kind.group,
        name,
        'the object has been modified; please apply your changes to the latest version and try again',
      );
    }
    const merged = serverSideApply(
      live,
      { ...body, metadata: { ...body.metadata, namespace } },
      {
        manager: options.fieldManager,
        force: !!options.force,
        plural: kind.plural,
        group: kind.group,
      },
    );
    if (!live) {
      const object = this.#fresh(kind, merged, namespace);
      object.metadata.managedFields = merged.metadata.managedFields;
      this.#validate(kind, object);
      if (options.dryRun) return object;
      this.#prepareForCreate(object);
      return this.#write(object, 'ADDED');
    }
    this.#normaliseSecret(merged);
    this.#validate(kind, merged, live);
    if (options.dryRun) return merged;
    return this.#update(live, merged);
  }

  /** Writes an object's status, as a controller does through /status. */
  updateStatus(object: KubeObject, status: unknown) {
    const kind = kindOf(object.apiVersion, object.kind)!;
    const live = this.find(
      kind,
      object.metadata.namespace,
      object.metadata.name,
    );
    if (!live || live.metadata.uid !== object.metadata.uid) return undefined;
    if (sameValue(live.status, status)) return live;
    live.status = clone(status);
    return this.#write(live, 'MODIFIED');
  }

  delete(
    kind: KindInfo,
    namespace: string | undefined,
    name: string,
    options: { dryRun?: boolean; propagationPolicy?: DeletePropagation } = {},
  ): KubeObject {
    const live = this.get(kind, namespace, name);
    if (options.dryRun) return live;
    if (
      this.#graceful.has(kind.kind) &&
      this.#events.listenerCount('graceful')
    ) {
      if (!live.metadata.deletionTimestamp) {
        live.metadata.deletionTimestamp = new Date().toISOString();
        this.#version += 1;
        live.metadata.resourceVersion = String(this.#version);
        this.#write(live, 'MODIFIED');
        this.#events.emit('graceful', live);
      }
      return live;
    }
    this.remove(live, options.propagationPolicy ?? 'Background');
    return live;
  }

  /** Called by whoever finishes a graceful deletion (the kubelet). */
  onGracefulDelete(listener: (object: KubeObject) => void): () => void {
    this.#events.on('graceful', listener);
    return () => this.#events.off('graceful', listener);
  }

  /** Removes an object now; dependents follow unless orphaned (the garbage collector). */
  remove(object: KubeObject, propagation: DeletePropagation = 'Background') {
    const kind = kindOf(object.apiVersion, object.kind)!;
    const k = key(kind, object.metadata.namespace, object.metadata.name);
    const live = this.#objects.get(k);
    if (!live || live.metadata.uid !== object.metadata.uid) return;
    this.#objects.delete(k);
    this.#version += 1;
    const gone = clone(live);
    // A DELETED event carries the resourceVersion of the deletion.
    gone.metadata.resourceVersion = String(this.#version);
    this.#remember('DELETED', gone);
    this.#events.emit('change', 'DELETED', gone);
    const uid = live.metadata.uid;
    for (const dependent of [...this.#objects.values()]) {
      const refs = dependent.metadata.ownerReferences ?? [];
      if (!refs.some(r => r.uid === uid)) continue;
      if (propagation === 'Orphan') {
        const orphan = clone(dependent);
        orphan.metadata.ownerReferences = refs.filter(r => r.uid !== uid);
        this.#update(dependent, orphan);
      } else {
        const depKind = kindOf(dependent.apiVersion, dependent.kind)!;
        this.delete(
          depKind,
          dependent.metadata.namespace,
          dependent.metadata.name,
          {
            propagationPolicy: 'Background',
          },
        );
      }
    }
  }

  /**
   * Changes after `resourceVersion`, for a watch to replay; undefined when
   * that version is older than the history kept (the watch gets 410 Gone).
   */
  changesSince(
    resourceVersion: number,
  ): Array<{ type: WatchEventType; object: KubeObject }> | undefined {
    const oldest = this.#history[0]?.object.metadata.resourceVersion;
    if (oldest !== undefined && resourceVersion < Number(oldest) - 1)
      return undefined;
    return this.#history
      .filter(e => Number(e.object.metadata.resourceVersion) > resourceVersion)
      .map(e => ({ type: e.type, object: clone(e.object) }));
  }

  /** The oldest resourceVersion a watch may still start from. */
  get oldestWatchable(): number {
    const oldest = this.#history[0]?.object.metadata.resourceVersion;
    return oldest === undefined ? this.#version : Number(oldest) - 1;
  }

  /** Forgets history older than the last `keep` changes, as etcd compaction does. */
  compact(keep = 0) {
    this.#history.splice(0, Math.max(0, this.#history.length - keep));
  }

  #remember(type: WatchEventType, object: KubeObject) {
    this.#history.push({ type, object });
    if (this.#history.length > HISTORY) this.#history.shift();
  }

  all(): KubeObject[] {
    return [...this.#objects.values()].map(clone);
  }

  #checkBody(
    kind: KindInfo,
    body: KubeObject,
    namespace: string | undefined,
    urlName?: string,
  ) {
    if (!body || typeof body !== 'object' || !body.metadata) {
      throw badRequest('Object has no metadata');
    }
    if (body.kind !== kind.kind || body.apiVersion !== apiVersionOf(kind)) {
      throw badRequest(
        `the API version in the data (${
          body.apiVersion
        }) does not match the expected API version (${apiVersionOf(kind)})`,
      );
    }
    if (urlName !== undefined && body.metadata.name !== urlName) {
      throw badRequest(
        `the name of the object (${body.metadata.name}) does not match the name on the URL (${urlName})`,
      );
    }
    if (
      body.metadata.namespace &&
      namespace &&
      body.metadata.namespace !== namespace
    ) {
      throw badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    if (kind.namespaced) {
      const ns = KINDS.find(k => k.kind === 'Namespace')!;
      if (!namespace || !this.#objects.has(key(ns, undefined, namespace)))
        throw notFound('namespaces', '', namespace ?? '');
    }
  }

  #fresh(kind: KindInfo, body: KubeObject, namespace?: string): KubeObject {
    const object = clone(body);
    object.metadata = {
      ...object.metadata,
      namespace,
      uid: randomUUID(),
      creationTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      generation: 1,
      managedFields: object.metadata.managedFields,
    };
    if (!kind.namespaced) delete object.metadata.namespace;
    this.#normaliseSecret(object);
    return object;
  }

  #normaliseSecret(object: KubeObject) {
    if (object.kind !== 'Secret' || !object.stringData) return;
    const data = (object.data ?? {}) as Record<string, string>;
    for (const [k, v] of Object.entries(
      object.stringData as Record<string, string>,
    ))
      data[k] = Buffer.from(v).toString('base64');
    object.data = data;
    delete object.stringData;
  }

  #validate(kind: KindInfo, object: KubeObject, live?: KubeObject) {
    const causes = validate(object, live);
    if (causes.length)
      throw invalid(kind.kind, kind.group, object.metadata.name, causes);
  }

  #update(live: KubeObject, next: KubeObject): KubeObject {
    const strip = (o: KubeObject) => ({
      ...o,
      metadata: {
        ...o.metadata,
        managedFields: undefined,
        resourceVersion: undefined,
      },
    });
    const fieldsSame = sameValue(
      (live.metadata.managedFields ?? []).map(e => [e.manager, e.fieldsV1]),
      (next.metadata.managedFields ?? []).map(e => [e.manager, e.fieldsV1]),
    );
    // A write that changes nothing keeps the resourceVersion, as the real server does.
    if (sameValue(strip(live), strip(next)) && fieldsSame) return live;
    const specChanged = !sameValue(
      { ...live, metadata: undefined, status: undefined },
      { ...next, metadata: undefined, status: undefined },
    );
    next.metadata.generation =
      (live.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    return this.#write(next, 'MODIFIED');
  }

  #write(object: KubeObject, type: WatchEventType): KubeObject {
    const kind = kindOf(object.apiVersion, object.kind)!;
    this.#version += 1;
    object.metadata.resourceVersion = String(this.#version);
    this.#objects.set(
      key(kind, object.metadata.namespace, object.metadata.name),
      clone(object),
    );
    this.#remember(type, clone(object));
    this.#events.emit('change', type, clone(object));
    return clone(object);
  }
}
