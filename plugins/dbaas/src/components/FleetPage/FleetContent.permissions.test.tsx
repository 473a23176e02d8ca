import { screen, waitFor } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { monitoringHandlers } from '../StatusPage/__testUtils__/monitoringHandlers';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../../api';
import { BACKEND_URL, makeInstance } from '../../__testUtils__/fixtures';
import {
  instancesHandler,
  permissionHandler,
} from '../../__testUtils__/handlers';
import { FleetContent } from './FleetContent';

/*
 * A file of its own: usePermission caches decisions for the whole module
 * (SWR), so a denial next to the allowing tests would be served from their
 * cache.
 */

// availability and alerts, which the pages show beside their own content
const server = setupServer(...monitoringHandlers());
registerMswTestHooks(server);

describe('FleetContent without the create permission', () => {
  it('hides New Redis but still lists the instances', async () => {
    const calls: string[][] = [];
    server.use(
      permissionHandler('DENY', calls),
      instancesHandler([makeInstance()]),
    );
    renderInTestApp(<FleetContent />, {
      config: {
        app: { baseUrl: 'http://localhost:3000' },
        backend: { baseUrl: BACKEND_URL },
        permission: { enabled: true },
      },
      apis: [
        [
          dbaasApiRef,
          new DbaasApiClient({
            discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
            fetchApi: mockApis.fetch(),
          }),
        ],
        mockApis.identity(),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    expect(await screen.findByText('cache-a')).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.flat()).toContain('dbaas.instance.create'),
    );
    // Let the denial reach the button before looking for it.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('button', { name: /New Redis/ }),
    ).not.toBeInTheDocument();
  });
});
