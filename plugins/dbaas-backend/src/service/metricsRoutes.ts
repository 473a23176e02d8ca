import express from 'express';
import { DbaasRouter } from './DbaasRouter';
import { createHash, timingSafeEqual } from 'node:crypto';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  Instance,
  MetricSeriesResponse,
  dbaasInstanceReadPermission,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { InstanceAuthorizer } from '../permissions/InstanceAuthorizer';
import { InstanceService } from './InstanceService';
import {
  planSeriesQuery,
  SeriesParams,
} from '../metrics/query/planSeriesQuery';
import { renderExposition } from '../metrics/prometheus/renderExposition';
import { Metrics } from '../metrics/startMetrics';

export interface MetricsRouteDeps {
  httpAuth: HttpAuthService;
  authorizer: InstanceAuthorizer;
  service: InstanceService;
  instances: InstanceStore;
  metrics: Metrics;
}

/**
 * Time series, the latest snapshot, keyspace and replication of an
 * instance (read permission), and the fleet in Prometheus text format at
 * GET /metrics for scrapers (static token or Backstage service
 * credentials; the plugin lets the path past Backstage's own check, see
 * plugin.ts, so that a token from config can be accepted here).
 */
export function registerMetricsRoutes(
  router: DbaasRouter,
  deps: MetricsRouteDeps,
): void {
  const { settings } = deps.metrics;

  async function readable(req: express.Request): Promise<Instance> {
    const credentials = await deps.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const instance = await deps.service.get(req.params.instanceId);
    await deps.authorizer.require(
      dbaasInstanceReadPermission,
      instance,
      credentials,
    );
    return instance;
  }

  router.get('/instances/:instanceId/metrics', async (req, res) => {
    const instance = await readable(req);
    const query = planSeriesQuery(instance.id, req.query as SeriesParams, {
      now: Date.now(),
      intervalSeconds: settings.intervalSeconds,
      rawRetentionMs: settings.rawRetentionMs,
      rollupRetentionMs: settings.rollupRetentionMs,
    });
    const body: MetricSeriesResponse = {
      instanceId: instance.id,
      from: new Date(query.fromMs).toISOString(),
      to: new Date(query.toMs).toISOString(),
      stepSeconds: query.stepMs / 1000,
      resolution: query.resolution,
      series: await deps.metrics.series.read(query),
    };
    res.json(body);
  });

  router.get('/instances/:instanceId/metrics/latest', async (req, res) => {
    const instance = await readable(req);
    const snapshot = await deps.metrics.store.latest(instance.id);
    if (!snapshot) {
      throw new NotFoundError(
        `No metrics have been collected from instance ${instance.name} yet`,
      );
    }
    res.json(snapshot);
  });

  router.get('/instances/:instanceId/keyspace', async (req, res) => {
    const instance = await readable(req);
    res.json(await deps.metrics.live.keyspace(instance));
  });

  router.get('/instances/:instanceId/replication', async (req, res) => {
    const instance = await readable(req);
    res.json(await deps.metrics.live.replication(instance));
  });

  const tokenDigest = settings.prometheusToken
    ? digest(`Bearer ${settings.prometheusToken}`)
    : undefined;
  router.get('/metrics', async (req, res) => {
    const header = req.header('authorization');
    const byToken =
      tokenDigest !== undefined &&
      header !== undefined &&
      timingSafeEqual(digest(header), tokenDigest);
    if (!byToken) {
      // Anything else must be a Backstage service: users and anonymous
      // callers are refused with 401/403 by httpAuth.
      await deps.httpAuth.credentials(req, { allow: ['service'] });
    }
    const [readings, instances] = await Promise.all([
      deps.metrics.store.exportedReadings(),
      deps.instances.list(),
    ]);
    res
      .type('text/plain; version=0.0.4; charset=utf-8')
      .send(renderExposition(readings, new Map(instances.map(i => [i.id, i]))));
  });
}

/** Equal-length digests, so the comparison takes the same time for any header. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
