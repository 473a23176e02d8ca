import { NotFoundError } from '@backstage/errors';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { StepContext } from './types';

/** The step's instance; a step that needs one fails if it was deleted meanwhile. */
export function requireInstance(ctx: StepContext): Instance {
  if (!ctx.instance) {
    throw new NotFoundError(`Instance ${ctx.operation.instanceId} is gone`);
  }
  return ctx.instance;
}
