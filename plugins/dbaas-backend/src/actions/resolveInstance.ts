import { NotFoundError } from '@backstage/errors';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { DbaasActionDeps } from './types';

/**
 * The instance an action names by id or by name. An unknown one is a 404
 * before any permission is asked, in the order of the REST routes
 * (InstanceService.get, then the authorizer), so both answer alike.
 */
export async function resolveInstance(
  deps: Pick<DbaasActionDeps, 'instances'>,
  idOrName: string,
): Promise<Instance> {
  const instance =
    (await deps.instances.get(idOrName)) ??
    (await deps.instances.getByName(idOrName));
  if (!instance) {
    throw new NotFoundError(`No instance with id or name '${idOrName}'`);
  }
  return instance;
}
