import { Instance } from '@justmanage/plugin-dbaas-common';
import { StepContext } from './types';
import { buildDriverSpec } from './driverSpec';
import { waitUntilReady } from './waitUntilReady';

/**
 * After a final failure of an operation whose request wrote the new desired
 * state and kept the old in `params.previous`: puts the old back, in the
 * database and on the platform, and records the failure as `eventType`.
 */
export async function restorePrevious(
  ctx: StepContext,
  error: Error,
  event: { type: string; action: string },
): Promise<void> {
  const instance = ctx.instance;
  if (!instance) {
    return;
  }
  const previous = ctx.operation.params.previous as Partial<Instance>;
  const restored: Instance = { ...instance, ...previous };
  await ctx.deps.instances.update(restored);
  try {
    const spec = await buildDriverSpec(restored, ctx.deps);
    await ctx.driver.update(spec, ctx.driverContext);
    await waitUntilReady({ ...ctx, instance: restored });
    await ctx.deps.instances.setStatus(instance.id, 'running');
    await ctx.log('Restored the previous settings');
  } catch (restoreError) {
    await ctx.deps.instances.setStatus(instance.id, 'failed');
    await ctx.log(
      `Could not restore the previous settings: ${
        (restoreError as Error).message
      }`,
      'error',
    );
  }
  await ctx.deps.events.add({
    instanceId: instance.id,
    type: event.type,
    actor: ctx.operation.createdBy,
    message: `${event.action} ${instance.name} failed: ${error.message}`,
  });
}
