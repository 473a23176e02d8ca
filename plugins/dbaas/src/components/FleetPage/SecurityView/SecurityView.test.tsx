import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  DbaasApiClient,
  InstanceSecurity,
} from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../../../api';
import { BACKEND_URL, DBAAS_URL } from '../../../__testUtils__/fixtures';
import {
  instancesHandler,
  permissionHandler,
} from '../../../__testUtils__/handlers';
import { FleetContent } from '../FleetContent';

const server = setupServer();
registerMswTestHooks(server);

const critical: InstanceSecurity = {
  instanceId: 'i-1',
  name: 'orders-cache',
  owner: 'group:default/team-a',
  engine: 'redis',
  version: '7.0.15',
  worstSeverity: 'critical',
  advisories: [
    {
      id: 'CVE-2025-49844',
      engine: 'redis',
      severity: 'critical',
      summary: 'Lua use-after-free',
      published: '2025-10-03',
      affected: [{ branch: '7.0' }],
      links: [],
    },
    {
      id: 'CVE-2024-31228',
      engine: 'redis',
      severity: 'medium',
      summary: 'Long patterns crash the server',
      published: '2024-10-07',
      affected: [{ branch: '7.0' }],
      links: [],
    },
  ],
};
const medium: InstanceSecurity = {
  instanceId: 'i-2',
  name: 'queue-b',
  owner: 'group:default/team-b',
  engine: 'valkey',
  version: '8.0.6',
  worstSeverity: 'medium',
  advisories: [
    {
      id: 'CVE-2026-23631',
      engine: 'valkey',
      severity: 'medium',
      summary: 'Lua use-after-free on writable replicas',
      published: '2026-05-05',
      affected: [{ branch: '8.0' }],
      links: [],
    },
  ],
};

function renderFleet() {
  const client = new DbaasApiClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: mockApis.fetch(),
  });
  return renderInTestApp(<FleetContent />, {
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: { baseUrl: BACKEND_URL },
      permission: { enabled: true },
    },
    apis: [[dbaasApiRef, client], mockApis.identity()],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('the fleet page security view', () => {
  it('lists instances with open advisories, worst first, with their severities', async () => {
    server.use(
      permissionHandler('ALLOW'),
      instancesHandler([]),
      http.get(`${DBAAS_URL}/security`, () =>
        HttpResponse.json({ items: [critical, medium] }),
      ),
    );
    await renderFleet();
    await userEvent.click(await screen.findByRole('tab', { name: 'Security' }));

    expect(
      await screen.findByText('2 instances with open advisories'),
    ).toBeInTheDocument();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]).getByRole('link', { name: 'orders-cache' }),
    ).toHaveAttribute('href', '/catalog/default/resource/orders-cache/redis');
    expect(within(rows[0]).getByText('Redis 7.0.15')).toBeInTheDocument();
    expect(within(rows[0]).getByText('critical')).toBeInTheDocument();
    expect(within(rows[0]).getByText('CVE-2025-49844')).toBeInTheDocument();
    expect(within(rows[0]).getByText('CVE-2024-31228')).toBeInTheDocument();
    expect(within(rows[1]).getByText('queue-b')).toBeInTheDocument();
    expect(within(rows[1]).getByText('medium')).toBeInTheDocument();
  });

  it('says so when no instance has an open advisory', async () => {
    server.use(
      permissionHandler('ALLOW'),
      instancesHandler([]),
      http.get(`${DBAAS_URL}/security`, () => HttpResponse.json({ items: [] })),
    );
    await renderFleet();
    await userEvent.click(await screen.findByRole('tab', { name: 'Security' }));
    expect(await screen.findByText('No open advisories')).toBeInTheDocument();
  });
});
