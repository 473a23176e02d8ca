import { Instance } from '@justmanage/plugin-dbaas-common';
import { StepContext } from './types';

/**
 * The last step of a change: the instance is running again and the event
 * says what became of it, both or neither, so the history never claims a
 * change the status does not show.
 */
export async function markRunning(
  ctx: StepContext,
  instance: Instance,
  event: { type: string; message: string },
): Promise<void> {
  await ctx.deps.db.transaction(async tx => {
    await ctx.deps.instances.setStatus(instance.id, 'running', tx);
    await ctx.deps.events.add(
      { instanceId: instance.id, actor: ctx.operation.createdBy, ...event },
      tx,
    );
  });
}
