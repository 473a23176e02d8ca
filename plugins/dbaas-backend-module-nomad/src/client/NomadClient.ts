import { NotFoundError } from '@backstage/errors';
import {
  NomadConnection,
  NomadTransport,
  QueryOptions,
  QueryResult,
} from './transport';
import {
  NomadAclToken,
  NomadAllocation,
  NomadAllocResourceUsage,
  NomadCheckResult,
  NomadDeployment,
  NomadEvaluation,
  NomadJob,
  NomadJobListStub,
  NomadJobPlanResponse,
  NomadJobRegisterResponse,
  NomadJobVersionsResponse,
  NomadNamespace,
  NomadVariable,
} from './types';

const job = (id: string) => `/v1/job/${encodeURIComponent(id)}`;
/** Variable paths keep their slashes: they are part of the path. */
const variable = (path: string) =>
  `/v1/var/${path.split('/').map(encodeURIComponent).join('/')}`;

/** Resolves a 404 to `undefined`, for reads where "not there" is an answer. */
async function orAbsent<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

/**
 * A typed client for the parts of Nomad's HTTP API the driver uses, on the
 * platform's fetch. One client talks to one namespace of one region.
 * Reads that support blocking queries take {@link QueryOptions} and answer
 * with the `X-Nomad-Index` they were served at.
 * @public
 */
export class NomadClient {
  readonly #http: NomadTransport;

  static create(connection: NomadConnection): NomadClient {
    return new NomadClient(new NomadTransport(connection));
  }

  private constructor(transport: NomadTransport) {
    this.#http = transport;
  }

  get namespace(): string {
    return this.#http.namespace;
  }

  // Jobs

  listJobs(
    prefix: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadJobListStub[]>> {
    return this.#http.send({
      method: 'GET',
      path: '/v1/jobs',
      query: { prefix, meta: true },
      blocking: q,
    });
  }

  /** The job, or `undefined` when Nomad has none by that id. */
  async readJob(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadJob> | undefined> {
    return orAbsent(
      this.#http.send<NomadJob>({ method: 'GET', path: job(id), blocking: q }),
    );
  }

  /**
   * Registers (creates or updates) a job. With `enforceIndex`, Nomad only
   * registers it if the job's current `JobModifyIndex` is that value (0: only
   * if the job is new), and refuses otherwise with an error the client maps
   * to a ConflictError.
   */
  async registerJob(
    spec: NomadJob,
    options: { enforceIndex?: number } = {},
  ): Promise<NomadJobRegisterResponse> {
    const enforce = options.enforceIndex !== undefined;
    const { value } = await this.#http.send<NomadJobRegisterResponse>({
      method: 'POST',
      path: job(spec.ID),
      body: {
        Job: spec,
        ...(enforce
          ? { EnforceIndex: true, JobModifyIndex: options.enforceIndex }
          : {}),
      },
    });
    return value;
  }

  /** A dry run of the scheduler, with the diff against the registered job. */
  async planJob(spec: NomadJob): Promise<NomadJobPlanResponse> {
    const { value } = await this.#http.send<NomadJobPlanResponse>({
      method: 'POST',
      path: `${job(spec.ID)}/plan`,
      body: { Job: spec, Diff: true },
    });
    return value;
  }

  async jobVersions(
    id: string,
    options: { diffs?: boolean } = {},
  ): Promise<NomadJobVersionsResponse> {
    const { value } = await this.#http.send<NomadJobVersionsResponse>({
      method: 'GET',
      path: `${job(id)}/versions`,
      query: { diffs: options.diffs },
    });
    return value;
  }

  /** Registers `version` again as a new version; `enforcePriorVersion` is a check-and-set. */
  async revertJob(
    id: string,
    version: number,
    options: { enforcePriorVersion?: number } = {},
  ): Promise<NomadJobRegisterResponse> {
    const { value } = await this.#http.send<NomadJobRegisterResponse>({
      method: 'POST',
      path: `${job(id)}/revert`,
      body: {
        JobID: id,
        JobVersion: version,
        EnforcePriorVersion: options.enforcePriorVersion,
      },
    });
    return value;
  }

  /** Stops the job's allocations; with `purge` the job itself is gone at once. */
  async deregisterJob(
    id: string,
    options: { purge?: boolean } = {},
  ): Promise<NomadJobRegisterResponse | undefined> {
    const result = await orAbsent(
      this.#http.send<NomadJobRegisterResponse>({
        method: 'DELETE',
        path: job(id),
        query: { purge: options.purge },
      }),
    );
    return result?.value;
  }

  jobAllocations(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadAllocation[]>> {
    return this.#http.send({
      method: 'GET',
      // Stopped allocations are in the list too: they carry why a node
      // went away. (`all` would add those of an earlier job by this id.)
      path: `${job(id)}/allocations`,
      blocking: q,
    });
  }

  jobEvaluations(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadEvaluation[]>> {
    return this.#http.send({
      method: 'GET',
      path: `${job(id)}/evaluations`,
      blocking: q,
    });
  }

  jobDeployments(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadDeployment[]>> {
    return this.#http.send({
      method: 'GET',
      path: `${job(id)}/deployments`,
      blocking: q,
    });
  }

  // Allocations, evaluations, deployments

  async readAllocation(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadAllocation> | undefined> {
    return orAbsent(
      this.#http.send<NomadAllocation>({
        method: 'GET',
        path: `/v1/allocation/${encodeURIComponent(id)}`,
        blocking: q,
      }),
    );
  }

  /** A file of an allocation's directory, e.g. `alloc/data/dump.rdb` (capability read-fs). */
  async readAllocFile(
    id: string,
    path: string,
    signal?: AbortSignal,
  ): Promise<Buffer> {
    const { value } = await this.#http.send<Buffer>({
      method: 'GET',
      path: `/v1/client/fs/cat/${encodeURIComponent(id)}`,
      query: { path },
      raw: true,
      signal,
    });
    return value;
  }

  /** Nomad-native service checks of an allocation, by check id. */
  async allocationChecks(
    id: string,
  ): Promise<Record<string, NomadCheckResult>> {
    const { value } = await this.#http.send<Record<string, NomadCheckResult>>({
      method: 'GET',
      path: `/v1/client/allocation/${encodeURIComponent(id)}/checks`,
    });
    return value ?? {};
  }

  async allocationStats(id: string): Promise<NomadAllocResourceUsage> {
    const { value } = await this.#http.send<NomadAllocResourceUsage>({
      method: 'GET',
      path: `/v1/client/allocation/${encodeURIComponent(id)}/stats`,
    });
    return value;
  }

  async readEvaluation(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadEvaluation> | undefined> {
    return orAbsent(
      this.#http.send<NomadEvaluation>({
        method: 'GET',
        path: `/v1/evaluation/${encodeURIComponent(id)}`,
        blocking: q,
      }),
    );
  }

  async readDeployment(
    id: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadDeployment> | undefined> {
    return orAbsent(
      this.#http.send<NomadDeployment>({
        method: 'GET',
        path: `/v1/deployment/${encodeURIComponent(id)}`,
        blocking: q,
      }),
    );
  }

  // Variables

  async readVariable(
    path: string,
    q?: QueryOptions,
  ): Promise<QueryResult<NomadVariable> | undefined> {
    return orAbsent(
      this.#http.send<NomadVariable>({
        method: 'GET',
        path: variable(path),
        blocking: q,
      }),
    );
  }

  /** Variables under a path prefix: metadata only, no items. */
  listVariables(
    prefix: string,
    q?: QueryOptions,
  ): Promise<QueryResult<Array<Omit<NomadVariable, 'Items'>>>> {
    return this.#http.send({
      method: 'GET',
      path: '/v1/vars',
      query: { prefix },
      blocking: q,
    });
  }

  /**
   * Creates or replaces a variable. With `cas`, only if its ModifyIndex is
   * that value (0: only if new); a mismatch is a ConflictError.
   */
  async putVariable(
    path: string,
    items: Record<string, string>,
    options: { cas?: number } = {},
  ): Promise<NomadVariable> {
    const { value } = await this.#http.send<NomadVariable>({
      method: 'PUT',
      path: variable(path),
      query: { cas: options.cas },
      body: { Namespace: this.namespace, Path: path, Items: items },
    });
    return value;
  }

  /** Deletes a variable; one that is already gone is success. */
  async deleteVariable(
    path: string,
    options: { cas?: number } = {},
  ): Promise<void> {
    await orAbsent(
      this.#http.send({
        method: 'DELETE',
        path: variable(path),
        query: { cas: options.cas },
      }),
    );
  }

  // Namespaces and ACL

  async listNamespaces(): Promise<NomadNamespace[]> {
    const { value } = await this.#http.send<NomadNamespace[]>({
      method: 'GET',
      path: '/v1/namespaces',
    });
    return value;
  }

  /** The token the client sends, as Nomad knows it. */
  async tokenSelf(): Promise<NomadAclToken> {
    const { value } = await this.#http.send<NomadAclToken>({
      method: 'GET',
      path: '/v1/acl/token/self',
    });
    return value;
  }
}
