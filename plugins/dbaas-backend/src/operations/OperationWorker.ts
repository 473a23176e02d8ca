import { randomUUID } from 'crypto';
import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { isFinalDriverError } from '@justmanage/plugin-dbaas-node';
import { ClaimedOperation } from '../database/OperationStore';
import { FaultInjector } from './FaultInjector';
import { OperationRegistry } from './OperationRegistry';
import { isFinalError } from './finalErrors';
import { watchForCancel } from './watchForCancel';
import { OperationDeps, StepContext } from './types';

export interface OperationWorkerOptions {
  deps: OperationDeps;
  /** The handler of each operation type. */
  operationTypes: OperationRegistry;
  faults: FaultInjector;
  leaseMs: number;
  pollIntervalMs: number;
  maxStepAttempts: number;
  concurrency: number;
  auditor: AuditorService;
  /** Told when an operation finished, to wake API clients waiting for it. */
  onFinished?: (operationId: string) => void;
}

/**
 * Runs operations step by step. Any number of workers, in any number of
 * backend processes, may share one database: a worker only runs what it has
 * claimed with a lease, renews the lease while it works, and stops the
 * moment it loses it. A crashed worker's lease runs out and another worker
 * resumes at the step that was not recorded as done.
 */
export class OperationWorker {
  readonly #options: OperationWorkerOptions;
  readonly #logger: LoggerService;
  readonly #owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #inFlight = new Map<string, AbortController>();
  #running = false;
  #wake?: () => void;
  #loop?: Promise<void>;

  constructor(options: OperationWorkerOptions) {
    this.#options = options;
    this.#logger = options.deps.logger.child({ component: 'operation-worker' });
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Called after an operation is written, so it starts without a poll delay. */
  kick(): void {
    this.#wake?.();
  }

  /** Aborts what runs and gives the leases back, so another replica resumes at once. */
  async stop(): Promise<void> {
    this.#running = false;
    this.kick();
    for (const controller of this.#inFlight.values()) {
      controller.abort(new Error('Backend is shutting down'));
    }
    await this.#loop;
  }

  async #run(): Promise<void> {
    const tasks = new Set<Promise<void>>();
    while (this.#running) {
      try {
        while (
          this.#running &&
          this.#inFlight.size < this.#options.concurrency
        ) {
          const op = await this.#options.deps.operations.claimNext(
            this.#owner,
            this.#options.leaseMs,
            [...this.#inFlight.keys()],
          );
          if (!op) break;
          const controller = new AbortController();
          this.#inFlight.set(op.id, controller);
          const task = this.#execute(op, controller).finally(() => {
            this.#inFlight.delete(op.id);
            tasks.delete(task);
            this.kick();
          });
          tasks.add(task);
        }
      } catch (error) {
        this.#logger.error(`Could not claim operations: ${error}`);
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, this.#options.pollIntervalMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await Promise.allSettled([...tasks]);
  }

  /** The end of every operation is a state change, so it is audited like a request. */
  async #audit(op: ClaimedOperation, status: string, error?: Error) {
    const event = await this.#options.auditor.createEvent({
      eventId: 'operation',
      severityLevel: 'medium',
      meta: {
        operationId: op.id,
        type: op.type,
        instanceId: op.instanceId,
        actor: op.createdBy,
        status,
      },
    });
    await (error ? event.fail({ error }) : event.success());
  }

  async #execute(op: ClaimedOperation, controller: AbortController) {
    const { deps, faults, leaseMs, maxStepAttempts } = this.#options;
    const handler = this.#options.operationTypes.get(op.type);
    const logger = this.#logger.child({ operation: op.id, type: op.type });
    let leaseLost = false;
    const heartbeat = setInterval(async () => {
      try {
        if (!(await deps.operations.renewLease(op.id, this.#owner, leaseMs))) {
          leaseLost = true;
          controller.abort(new Error('Lease lost'));
        }
      } catch (error) {
        logger.warn(`Could not renew lease: ${error}`);
      }
    }, Math.max(50, Math.floor(leaseMs / 3)));
    const stopWatchingCancel = handler.cancellable
      ? watchForCancel(deps.db, op.id, controller)
      : undefined;

    const log: StepContext['log'] = async (message, level = 'info') => {
      await deps.operations.log(op.id, level, message);
    };
    let ctx: StepContext | undefined;
    let stepIndex = -1;
    try {
      const first = await deps.instances.get(op.instanceId);
      const platform = first?.platform ?? String(op.params.platform ?? '');
      ctx = {
        operation: op,
        instance: first,
        driver: deps.drivers.get(platform),
        driverContext: {
          logger,
          signal: controller.signal,
          log: message => log(message),
        },
        deps,
        log,
      };
      // The row read above is still current for the first step.
      let reread = false;
      for (const [idx, step] of op.steps.entries()) {
        if (step.status === 'succeeded' || step.status === 'skipped') continue;
        stepIndex = idx;
        controller.signal.throwIfAborted();
        await faults.point(op.type, step.name, 'before');
        [ctx.instance] = await Promise.all([
          reread ? deps.instances.get(op.instanceId) : ctx.instance,
          deps.operations.startStep(op.id, idx),
        ]);
        reread = true;
        step.attempts += 1;
        await handler.runStep(step.name, ctx);
        await faults.point(op.type, step.name, 'after');
        controller.signal.throwIfAborted();
        await deps.operations.finishStep(op.id, idx, 'succeeded');
      }
      await deps.operations.finish(op.id, this.#owner, 'succeeded');
      // Waiting clients first: their read of the finished operation runs
      // in the turn this yields, logging and auditing come after.
      this.#options.onFinished?.(op.id);
      await new Promise(resolve => setImmediate(resolve));
      logger.info(`Operation ${op.type} succeeded`);
      await this.#audit(op, 'succeeded');
    } catch (e) {
      const error = isError(e) ? e : new Error(String(e));
      if (leaseLost || !this.#running) {
        // Someone else owns it now, or we are shutting down: not a failure.
        if (!leaseLost) await deps.operations.release(op.id, this.#owner);
        return;
      }
      const step = op.steps[stepIndex];
      // A driver says whether the platform will refuse again (see
      // dbaas-node's errors); the worker's own final errors end it too.
      const permanent = isFinalDriverError(error) || isFinalError(error);
      if (step && !permanent && step.attempts < maxStepAttempts) {
        const backoffMs = 500 * 2 ** (step.attempts - 1);
        await log(
          `Step ${step.name} failed (attempt ${step.attempts} of ${maxStepAttempts}), retrying in ${backoffMs} ms: ${error.message}`,
          'warn',
        );
        await deps.operations.finishStep(
          op.id,
          stepIndex,
          'pending',
          error.message,
        );
        await deps.operations.release(
          op.id,
          this.#owner,
          new Date(Date.now() + backoffMs),
        );
        return;
      }
      logger.warn(`Operation ${op.type} failed: ${error.message}`);
      await log(`Failed: ${error.message}`, 'error');
      if (ctx) {
        try {
          ctx.instance = await deps.instances.get(op.instanceId);
          await handler.onFailure(ctx, error);
        } catch (cleanupError) {
          await log(`Cleanup after failure failed: ${cleanupError}`, 'error');
        }
      }
      if (stepIndex >= 0) {
        await deps.operations.finishStep(
          op.id,
          stepIndex,
          'failed',
          error.message,
        );
      }
      await deps.operations.finish(op.id, this.#owner, 'failed', error.message);
      this.#options.onFinished?.(op.id);
      await this.#audit(op, 'failed', error);
    } finally {
      clearInterval(heartbeat);
      stopWatchingCancel?.();
    }
  }
}
