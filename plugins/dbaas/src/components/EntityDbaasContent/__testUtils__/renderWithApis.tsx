import {
  configApiRef,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import {
  entityRouteRef,
  EntityProvider,
} from '@backstage/plugin-catalog-react';
import {
  IdentityPermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  mockApis,
  MockFetchApi,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { ReactNode } from 'react';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../../../api';
import { rootRouteRef } from '../../../routes';
import { BACKEND_URL } from './backend';
import { anEntity } from './fixtures';

/**
 * Renders inside a test app with the real client and the real permission
 * API, both talking HTTP to whatever msw handlers the test installed.
 */
export function renderWithApis(
  children: ReactNode,
  options: { entity?: Entity } = {},
) {
  const discoveryApi = mockApis.discovery({ baseUrl: BACKEND_URL });
  const fetchApi = new MockFetchApi();
  const identityApi = mockApis.identity({ token: 'test-token' });
  const configApi = mockApis.config({
    data: { permission: { enabled: true } },
  });
  const permissionApi = IdentityPermissionApi.create({
    config: configApi,
    discovery: discoveryApi,
    identity: identityApi,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [configApiRef, configApi],
        [discoveryApiRef, discoveryApi],
        [fetchApiRef, fetchApi],
        [identityApiRef, identityApi],
        [permissionApiRef, permissionApi],
        [dbaasApiRef, new DbaasApiClient({ discoveryApi, fetchApi })],
      ]}
    >
      <EntityProvider entity={options.entity ?? anEntity('inst-1')}>
        {children}
      </EntityProvider>
    </TestApiProvider>,
    {
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/dbaas': rootRouteRef,
      },
    },
  );
}
