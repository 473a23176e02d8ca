import type { InstanceTls } from '../tls/InstanceTls';
import { Knex } from 'knex';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Driver, DriverContext } from '@justmanage/plugin-dbaas-node';
import { Instance, OperationType } from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { ClaimedOperation, OperationStore } from '../database/OperationStore';
import { CredentialStore } from '../database/CredentialStore';
import { AclUserStore } from '../users/AclUserStore';
import { EventStore } from '../database/EventStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { RedisAdmin } from '../redis/RedisAdmin';

/** Everything a step may use; handed to handlers so they stay plain functions. */
export interface OperationDeps {
  db: Knex;
  instances: InstanceStore;
  operations: OperationStore;
  credentials: CredentialStore;
  users: AclUserStore;
  events: EventStore;
  drivers: DriverRegistry;
  admin: RedisAdmin;
  /** What features keep per instance, removed when it is deleted (see OperationRegistry). */
  registry: InstanceCleanups;
  logger: LoggerService;
  readyTimeoutMs: number;
  /** Instance CAs; needed by instances with TLS. */
  tls?: InstanceTls;
}

/** Removes everything features stored of an instance, in the delete's transaction. */
export interface InstanceCleanups {
  cleanUpInstance(tx: Knex, instanceId: string): Promise<void>;
}

export interface StepContext {
  operation: ClaimedOperation;
  /** Reloaded before every step; undefined once a delete has removed it. */
  instance: Instance | undefined;
  driver: Driver;
  driverContext: DriverContext;
  deps: OperationDeps;
  /** Adds a line to the operation's log, which users see. */
  log(message: string, level?: 'info' | 'warn' | 'error'): Promise<void>;
}

/**
 * One operation type: its named steps, in order, and what to do when it
 * fails for good. Every step must be idempotent: after a crash it runs again.
 */
export interface OperationHandler {
  type: OperationType;
  steps: string[];
  /**
   * Whether users may cancel it while it runs; its steps then end soon
   * after `driverContext.signal` aborts.
   */
  cancellable?: boolean;
  runStep(step: string, ctx: StepContext): Promise<void>;
  /** Leaves the instance in a clean, explained state after a final failure. */
  onFailure(ctx: StepContext, error: Error): Promise<void>;
}
