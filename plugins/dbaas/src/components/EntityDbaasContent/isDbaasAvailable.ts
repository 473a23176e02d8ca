import { Entity } from '@backstage/catalog-model';
import { DBAAS_INSTANCE_ID_ANNOTATION } from '@justmanage/plugin-dbaas-common';

/**
 * Whether an entity stands for a dbaas instance, which is what decides
 * that its page gets the Redis tab.
 * @public
 */
export function isDbaasAvailable(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[DBAAS_INSTANCE_ID_ANNOTATION]);
}
