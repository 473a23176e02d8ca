import { NotFoundError } from '@backstage/errors';
import { StepContext } from './types';
import { waitUntilReplicated } from '../replication/waitUntilReplicated';
import { endpointsOf } from '../topology/endpointsOf';
import { targetOf } from '../redis/redisTarget';

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

/**
 * Polls the driver until the instance serves, then proves it with a PING as
 * the control plane's own user, and records the endpoints. Polling starts
 * fast because a local process is ready in milliseconds, and slows down for
 * platforms that take minutes.
 */
export async function waitUntilReady(ctx: StepContext): Promise<void> {
  const { instance, driver, deps, driverContext } = ctx;
  if (!instance) {
    throw new NotFoundError(`Instance ${ctx.operation.instanceId} is gone`);
  }
  const admin = await deps.credentials.get(instance.id, 'admin');
  if (!admin) {
    throw new Error(`Instance ${instance.name} has no admin credentials`);
  }
  const deadline = Date.now() + deps.readyTimeoutMs;
  let delay = 2;
  let lastProblem = 'not observed yet';
  while (Date.now() < deadline) {
    driverContext.signal.throwIfAborted();
    const observed = await driver.observe(instance.id);
    const endpoints = endpointsOf(observed);
    const primary = endpoints.find(e => e.role === 'primary');
    if (observed.phase === 'running' && primary) {
      try {
        await deps.admin.ping(targetOf(instance, primary), admin);
        if (instance.replicas > 0) {
          await waitUntilReplicated({
            admin: deps.admin,
            login: admin,
            instance,
            endpoints,
            deadline,
            signal: driverContext.signal,
          });
        }
        await deps.instances.setEndpoints(instance.id, endpoints);
        return;
      } catch (error) {
        lastProblem = `PING failed: ${(error as Error).message}`;
      }
    } else {
      lastProblem = `phase ${observed.phase}${
        observed.message ? `: ${observed.message}` : ''
      }`;
      if (observed.phase === 'failed') {
        throw new Error(`Instance failed to start (${lastProblem})`);
      }
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
  throw new Error(
    `Instance was not ready within ${deps.readyTimeoutMs} ms (${lastProblem})`,
  );
}

/** Polls until the platform reports nothing left for the instance. */
export async function waitUntilGone(ctx: StepContext): Promise<void> {
  const { driver, deps, driverContext, operation } = ctx;
  const deadline = Date.now() + deps.readyTimeoutMs;
  let delay = 2;
  while (Date.now() < deadline) {
    driverContext.signal.throwIfAborted();
    const observed = await driver.observe(operation.instanceId);
    if (observed.phase === 'absent') {
      return;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
  throw new Error(
    `Instance resources were still present after ${deps.readyTimeoutMs} ms`,
  );
}
