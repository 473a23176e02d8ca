import { LoggerService, AuditorService } from '@backstage/backend-plugin-api';
import type { Instance, InstanceHealth } from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { CredentialStore } from '../database/CredentialStore';
import { EventStore } from '../database/EventStore';
import { AdminSessionPool } from '../redis/AdminSessionPool';
import { readHealth } from '../redis/readHealth';
import { targetOf } from '../redis/redisTarget';
import { runLimited } from '../metrics/collect/runLimited';
import { PrimaryFollower } from '../replication/PrimaryFollower';

export interface HealthCheckerDeps {
  instances: InstanceStore;
  credentials: CredentialStore;
  events: EventStore;
  /** Shared with the metrics collector: one admin connection per instance. */
  sessions: AdminSessionPool;
  /** Instances checked at once. */
  concurrency: number;
  auditor: AuditorService;
  logger: LoggerService;
  /** Moves the recorded endpoints of replicated instances to the current primary. */
  primaryFollower?: PrimaryFollower;
  /** Told every check's result: availability history and alerts. */
  onChecked?: (instance: Instance, check: InstanceHealth) => Promise<void>;
}

/**
 * PINGs every serving instance as the control plane's own ACL user, so a
 * check proves the instance answers authenticated commands, not just that a
 * port is open. The same connection reads memory use and uptime for the
 * fleet page and the Redis tab. The connection stays open between checks:
 * a new one per instance every few seconds cost more CPU than everything
 * else the checks do. A server that died or hung fails the next command,
 * which closes the session, and the check after reconnects with a fresh
 * login.
 */
export class HealthChecker {
  readonly #deps: HealthCheckerDeps;

  constructor(deps: HealthCheckerDeps) {
    this.#deps = deps;
  }

  async checkAll(): Promise<void> {
    const targets = await this.#deps.instances.list({
      status: ['running', 'down'],
    });
    await runLimited(targets, this.#deps.concurrency, i => this.check(i.id));
  }

  async check(instanceId: string): Promise<void> {
    const { instances, credentials, sessions, events, logger, auditor } =
      this.#deps;
    const instance = await instances.get(instanceId);
    if (!instance) return;
    const checkedAt = new Date().toISOString();
    const endpoints =
      (await this.#deps.primaryFollower?.follow(instance)) ??
      instance.endpoints;
    const primary = endpoints.find(e => e.role === 'primary');
    let error: string | undefined;
    let usage: { usedMemoryBytes?: number; uptimeSeconds?: number } = {};
    try {
      if (!primary) throw new Error('no endpoint recorded');
      usage = await sessions.run(
        instance.id,
        targetOf(instance, primary),
        () => credentials.get(instance.id, 'admin'),
        readHealth,
      );
    } catch (e) {
      error = (e as Error).message;
    }
    const check: InstanceHealth = { up: !error, checkedAt, error, ...usage };
    const changedTo = await instances.recordHealth(instance.id, check);
    if (changedTo) {
      const message =
        changedTo === 'down'
          ? `Instance ${instance.name} is down: ${error}`
          : `Instance ${instance.name} is up again`;
      logger.info(message);
      await events.add({
        instanceId: instance.id,
        type: changedTo,
        actor: 'health-check',
        message,
      });
      const audit = await auditor.createEvent({
        eventId: 'instance-status-change',
        severityLevel: changedTo === 'down' ? 'high' : 'low',
        meta: { instanceId: instance.id, status: changedTo },
      });
      await audit.success();
    }
    try {
      await this.#deps.onChecked?.({ ...instance, endpoints }, check);
    } catch (e) {
      logger.error(
        `Recording the health check of ${instance.name} failed: ${
          (e as Error).message
        }`,
      );
    }
  }
}
