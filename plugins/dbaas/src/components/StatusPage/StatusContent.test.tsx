import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../../api';
import { monitoringHandlers } from './__testUtils__/monitoringHandlers';
import {
  aSummary,
  anAlert,
  anIncident,
} from './__testUtils__/monitoringFixtures';
import { StatusContent } from './StatusContent';

const BACKEND_URL = 'http://localhost:7007';

const server = setupServer();
registerMswTestHooks(server);

function renderStatus() {
  const client = new DbaasApiClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: mockApis.fetch(),
  });
  return renderInTestApp(<StatusContent />, {
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: { baseUrl: BACKEND_URL },
    },
    apis: [[dbaasApiRef, client], mockApis.identity()],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

/** The table row of an instance (the alert banner links to it too). */
const rowOf = (name: string) =>
  screen
    .getAllByRole('link', { name })
    .map(link => link.closest('tr'))
    .find(Boolean)!;

describe('the fleet status page', () => {
  it('lists every instance up or down with its uptime, the open incident and firing alerts, down ones first', async () => {
    server.use(
      ...monitoringHandlers({
        status: [
          aSummary(),
          aSummary({
            instanceId: 'id-queue-b',
            name: 'queue-b',
            owner: 'group:default/team-b',
            status: 'down',
            up: false,
            uptime24h: 97.5,
            uptime7d: 99.6428,
            openIncident: anIncident(),
            firingAlerts: 1,
          }),
          aSummary({
            instanceId: 'id-new-c',
            name: 'new-c',
            status: 'provisioning',
            up: undefined,
            uptime24h: undefined,
            uptime7d: undefined,
          }),
        ],
        alerts: [anAlert()],
      }),
    );
    renderStatus();

    expect(await screen.findByText('3 instances, 1 down')).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      within(rows[0]).getByRole('link', { name: 'queue-b' }),
    ).toHaveAttribute('href', '/catalog/default/resource/queue-b/redis');

    const down = rowOf('queue-b');
    expect(down).toHaveTextContent('Down');
    expect(down).toHaveTextContent('97.50 %');
    expect(down).toHaveTextContent('99.64 %');
    expect(down).toHaveTextContent(/Down since .* \(12m\)/);
    expect(down).toHaveTextContent('1 firing');
    expect(
      within(down).getByRole('link', { name: /team-b/ }),
    ).toBeInTheDocument();

    const up = rowOf('cache-a');
    expect(up).toHaveTextContent('Up');
    expect(up).toHaveTextContent('100 %');
    // 99.95 stays 99.95, never rounded up to 100
    expect(up).toHaveTextContent('99.95 %');

    expect(rowOf('new-c')).toHaveTextContent('Not checked yet');
    expect(rowOf('new-c')).toHaveTextContent('—');

    const banner = screen.getByRole('alert', { name: 'Firing alerts' });
    expect(banner).toHaveTextContent('1 alert firing');
    expect(banner).toHaveTextContent(
      'queue-b: down for 72 health checks in a row: connect ECONNREFUSED, since 11 minutes ago',
    );
  });

  it('says so when the user may see no instance', async () => {
    server.use(...monitoringHandlers({ status: [] }));
    renderStatus();
    expect(await screen.findByText('No Redis instances')).toBeInTheDocument();
  });

  it('shows the error the backend answered with', async () => {
    server.use(
      http.get(`${BACKEND_URL}/api/dbaas/status`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is locked' },
            request: { method: 'GET', url: '/status' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
      ...monitoringHandlers(),
    );
    renderStatus();
    expect(await screen.findByText(/database is locked/)).toBeInTheDocument();
  });
});
