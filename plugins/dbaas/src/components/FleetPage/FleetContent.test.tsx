import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
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
import {
  BACKEND_URL,
  DBAAS_URL,
  makeInstance,
} from '../../__testUtils__/fixtures';
import {
  instancesHandler,
  permissionHandler,
} from '../../__testUtils__/handlers';
import { FleetContent } from './FleetContent';

// availability and alerts, which the pages show beside their own content
const server = setupServer(...monitoringHandlers());
registerMswTestHooks(server);

const cacheA = makeInstance();
const queueB = makeInstance({
  id: 'id-queue-b',
  name: 'queue-b',
  owner: 'group:default/team-b',
  engine: 'valkey',
  version: '8.0.1',
  platform: 'k8s',
  region: 'us-east',
  status: 'down',
  resources: { memoryMb: 1024, cpu: 1, diskGb: 1 },
  health: { up: false, checkedAt: '2025-01-01T00:00:00Z', error: 'refused' },
});

function renderFleet() {
  const client = new DbaasApiClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: mockApis.fetch(),
  });
  return renderInTestApp(<FleetContent />, {
    // permission.enabled makes the app's real permission API ask the backend.
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: { baseUrl: BACKEND_URL },
      permission: { enabled: true },
    },
    apis: [[dbaasApiRef, client], mockApis.identity()],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('FleetContent', () => {
  it('shows progress until the instances arrive', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    server.use(
      permissionHandler('ALLOW'),
      http.get(`${DBAAS_URL}/instances`, async () => {
        await answered;
        return HttpResponse.json({ items: [cacheA] });
      }),
    );
    renderFleet();

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
    expect(screen.queryByText('cache-a')).not.toBeInTheDocument();

    answer();
    expect(await screen.findByText('cache-a')).toBeInTheDocument();
    expect(screen.queryByTestId('progress')).not.toBeInTheDocument();
  });

  it('shows one row per instance with its owner, engine, platform, status and memory', async () => {
    server.use(permissionHandler('ALLOW'), instancesHandler([cacheA, queueB]));
    renderFleet();

    const nameLink = await screen.findByRole('link', { name: 'cache-a' });
    expect(nameLink).toHaveAttribute(
      'href',
      '/catalog/default/resource/cache-a/redis',
    );
    expect(screen.getByText('Instances (2)')).toBeInTheDocument();

    const rowA = nameLink.closest('tr')!;
    expect(within(rowA).getByRole('link', { name: /team-a/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-a',
    );
    expect(within(rowA).getByText('Redis 7.2.4')).toBeInTheDocument();
    expect(within(rowA).getByText('local / eu-1')).toBeInTheDocument();
    expect(within(rowA).getByText('running')).toBeInTheDocument();
    expect(within(rowA).getByLabelText('Status ok')).toBeInTheDocument();
    expect(within(rowA).getByText('12.3 MiB / 256 MiB')).toBeInTheDocument();

    const rowB = screen.getByRole('link', { name: 'queue-b' }).closest('tr')!;
    expect(within(rowB).getByText('Valkey 8.0.1')).toBeInTheDocument();
    expect(within(rowB).getByText('k8s / us-east')).toBeInTheDocument();
    expect(within(rowB).getByText('down')).toBeInTheDocument();
    expect(within(rowB).getByLabelText('Status error')).toBeInTheDocument();
    expect(within(rowB).getByText('- / 1 GiB')).toBeInTheDocument();
  });

  it('says so when there is no instance, offering the New Redis template', async () => {
    server.use(permissionHandler('ALLOW'), instancesHandler([]));
    renderFleet();

    expect(await screen.findByText('No Redis instances')).toBeInTheDocument();
    const buttons = await screen.findAllByRole('button', { name: /New Redis/ });
    // One in the header, one in the empty state.
    expect(buttons).toHaveLength(2);
    for (const button of buttons) {
      expect(button).toHaveAttribute(
        'href',
        '/create/templates/default/new-redis',
      );
    }
  });

  it('shows the error the backend answered with', async () => {
    server.use(
      permissionHandler('ALLOW'),
      http.get(`${DBAAS_URL}/instances`, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'the database is unreachable' },
            request: { method: 'GET', url: '/instances' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    renderFleet();

    expect(
      await screen.findByText(/the database is unreachable/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Instances \(/)).not.toBeInTheDocument();
  });

  it('asks the backend again with the chosen status and owner', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      permissionHandler('ALLOW'),
      instancesHandler([cacheA, queueB], queries),
    );
    renderFleet();
    await screen.findByText('cache-a');
    expect(queries[0].toString()).toBe('');

    await userEvent.selectOptions(
      screen.getByLabelText('Status'),
      screen.getByRole('option', { name: 'down' }),
    );
    await waitFor(() =>
      expect(screen.queryByText('cache-a')).not.toBeInTheDocument(),
    );
    expect(screen.getByText('queue-b')).toBeInTheDocument();
    expect(queries.at(-1)?.get('status')).toBe('down');

    await userEvent.selectOptions(screen.getByLabelText('Status'), '');
    await screen.findByText('cache-a');

    // The owners offered are those of the instances seen.
    const owner = screen.getByLabelText('Owner');
    expect(
      within(owner)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['All owners', 'team-a', 'team-b']);
    await userEvent.selectOptions(owner, 'group:default/team-b');
    await waitFor(() =>
      expect(screen.queryByText('cache-a')).not.toBeInTheDocument(),
    );
    expect(queries.at(-1)?.get('owner')).toBe('group:default/team-b');
    expect(screen.getByText('queue-b')).toBeInTheDocument();
    // Narrowing does not take the other owner out of the select.
    expect(within(owner).getAllByRole('option')).toHaveLength(3);
  });

  it('says the filters match nothing when they do', async () => {
    server.use(permissionHandler('ALLOW'), instancesHandler([cacheA]));
    renderFleet();
    await screen.findByText('cache-a');

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'failed');
    expect(
      await screen.findByText('No instances match these filters'),
    ).toBeInTheDocument();
  });
});
