import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Alert,
  AlertRuleSettings,
  AlertRulesPatch,
  AlertState,
  InstanceAvailability,
  InstanceStatusSummary,
  ConnectionDetails,
  Instance,
  KeyScanReport,
  KeyScanRequest,
  Operation,
  Platform,
  InstanceAdvisories,
  InstanceSecurity,
  UpgradePlan,
  UpgradePreview,
  UpgradeRequest,
  VersionCatalogSnapshot,
  KeyspaceReport,
  MetricSeriesResponse,
  MetricSnapshot,
  ReplicationReport,
  MaintenanceDecision,
  UpgradePolicy,
  UpgradePolicyRequest,
} from '@justmanage/plugin-dbaas-common';
import {
  DbaasAcceptedResponse,
  DbaasApi,
  DbaasInstanceFilter,
  DbaasMetricQuery,
} from './DbaasApi';

/**
 * Talks to /api/dbaas through the app's fetchApi, which adds the user's
 * Backstage token.
 * @public
 */
export class DbaasClient implements DbaasApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async listPlatforms(): Promise<Platform[]> {
    return (await this.#get<{ items: Platform[] }>('/platforms')).items;
  }

  async listInstances(filter: DbaasInstanceFilter = {}): Promise<Instance[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value) query.set(key, value);
    }
    const suffix = query.toString() ? `?${query}` : '';
    return (await this.#get<{ items: Instance[] }>(`/instances${suffix}`))
      .items;
  }

  async getInstance(id: string): Promise<Instance> {
    return this.#get(`/instances/${encodeURIComponent(id)}`);
  }

  async listOperations(instanceId: string): Promise<Operation[]> {
    const path = `/instances/${encodeURIComponent(instanceId)}/operations`;
    return (await this.#get<{ items: Operation[] }>(path)).items;
  }

  async getConnection(instanceId: string): Promise<ConnectionDetails> {
    return this.#get(`/instances/${encodeURIComponent(instanceId)}/connection`);
  }

  async deleteInstance(id: string): Promise<DbaasAcceptedResponse> {
    return this.#request(`/instances/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  async getOperation(
    id: string,
    options: { waitMs?: number } = {},
  ): Promise<Operation> {
    const suffix =
      options.waitMs !== undefined ? `?waitMs=${options.waitMs}` : '';
    return this.#get(`/operations/${encodeURIComponent(id)}${suffix}`);
  }

  async startKeyScan(
    instanceId: string,
    request: KeyScanRequest = {},
  ): Promise<{ operation: Operation }> {
    return this.#request(
      `/instances/${encodeURIComponent(instanceId)}/key-scans`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  async getLatestKeyScan(
    instanceId: string,
  ): Promise<KeyScanReport | undefined> {
    const path = `/instances/${encodeURIComponent(
      instanceId,
    )}/key-scans/latest`;
    try {
      return await this.#get<KeyScanReport>(path);
    } catch (error) {
      // 404 is the answer for an instance never scanned
      if ((error as ResponseError).response?.status === 404) return undefined;
      throw error;
    }
  }

  async cancelOperation(operationId: string): Promise<Operation> {
    return this.#request(
      `/operations/${encodeURIComponent(operationId)}/cancel`,
      { method: 'POST' },
    );
  }

  async getVersionCatalog(): Promise<VersionCatalogSnapshot> {
    return this.#get('/versions');
  }

  async getInstanceAdvisories(instanceId: string): Promise<InstanceAdvisories> {
    return this.#get(`/instances/${encodeURIComponent(instanceId)}/advisories`);
  }

  async getUpgradePlan(instanceId: string): Promise<UpgradePlan> {
    return this.#get(
      `/instances/${encodeURIComponent(instanceId)}/upgrade-plan`,
    );
  }

  async listInstanceSecurity(): Promise<InstanceSecurity[]> {
    return (await this.#get<{ items: InstanceSecurity[] }>('/security')).items;
  }

  async previewUpgrade(
    instanceId: string,
    request: Omit<UpgradeRequest, 'dryRun'>,
  ): Promise<UpgradePreview> {
    return this.#postUpgrade(instanceId, { ...request, dryRun: true });
  }

  async upgradeInstance(
    instanceId: string,
    request: Omit<UpgradeRequest, 'dryRun'>,
  ): Promise<DbaasAcceptedResponse> {
    return this.#postUpgrade(instanceId, request);
  }

  #postUpgrade<T>(instanceId: string, body: UpgradeRequest): Promise<T> {
    return this.#request(
      `/instances/${encodeURIComponent(instanceId)}/upgrade`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
  }

  async getAvailability(instanceId: string): Promise<InstanceAvailability> {
    return this.#get(
      `/instances/${encodeURIComponent(instanceId)}/availability`,
    );
  }

  async getFleetStatus(): Promise<InstanceStatusSummary[]> {
    return (await this.#get<{ items: InstanceStatusSummary[] }>('/status'))
      .items;
  }

  async getAlertRules(instanceId: string): Promise<AlertRuleSettings> {
    return this.#get(
      `/instances/${encodeURIComponent(instanceId)}/alert-rules`,
    );
  }

  async updateAlertRules(
    instanceId: string,
    overrides: AlertRulesPatch,
  ): Promise<AlertRuleSettings> {
    return this.#request(
      `/instances/${encodeURIComponent(instanceId)}/alert-rules`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(overrides),
      },
    );
  }

  async listInstanceAlerts(
    instanceId: string,
    state?: AlertState,
  ): Promise<Alert[]> {
    const suffix = state ? `?state=${state}` : '';
    const path = `/instances/${encodeURIComponent(instanceId)}/alerts${suffix}`;
    return (await this.#get<{ items: Alert[] }>(path)).items;
  }

  async listAlerts(state?: AlertState): Promise<Alert[]> {
    const suffix = state ? `?state=${state}` : '';
    return (await this.#get<{ items: Alert[] }>(`/alerts${suffix}`)).items;
  }

  async getMetricSeries(
    instanceId: string,
    query: DbaasMetricQuery = {},
  ): Promise<MetricSeriesResponse> {
    const params = new URLSearchParams();
    if (query.metrics?.length) params.set('metric', query.metrics.join(','));
    if (query.from) params.set('from', query.from);
    if (query.to) params.set('to', query.to);
    if (query.stepSeconds) params.set('step', String(query.stepSeconds));
    const suffix = params.toString() ? `?${params}` : '';
    return this.#get(
      `/instances/${encodeURIComponent(instanceId)}/metrics${suffix}`,
    );
  }

  async getLatestMetrics(
    instanceId: string,
  ): Promise<MetricSnapshot | undefined> {
    const path = `/instances/${encodeURIComponent(instanceId)}/metrics/latest`;
    try {
      return await this.#get<MetricSnapshot>(path);
    } catch (error) {
      // 404 until the collector has read the instance once
      if ((error as ResponseError).response?.status === 404) return undefined;
      throw error;
    }
  }

  async getKeyspace(instanceId: string): Promise<KeyspaceReport> {
    return this.#get(`/instances/${encodeURIComponent(instanceId)}/keyspace`);
  }

  async getReplication(instanceId: string): Promise<ReplicationReport> {
    return this.#get(
      `/instances/${encodeURIComponent(instanceId)}/replication`,
    );
  }

  async getUpgradePolicy(instanceId: string): Promise<UpgradePolicy> {
    return this.#get(
      `/instances/${encodeURIComponent(instanceId)}/upgrade-policy`,
    );
  }

  async updateUpgradePolicy(
    instanceId: string,
    request: UpgradePolicyRequest,
  ): Promise<UpgradePolicy> {
    return this.#request(
      `/instances/${encodeURIComponent(instanceId)}/upgrade-policy`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  }

  async snoozeUpgradePolicy(
    instanceId: string,
    options: { cancel?: boolean } = {},
  ): Promise<UpgradePolicy> {
    return this.#request(
      `/instances/${encodeURIComponent(instanceId)}/upgrade-policy/snooze`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(options),
      },
    );
  }

  async applyPendingPatch(instanceId: string): Promise<DbaasAcceptedResponse> {
    return this.#request(
      `/instances/${encodeURIComponent(instanceId)}/upgrade-policy/apply-now`,
      { method: 'POST' },
    );
  }

  async listMaintenanceDecisions(
    instanceId: string,
  ): Promise<MaintenanceDecision[]> {
    const path = `/instances/${encodeURIComponent(
      instanceId,
    )}/upgrade-policy/decisions`;
    return (await this.#get<{ items: MaintenanceDecision[] }>(path)).items;
  }

  #get<T>(path: string): Promise<T> {
    return this.#request(path, { method: 'GET' });
  }

  async #request<T>(path: string, init: RequestInit): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('dbaas');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
