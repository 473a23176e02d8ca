import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../api';

export const dbaasApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: dbaasApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new DbaasApiClient({ discoveryApi, fetchApi }),
    }),
});
