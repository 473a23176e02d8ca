import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { DbaasService } from './DbaasService';
import { DefaultDbaasService } from './DefaultDbaasService';

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
      factory: ({ discovery, auth }) =>
        DefaultDbaasService.create({ discovery, auth }),
    }),
});
