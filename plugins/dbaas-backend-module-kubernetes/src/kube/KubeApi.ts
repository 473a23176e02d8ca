import {
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { ClusterAccess } from '../config';
import { fromClientModel, toClientModel } from './clientModels';
import { isNotFound, toDriverError } from './errors';

export const FIELD_MANAGER = 'justmanage';

/** An object as read back: plain JSON. */
export type KubeObject = KubernetesObject & Record<string, any>;

const describe = (m: KubeObject) =>
  `${m.kind} ${m.metadata?.namespace}/${m.metadata?.name}`;

const plain = (object: unknown): KubeObject =>
  fromClientModel(object) as KubeObject;

/**
 * The calls the driver makes to one cluster, through client-node's
 * generic object API: server-side apply (with a dry run), read, list by
 * label, delete. Every failure becomes a driver error in Kubernetes' words.
 */
export class KubeApi {
  readonly #api: KubernetesObjectApi;
  /** For streaming calls (port-forward) that the object API does not make. */
  readonly kubeConfig: KubeConfig;

  static fromAccess(access: ClusterAccess): KubeApi {
    const kc = new KubeConfig();
    if (access.kind === 'kubeconfig') {
      kc.loadFromFile(access.path);
      if (access.context) kc.setCurrentContext(access.context);
    } else if (access.kind === 'inCluster') {
      kc.loadFromCluster();
    } else {
      kc.loadFromOptions({
        clusters: [
          {
            name: 'cluster',
            server: access.url,
            caData: access.caData
              ? Buffer.from(access.caData).toString('base64')
              : undefined,
          },
        ],
        users: [{ name: 'driver', token: access.token }],
        contexts: [{ name: 'driver', cluster: 'cluster', user: 'driver' }],
        currentContext: 'driver',
      });
    }
    return new KubeApi(KubernetesObjectApi.makeApiClient(kc), kc);
  }

  private constructor(api: KubernetesObjectApi, kubeConfig: KubeConfig) {
    this.#api = api;
    this.kubeConfig = kubeConfig;
  }

  /** Server-side apply as the `justmanage` field manager, forcing ownership. */
  async apply(
    manifest: KubeObject,
    options: { dryRun?: boolean } = {},
  ): Promise<KubeObject> {
    try {
      const applied = await this.#api.patch(
        toClientModel(structuredClone(manifest)),
        undefined,
        options.dryRun ? 'All' : undefined,
        FIELD_MANAGER,
        true,
        PatchStrategy.ServerSideApply,
      );
      return plain(applied);
    } catch (error) {
      throw toDriverError(
        error,
        `${options.dryRun ? 'dry-running' : 'applying'} ${describe(manifest)}`,
      );
    }
  }

  async read(
    apiVersion: string,
    kind: string,
    namespace: string,
    name: string,
  ): Promise<KubeObject | undefined> {
    try {
      return plain(
        await this.#api.read({
          apiVersion,
          kind,
          metadata: { name, namespace },
        }),
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw toDriverError(error, `reading ${kind} ${namespace}/${name}`);
    }
  }

  async list(
    apiVersion: string,
    kind: string,
    namespace: string,
    labelSelector: string,
  ): Promise<KubeObject[]> {
    try {
      const list = await this.#api.list(
        apiVersion,
        kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        labelSelector,
      );
      return (list.items ?? []).map(plain);
    } catch (error) {
      throw toDriverError(error, `listing ${kind} in ${namespace}`);
    }
  }

  /** Deletes in the background: dependents follow through the garbage collector. Absent is fine. */
  async delete(
    apiVersion: string,
    kind: string,
    namespace: string,
    name: string,
  ): Promise<boolean> {
    try {
      await this.#api.delete(
        { apiVersion, kind, metadata: { name, namespace } },
        undefined,
        undefined,
        undefined,
        undefined,
        'Background',
      );
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw toDriverError(error, `deleting ${kind} ${namespace}/${name}`);
    }
  }
}
