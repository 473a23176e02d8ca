import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'net';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { DbaasApiClient, Operation } from '@justmanage/plugin-dbaas-common';
import Redis from 'ioredis';
import {
  ALICE,
  startDbaasTestBackend,
  validCreateBody,
} from '../../__testUtils__/startDbaasTestBackend';
import { spec } from '../../schema/openapi/generated/router';
import { METRICS_COLLECT_TASK } from '../../metrics/startMetrics';
import { VAULT_FOLLOW_TASK } from '../../vault/createVault';
import { TestVault } from '@justmanage/integration-tests/src/platforms/vault';

jest.setTimeout(180_000);

const SCRAPE_TOKEN = 'contract-test-scrape-token-0123456789';
const BACKUP_KEY = 'contract-test-backup-key-0123456789ab';

/** What the calls share: the instance they act on and what they found. */
interface Context {
  api: DbaasApiClient;
  instanceId: string;
  /** An instance created with TLS, for the TLS calls. */
  tlsInstanceId: string;
  tlsModeInstanceId: string;
  valkey: string;
  backupId: string;
  /** A Vault lease IssueVaultCredentials got. */
  leaseId: string;
  followVault(): Promise<void>;
  /** Operations a call started, for the next steps to follow. */
  pending: string[];
  /** Polls an operation through GetOperation until it has ended. */
  ended(operationId: string): Promise<Operation>;
  /** Throws unless the operation succeeded. */
  finish(operationId: string): Promise<void>;
  finishPending(): Promise<void>;
  collectMetrics(): Promise<void>;
}

interface Call {
  operationId: string;
  /** The status openapi.yaml documents for what the call asks. */
  status: number;
  /** Sets the scene; its requests are not the call's. */
  before?(ctx: Context): Promise<unknown>;
  /** The one request of the operation, first of the row. */
  call(ctx: Context): Promise<unknown>;
  /** Waits for what the call started. */
  after?(ctx: Context): Promise<unknown>;
}

/**
 * One call per operation of openapi.yaml, in an order a user could follow,
 * through the generated client against a real backend that checks every
 * response against the document (`dbaas.validateResponses`): a handler
 * answering a field its schema does not describe, or leaving out one it
 * requires, turns the answer into a 500 and fails the call's row.
 */
const calls: Call[] = [
  { operationId: 'GetHealth', status: 200, call: c => c.api.getHealth() },
  {
    operationId: 'ListPlatforms',
    status: 200,
    call: c => c.api.listPlatforms(),
  },
  {
    operationId: 'GetVersionCatalog',
    status: 200,
    call: c => c.api.getVersionCatalog(),
  },
  {
    operationId: 'CreateInstance',
    status: 202,
    call: async c => {
      const created = await c.api.createInstance({
        body: validCreateBody({
          name: 'contract',
          version: '7.0.15+deb12u7',
        }) as any,
      });
      c.instanceId = created.instance.id;
      c.pending = [created.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'GetOperation',
    status: 200,
    call: c => c.api.getOperation(c.pending[0], { query: { waitMs: 100 } }),
  },
  {
    operationId: 'ListInstances',
    status: 200,
    call: c =>
      c.api.listInstances({ query: { owner: 'group:default/team-a' } }),
  },
  {
    operationId: 'GetInstance',
    status: 200,
    call: c => c.api.getInstance(c.instanceId),
  },
  {
    operationId: 'ListOperations',
    status: 200,
    call: c => c.api.listOperations(c.instanceId),
  },
  {
    operationId: 'ListInstanceEvents',
    status: 200,
    call: async c => {
      const { items } = await c.api.listInstanceEvents(c.instanceId, {
        query: { limit: 50 },
      });
      // The history starts with the request that made the instance.
      expect(items.at(-1)).toMatchObject({
        type: 'create-requested',
        actor: expect.stringMatching(/^user:/),
        message: expect.stringContaining('Requested redis'),
      });
    },
  },
  {
    operationId: 'GetConnection',
    status: 200,
    call: async c => {
      // keys for the key scan and the keyspace to find
      const { host, port, username, password } = await c.api.getConnection(
        c.instanceId,
      );
      const redis = new Redis({
        host,
        port,
        username,
        password,
        lazyConnect: true,
      });
      await redis.connect();
      for (let i = 0; i < 50; i++) await redis.set(`user:${i}`, 'x'.repeat(i));
      redis.disconnect();
    },
  },
  {
    operationId: 'GetLatestMetrics',
    status: 200,
    before: c => c.collectMetrics(),
    call: c => c.api.getLatestMetrics(c.instanceId),
  },
  {
    operationId: 'GetMetricSeries',
    status: 200,
    call: c => c.api.getMetricSeries(c.instanceId),
  },
  {
    operationId: 'GetKeyspace',
    status: 200,
    call: c => c.api.getKeyspace(c.instanceId),
  },
  {
    operationId: 'GetSlowLog',
    status: 200,
    call: c => c.api.getSlowLog(c.instanceId, { query: { count: 10 } }),
  },
  {
    operationId: 'GetLatency',
    status: 200,
    call: c => c.api.getLatency(c.instanceId),
  },
  {
    operationId: 'PreviewConfigChange',
    status: 200,
    call: c =>
      c.api.previewConfigChange(c.instanceId, {
        body: { config: { timeout: '300' } },
      }),
  },
  {
    operationId: 'GetReplication',
    status: 200,
    call: c => c.api.getReplication(c.instanceId),
  },
  {
    operationId: 'GetPrometheusMetrics',
    status: 200,
    call: c => c.api.getPrometheusMetrics({ token: SCRAPE_TOKEN }),
  },
  {
    operationId: 'GetFleetStatus',
    status: 200,
    call: c => c.api.getFleetStatus(),
  },
  { operationId: 'ListAlerts', status: 200, call: c => c.api.listAlerts() },
  {
    operationId: 'GetAvailability',
    status: 200,
    call: c => c.api.getAvailability(c.instanceId),
  },
  {
    operationId: 'GetAlertRules',
    status: 200,
    call: c => c.api.getAlertRules(c.instanceId),
  },
  {
    operationId: 'UpdateAlertRules',
    status: 200,
    call: c =>
      c.api.updateAlertRules(c.instanceId, {
        body: { memory: { thresholdPercent: 85 } },
      }),
  },
  {
    operationId: 'ListInstanceAlerts',
    status: 200,
    call: c => c.api.listInstanceAlerts(c.instanceId),
  },
  {
    operationId: 'ListInstanceSecurity',
    status: 200,
    call: c => c.api.listInstanceSecurity(),
  },
  {
    operationId: 'GetInstanceAdvisories',
    status: 200,
    call: c => c.api.getInstanceAdvisories(c.instanceId),
  },
  {
    operationId: 'GetUpgradePlan',
    status: 200,
    call: c => c.api.getUpgradePlan(c.instanceId),
  },
  {
    operationId: 'GetUpgradePolicy',
    status: 200,
    call: c => c.api.getUpgradePolicy(c.instanceId),
  },
  {
    operationId: 'UpdateUpgradePolicy',
    status: 200,
    call: c =>
      c.api.updateUpgradePolicy(c.instanceId, {
        body: { mode: 'auto-patch', windows: ['Sundays 02:00-03:00 IST'] },
      }),
  },
  {
    operationId: 'SnoozeUpgradePolicy',
    status: 200,
    call: c => c.api.snoozeUpgradePolicy(c.instanceId, { body: {} }),
  },
  {
    operationId: 'ListMaintenanceDecisions',
    status: 200,
    call: c => c.api.listMaintenanceDecisions(c.instanceId),
  },
  {
    operationId: 'StartKeyScan',
    status: 202,
    call: async c => {
      const started = await c.api.startKeyScan(c.instanceId, {
        body: { topN: 5 },
      });
      c.pending = [started.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'GetLatestKeyScan',
    status: 200,
    call: c => c.api.getLatestKeyScan(c.instanceId),
  },
  {
    operationId: 'ApplyPendingPatch',
    status: 202,
    call: async c => {
      const patch = await c.api.applyPendingPatch(c.instanceId);
      c.pending = [patch.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'CancelOperation',
    status: 202,
    before: async c => {
      // a scan of 50 keys takes a second here (slowed down in the config)
      const scan = await c.api.startKeyScan(c.instanceId, { body: {} });
      c.pending = [scan.operation.id];
    },
    call: c => c.api.cancelOperation(c.pending[0]),
    after: async c => {
      expect((await c.ended(c.pending[0])).status).toBe('failed');
    },
  },
  {
    operationId: 'UpgradeInstance',
    status: 200,
    call: c =>
      c.api.upgradeInstance(c.instanceId, {
        body: { engine: 'valkey', version: c.valkey, dryRun: true },
      }),
  },
  {
    operationId: 'UpgradeInstance',
    status: 202,
    call: async c => {
      const upgrade = await c.api.upgradeInstance(c.instanceId, {
        body: { engine: 'valkey', version: c.valkey },
      });
      if (!('operation' in upgrade)) throw new Error('no operation');
      c.pending = [upgrade.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'UpdateInstance',
    status: 202,
    call: async c => {
      const resize = await c.api.updateInstance(c.instanceId, {
        body: { resources: { memoryMb: 128 }, description: 'resized' },
      });
      c.pending = [resize.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'ListAclUsers',
    status: 200,
    call: c => c.api.listAclUsers(c.instanceId),
  },
  {
    operationId: 'CreateAclUser',
    status: 202,
    call: async c => {
      const created = await c.api.createAclUser(c.instanceId, {
        body: { username: 'contract', preset: 'read-only', keys: ['c:*'] },
      });
      c.pending = [created.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'GetAclUser',
    status: 200,
    call: c => c.api.getAclUser(c.instanceId, 'contract'),
  },
  {
    operationId: 'GetAclUserConnection',
    status: 200,
    call: c => c.api.getAclUserConnection(c.instanceId, 'contract'),
  },
  {
    operationId: 'UpdateAclUser',
    status: 202,
    call: async c => {
      const changed = await c.api.updateAclUser(c.instanceId, 'contract', {
        body: { preset: 'custom', rules: '~c:* +get +ping' },
      });
      c.pending = [changed.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'RotateAclUserPassword',
    status: 202,
    call: async c => {
      const rotated = await c.api.rotateAclUserPassword(
        c.instanceId,
        'contract',
        { body: { graceSeconds: 60 } },
      );
      c.pending = [rotated.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'SetAclUserRotation',
    status: 200,
    call: c =>
      c.api.setAclUserRotation(c.instanceId, 'contract', {
        body: { everyDays: 30, graceSeconds: 600 },
      }),
  },
  {
    operationId: 'DeleteAclUser',
    status: 202,
    call: async c => {
      const revoked = await c.api.deleteAclUser(c.instanceId, 'contract');
      c.pending = [revoked.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'SetBackupPolicy',
    status: 200,
    call: c =>
      c.api.setBackupPolicy(c.instanceId, {
        body: {
          enabled: true,
          schedule: { dailyAt: '02:30', timeZone: 'Europe/Berlin' },
          retention: { count: 3, maxAgeDays: 7 },
        },
      }),
  },
  {
    operationId: 'CreateBackup',
    status: 202,
    call: async c => {
      const started = await c.api.createBackup(c.instanceId);
      c.backupId = started.backup.id;
      c.pending = [started.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'GetBackupPolicy',
    status: 200,
    call: c => c.api.getBackupPolicy(c.instanceId),
  },
  {
    operationId: 'ListBackups',
    status: 200,
    call: c => c.api.listBackups(c.instanceId),
  },
  {
    operationId: 'AnalyseBackup',
    status: 200,
    call: c =>
      c.api.analyseBackup(c.instanceId, c.backupId, { query: { topN: 5 } }),
  },
  {
    operationId: 'RestoreBackup',
    status: 202,
    call: async c => {
      const restored = await c.api.restoreBackup(c.instanceId, c.backupId, {
        body: { name: 'contract-restored' },
      });
      c.pending = [restored.operation.id];
    },
    after: async c => {
      await c.finishPending();
      const { items } = await c.api.listInstances({
        query: { name: 'contract-restored' },
      });
      const deleted = await c.api.deleteInstance(items[0].id);
      await c.finish(deleted.operation.id);
    },
  },
  {
    operationId: 'RestoreBackupInPlace',
    status: 202,
    call: async c => {
      const restored = await c.api.restoreBackupInPlace(
        c.instanceId,
        c.backupId,
        { body: { confirm: 'contract' } },
      );
      c.pending = [restored.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'DeleteBackup',
    status: 204,
    call: c => c.api.deleteBackup(c.instanceId, c.backupId),
  },
  {
    operationId: 'SetReplicas',
    status: 202,
    call: async c => {
      const grow = await c.api.setReplicas(c.instanceId, {
        body: { replicas: 1 },
      });
      c.pending = [grow.operation.id];
    },
    after: c => c.finishPending(),
  },
  {
    operationId: 'GetInstanceTls',
    status: 200,
    before: async c => {
      const created = await c.api.createInstance({
        body: validCreateBody({ name: 'contract-tls', tls: 'required' }) as any,
      });
      c.tlsInstanceId = created.instance.id;
      await c.finish(created.operation.id);
    },
    call: c => c.api.getInstanceTls(c.tlsInstanceId),
  },
  {
    operationId: 'SetInstanceTlsMode',
    status: 202,
    before: async c => {
      const created = await c.api.createInstance({
        body: validCreateBody({ name: 'contract-tls-mode' }) as any,
      });
      c.tlsModeInstanceId = created.instance.id;
      await c.finish(created.operation.id);
    },
    call: async c => {
      const changed = await c.api.setInstanceTlsMode(c.tlsModeInstanceId, {
        body: { mode: 'preferred' },
      });
      c.pending = [changed.operation.id];
    },
    after: async c => {
      await c.finishPending();
      const deleted = await c.api.deleteInstance(c.tlsModeInstanceId);
      await c.finish(deleted.operation.id);
    },
  },
  {
    operationId: 'RotateInstanceCertificates',
    status: 202,
    call: async c => {
      const rotated = await c.api.rotateInstanceCertificates(c.tlsInstanceId);
      c.pending = [rotated.operation.id];
    },
    after: async c => {
      await c.finishPending();
      const deleted = await c.api.deleteInstance(c.tlsInstanceId);
      await c.finish(deleted.operation.id);
    },
  },
  {
    operationId: 'GetVaultStatus',
    status: 200,
    before: c => c.followVault(),
    call: c => c.api.getVaultStatus(c.instanceId),
  },
  {
    operationId: 'IssueVaultCredentials',
    status: 201,
    call: async c => {
      const issued = await c.api.issueVaultCredentials(c.instanceId, {
        body: { role: 'read-only' },
      });
      c.leaseId = issued.lease.leaseId;
    },
  },
  {
    operationId: 'CreateVaultStaticRole',
    status: 201,
    before: async c => {
      const user = await c.api.createAclUser(c.instanceId, {
        body: { username: 'vaulted', preset: 'read-only' },
      });
      await c.finish(user.operation.id);
    },
    call: c =>
      c.api.createVaultStaticRole(c.instanceId, {
        body: { username: 'vaulted', rotationPeriodSeconds: 3600 },
      }),
  },
  {
    operationId: 'GetVaultStaticCredentials',
    status: 200,
    call: c => c.api.getVaultStaticCredentials(c.instanceId, 'vaulted'),
  },
  {
    operationId: 'DeleteVaultStaticRole',
    status: 204,
    call: c => c.api.deleteVaultStaticRole(c.instanceId, 'vaulted'),
  },
  {
    operationId: 'RenewVaultLease',
    status: 200,
    call: c => c.api.renewVaultLease(c.instanceId, c.leaseId),
  },
  {
    operationId: 'RevokeVaultLease',
    status: 200,
    call: c => c.api.revokeVaultLease(c.instanceId, c.leaseId),
  },
  {
    operationId: 'DeleteInstance',
    status: 202,
    call: async c => {
      const removal = await c.api.deleteInstance(c.instanceId);
      c.pending = [removal.operation.id];
    },
    after: c => c.finishPending(),
  },
];

describe('every operation of openapi.yaml', () => {
  let backend: Awaited<ReturnType<typeof startDbaasTestBackend>>;
  /** Every status the backend answered, polls included. */
  const answered: Array<{ url: string; status: number }> = [];
  const ctx = { pending: [] as string[] } as Context;
  const backupFolder = fs.mkdtempSync(
    path.join(os.tmpdir(), 'dbaas-contract-backups-'),
  );

  let vault: TestVault;

  beforeAll(async () => {
    vault = await new TestVault({ mounts: ['database'] }).start();
    backend = await startDbaasTestBackend({
      portRange: { start: 18620, end: 18629 },
      local: { engineDirs: ['/opt/justmanage/engines'] },
      dbaas: {
        metrics: { prometheus: { token: SCRAPE_TOKEN } },
        // 50 keys take a second to scan: long enough to cancel a scan
        keyScan: { batchSize: 10, pauseMs: 200 },
        backups: { folder: backupFolder, encryptionKey: BACKUP_KEY },
        vault: { address: vault.url, token: vault.rootToken },
      },
    });
    const { port } = backend.server.address() as AddressInfo;
    ctx.api = new DbaasApiClient({
      discoveryApi: {
        getBaseUrl: async () => `http://127.0.0.1:${port}/api/dbaas`,
      },
      fetchApi: {
        fetch: async (input, init) => {
          const headers = new Headers(init?.headers);
          if (!headers.has('Authorization')) {
            headers.set('Authorization', mockCredentials.user.header(ALICE));
          }
          const response = await fetch(input, { ...init, headers });
          answered.push({ url: String(input), status: response.status });
          return response;
        },
      },
    });
    ctx.ended = async operationId => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const operation = await ctx.api.getOperation(operationId, {
          query: { waitMs: 1000 },
        });
        if (operation.status === 'succeeded' || operation.status === 'failed') {
          return operation;
        }
        if (Date.now() > deadline) {
          throw new Error(`${operation.type} still ${operation.status}`);
        }
      }
    };
    ctx.finish = async operationId => {
      const operation = await ctx.ended(operationId);
      if (operation.status === 'failed') {
        throw new Error(`${operation.type} failed: ${operation.error}`);
      }
    };
    ctx.finishPending = async () => {
      for (const id of ctx.pending) await ctx.finish(id);
    };
    ctx.collectMetrics = () => backend.triggerTask(METRICS_COLLECT_TASK);
    ctx.followVault = () => backend.triggerTask(VAULT_FOLLOW_TASK);
    const { items } = await ctx.api.listPlatforms();
    const valkey = items
      .find(platform => platform.id === 'local')
      ?.engines.find(engine => engine.engine === 'valkey')?.versions[0];
    if (!valkey) throw new Error('no valkey build in /opt/justmanage/engines');
    ctx.valkey = valkey;
  });
  afterAll(async () => {
    await backend?.stop();
    await vault?.stop();
    fs.rmSync(backupFolder, { recursive: true, force: true });
  });

  it('has a call in this table', () => {
    const documented = Object.values(spec.paths).flatMap(methods =>
      Object.values(methods as Record<string, { operationId?: string }>)
        .map(operation => operation.operationId)
        .filter(Boolean),
    );
    expect([...new Set(calls.map(c => c.operationId))].sort()).toEqual(
      [...documented].sort(),
    );
  });

  it.each(calls.map(call => [call.operationId, call.status, call] as const))(
    '%s answers %d as documented',
    async (_operationId, _status, row) => {
      const { operationId, status } = row;
      await row.before?.(ctx);
      const before = answered.length;
      let error: string | undefined;
      try {
        await row.call(ctx);
        await row.after?.(ctx);
      } catch (e) {
        error = e instanceof ResponseError ? e.body.error.message : String(e);
      }
      const own = answered[before];
      expect({ operationId, status: own?.status, error }).toEqual({
        operationId,
        status,
        error: undefined,
      });
    },
  );

  it('never answered a 5xx, polls included', () => {
    expect(answered.filter(a => a.status >= 500)).toEqual([]);
    expect(answered.length).toBeGreaterThan(calls.length);
  });
});
