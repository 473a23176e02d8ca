import { createHash } from 'node:crypto';
import { KINDS } from '../api/kinds';
import { ObjectStore } from '../store/ObjectStore';
import { clone, KubeObject } from '../store/objects';

const kind = (k: string) => KINDS.find(i => i.kind === k)!;
const POD = kind('Pod');
const STS = kind('StatefulSet');
const PVC = kind('PersistentVolumeClaim');

type Obj = Record<string, any>;

export const ordinalOf = (pod: KubeObject) =>
  Number(/-(\d+)$/.exec(pod.metadata.name)?.[1] ?? -1);

const isReady = (pod: Obj) =>
  !pod.metadata.deletionTimestamp &&
  pod.status?.phase === 'Running' &&
  (pod.status?.conditions ?? []).some(
    (c: Obj) => c.type === 'Ready' && c.status === 'True',
  );

/**
 * The StatefulSet controller: pods `<set>-<ordinal>` created one at a time
 * in order (OrderedReady: the next only once the one before is Ready),
 * removed from the highest ordinal down, one PVC per claim template and
 * ordinal that outlives its pod (deleted with the set when
 * persistentVolumeClaimRetentionPolicy.whenDeleted is Delete). With
 * `OnDelete` a changed template reaches a pod only when someone deletes
 * that pod; `RollingUpdate` replaces outdated pods from the highest
 * ordinal down, one Ready pod at a time.
 */
export class StatefulSetController {
  readonly #store: ObjectStore;
  #queued = false;
  #stopped = false;
  readonly #unsubscribe: () => void;

  constructor(store: ObjectStore) {
    this.#store = store;
    this.#unsubscribe = store.onChange((_type, object) => {
      if (['StatefulSet', 'Pod'].includes(object.kind)) this.#queue();
    });
  }

  stop() {
    this.#stopped = true;
    this.#unsubscribe();
  }

  #queue() {
    if (this.#queued || this.#stopped) return;
    this.#queued = true;
    setImmediate(() => {
      this.#queued = false;
      if (this.#stopped) return;
      for (const set of this.#store.list(STS)) this.#reconcile(set);
    });
  }

  #reconcile(set: KubeObject) {
    const spec = set.spec as Obj;
    const ns = set.metadata.namespace!;
    const replicas: number = spec.replicas ?? 1;
    const revision = `${set.metadata.name}-${createHash('sha256')
      .update(JSON.stringify(spec.template))
      .digest('hex')
      .slice(0, 10)}`;
    const pods = this.#store
      .list(POD, ns)
      .filter(p =>
        p.metadata.ownerReferences?.some(r => r.uid === set.metadata.uid),
      )
      .sort((a, b) => ordinalOf(a) - ordinalOf(b));
    const byOrdinal = new Map(pods.map(p => [ordinalOf(p), p]));
    const terminating = pods.some(p => p.metadata.deletionTimestamp);

    const extra = pods.filter(p => ordinalOf(p) >= replicas).reverse();
    if (extra.length && !terminating) {
      const [highest] = extra;
      this.#store.delete(POD, ns, highest.metadata.name);
      this.#releaseClaims(set, ordinalOf(highest));
    }
    if (!extra.length) {
      for (let i = 0; i < replicas; i++) {
        const pod = byOrdinal.get(i);
        if (!pod) {
          this.#createPod(set, i, revision);
          break;
        }
        const ordered = spec.podManagementPolicy !== 'Parallel';
        if (ordered && !isReady(pod)) break;
      }
    }
    if (spec.updateStrategy?.type !== 'OnDelete' && !terminating) {
      const outdated = pods
        .filter(
          p => p.metadata.labels?.['controller-revision-hash'] !== revision,
        )
        .reverse();
      if (outdated.length && pods.every(isReady))
        this.#store.delete(POD, ns, outdated[0].metadata.name);
    }

    const updated = pods.filter(
      p => p.metadata.labels?.['controller-revision-hash'] === revision,
    );
    this.#store.updateStatus(set, {
      observedGeneration: set.metadata.generation,
      replicas: pods.filter(p => !p.metadata.deletionTimestamp).length,
      readyReplicas: pods.filter(isReady).length,
      availableReplicas: pods.filter(isReady).length,
      currentReplicas: updated.length,
      updatedReplicas: updated.length,
      currentRevision: (set.status as Obj)?.currentRevision ?? revision,
      updateRevision: revision,
    });
  }

  #createPod(set: KubeObject, ordinal: number, revision: string) {
    const spec = set.spec as Obj;
    const ns = set.metadata.namespace!;
    const name = `${set.metadata.name}-${ordinal}`;
    const template = clone(spec.template ?? {});
    const claims: Obj[] = spec.volumeClaimTemplates ?? [];
    const owner = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: set.metadata.name,
      uid: set.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    };
    for (const claim of claims) {
      const claimName = `${claim.metadata.name}-${name}`;
      if (this.#store.find(PVC, ns, claimName)) continue;
      const deleteWithSet =
        spec.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete';
      this.#store.create(PVC, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name: claimName,
          namespace: ns,
          labels: { ...spec.selector?.matchLabels },
          ...(deleteWithSet ? { ownerReferences: [owner] } : {}),
        },
        spec: clone(claim.spec),
        status: { phase: 'Bound' },
      });
    }
    this.#store.create(POD, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ns,
        labels: {
          ...template.metadata?.labels,
          'controller-revision-hash': revision,
          'statefulset.kubernetes.io/pod-name': name,
          'apps.kubernetes.io/pod-index': String(ordinal),
        },
        annotations: template.metadata?.annotations,
        ownerReferences: [owner],
      },
      spec: {
        ...template.spec,
        hostname: name,
        subdomain: spec.serviceName,
        volumes: [
          ...(template.spec?.volumes ?? []),
          ...claims.map(c => ({
            name: c.metadata.name,
            persistentVolumeClaim: { claimName: `${c.metadata.name}-${name}` },
          })),
        ],
      },
      status: { phase: 'Pending' },
    });
  }

  /** whenScaled: Delete removes a scaled-away ordinal's claims. */
  #releaseClaims(set: KubeObject, ordinal: number) {
    const spec = set.spec as Obj;
    if (spec.persistentVolumeClaimRetentionPolicy?.whenScaled !== 'Delete')
      return;
    for (const claim of spec.volumeClaimTemplates ?? []) {
      const found = this.#store.find(
        PVC,
        set.metadata.namespace,
        `${claim.metadata.name}-${set.metadata.name}-${ordinal}`,
      );
      if (found) this.#store.remove(found);
    }
  }
}
