import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DbaasClient, DbaasService } from './DbaasClient';

/**
 * How other backend plugins (the catalog module, the scaffolder actions)
 * reach the dbaas backend: over its API, never its database.
 * @public
 */
export const dbaasServiceRef = createServiceRef<DbaasService>({
  id: 'dbaas.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { discovery: coreServices.discovery, auth: coreServices.auth },
      factory: ({ discovery, auth }) => DbaasClient.create({ discovery, auth }),
    }),
});
