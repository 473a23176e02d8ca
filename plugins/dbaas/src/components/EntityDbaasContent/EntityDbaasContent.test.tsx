import { registerMswTestHooks } from '@backstage/test-utils';
import {
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceDeletePermission,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { monitoringHandlers } from '../StatusPage/__testUtils__/monitoringHandlers';
import { noMetricsHandler } from './MetricsSection/__testUtils__/metricsHandlers';
import { manualPolicyHandlers } from './UpgradePolicyCard/__testUtils__/policyBackend';
import {
  DBAAS_URL,
  errorResponse,
  getJson,
  permissionAnswered,
  permissionHandler,
} from './__testUtils__/backend';
import { anEntity, anInstance, anOperation } from './__testUtils__/fixtures';
import { renderWithApis } from './__testUtils__/renderWithApis';
import { ORDERS_CACHE_CA } from './TlsCard/__testUtils__/caFixtures';
import { EntityDbaasContent, isDbaasAvailable } from './index';

const server = setupServer(
  // availability and alerts of an instance that never failed
  ...monitoringHandlers(),
  // the metrics section of an instance not collected yet
  noMetricsHandler(),
  // the upgrade policy card of an instance left manual
  ...manualPolicyHandlers(),
  // the biggest-keys card of an instance never scanned
  http.get(`${DBAAS_URL}/instances/:id/key-scans/latest`, () =>
    errorResponse(404, 'NotFoundError', 'No key scan yet'),
  ),
  // the versions card of an instance with no advisories and no candidates
  http.get(`${DBAAS_URL}/instances/:id/advisories`, ({ params }) =>
    HttpResponse.json({
      instanceId: params.id,
      engine: 'redis',
      version: '7.2.4',
      advisories: [],
    }),
  ),
  // the Day-2 cards: platforms for the resize card's limits, an empty slow log
  getJson('/platforms', { items: [] }),
  http.get(`${DBAAS_URL}/instances/:id/slowlog`, ({ params }) =>
    HttpResponse.json({
      instanceId: params.id,
      readAt: new Date().toISOString(),
      slowerThanMicros: 10000,
      maxLength: 128,
      entries: [],
    }),
  ),
  http.get(`${DBAAS_URL}/instances/:id/latency`, ({ params }) =>
    HttpResponse.json({
      instanceId: params.id,
      readAt: new Date().toISOString(),
      thresholdMs: 0,
      events: [],
    }),
  ),
  // the Backups card of a backend without dbaas.backups: no such routes
  http.get(
    `${DBAAS_URL}/instances/:id/backup-policy`,
    () => new HttpResponse(null, { status: 404 }),
  ),
  http.get(
    `${DBAAS_URL}/instances/:id/backups`,
    () => new HttpResponse(null, { status: 404 }),
  ),
  http.get(`${DBAAS_URL}/instances/:id/upgrade-plan`, ({ params }) =>
    HttpResponse.json({
      instanceId: params.id,
      current: { engine: 'redis', version: '7.2.4' },
      candidates: [],
    }),
  ),
);
registerMswTestHooks(server);

const ALL = [
  dbaasInstanceCredentialsReadPermission.name,
  dbaasInstanceDeletePermission.name,
];

function backendWith(instance: Instance) {
  server.use(
    getJson(`/instances/${instance.id}`, instance),
    getJson(`/instances/${instance.id}/operations`, {
      items: [anOperation({ instanceId: instance.id })],
    }),
  );
}

describe('EntityDbaasContent', () => {
  it('explains the missing annotation on entities without one', async () => {
    await renderWithApis(<EntityDbaasContent />, { entity: anEntity() });
    expect(screen.getByText('Missing Annotation')).toBeInTheDocument();
    expect(
      screen.getAllByText(/justmanage\.io\/instance-id/).length,
    ).toBeGreaterThan(0);
    expect(isDbaasAvailable(anEntity())).toBe(false);
    expect(isDbaasAvailable(anEntity('x'))).toBe(true);
  });

  it('shows a loading bar until the instance arrives', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    const instance = anInstance({ id: 'e-load' });
    server.use(
      permissionHandler(ALL),
      http.get(`${DBAAS_URL}/instances/e-load`, async () => {
        await held;
        return HttpResponse.json(instance);
      }),
      getJson('/instances/e-load/operations', { items: [] }),
    );
    await renderWithApis(<EntityDbaasContent />, {
      entity: anEntity('e-load'),
    });
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByText('Overview')).not.toBeInTheDocument();
    release();
    expect(await screen.findByText('Overview')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      permissionHandler(ALL),
      http.get(`${DBAAS_URL}/instances/e-err`, () =>
        errorResponse(500, 'Error', 'database unreachable'),
      ),
    );
    await renderWithApis(<EntityDbaasContent />, { entity: anEntity('e-err') });
    expect(await screen.findByText('database unreachable')).toBeInTheDocument();
    expect(screen.queryByText('Overview')).not.toBeInTheDocument();
  });

  it('says so when the instance no longer exists', async () => {
    server.use(
      permissionHandler(ALL),
      http.get(`${DBAAS_URL}/instances/e-gone`, () =>
        errorResponse(404, 'NotFoundError', 'no instance e-gone'),
      ),
    );
    await renderWithApis(<EntityDbaasContent />, {
      entity: anEntity('e-gone'),
    });
    expect(
      await screen.findByText('This instance no longer exists'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/will leave the catalog shortly/),
    ).toBeInTheDocument();
  });

  it('shows every card, with the actions the user may take', async () => {
    const instance = anInstance({ id: 'e-all' });
    backendWith(instance);
    server.use(permissionHandler(ALL));
    await renderWithApis(<EntityDbaasContent />, { entity: anEntity('e-all') });

    expect(await screen.findByText('Overview')).toBeInTheDocument();
    expect(screen.getByText('Up')).toBeInTheDocument();
    expect(screen.getByLabelText('host')).toHaveTextContent(
      'orders-cache.redis.local',
    );
    expect(screen.getByLabelText('port')).toHaveTextContent('7101');
    expect(
      await screen.findByRole('button', {
        name: 'Show steps of the create operation',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Show credentials' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Delete instance' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Backups are not turned on in this JustManage/),
    ).toBeInTheDocument();
  });

  it('has a TLS card for an instance with TLS only', async () => {
    const plain = anInstance({ id: 'e-plain' });
    backendWith(plain);
    server.use(permissionHandler(ALL));
    await renderWithApis(<EntityDbaasContent />, {
      entity: anEntity('e-plain'),
    });
    expect(await screen.findByText('Overview')).toBeInTheDocument();
    expect(
      screen.queryByText(/serve certificates signed by the instance's own CA/),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Download CA' }),
    ).not.toBeInTheDocument();
    cleanup();

    const secured = anInstance({
      id: 'e-tls',
      tls: 'required',
      endpoints: [
        { role: 'primary', host: '127.0.0.1', port: 7101, tls: true },
      ],
    });
    backendWith(secured);
    server.use(
      getJson('/instances/e-tls/tls', {
        mode: 'required',
        caCertificate: ORDERS_CACHE_CA.pem,
        generation: 3,
        certificatesExpireAt: '2027-03-05T14:02:00.000Z',
        renewsAt: '2027-02-03T14:02:00.000Z',
      }),
    );
    await renderWithApis(<EntityDbaasContent />, { entity: anEntity('e-tls') });
    expect(
      await screen.findByRole('button', { name: 'Download CA' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByLabelText('certificate generation'),
    ).toHaveTextContent('generation 3');
  });

  it('hides credentials and deletion from users without the permissions', async () => {
    const asked: string[] = [];
    const instance = anInstance({ id: 'e-none' });
    backendWith(instance);
    server.use(permissionHandler([], asked));
    await renderWithApis(<EntityDbaasContent />, {
      entity: anEntity('e-none'),
    });
    expect(await screen.findByText('Overview')).toBeInTheDocument();
    await permissionAnswered(asked, dbaasInstanceDeletePermission.name);
    await permissionAnswered(
      asked,
      dbaasInstanceCredentialsReadPermission.name,
    );
    expect(
      screen.queryByRole('button', { name: 'Show credentials' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Delete instance' }),
    ).not.toBeInTheDocument();
    expect(screen.getByLabelText('host')).toBeInTheDocument();
  });

  it('goes from delete to deleting to gone', async () => {
    let finish: () => void = () => {};
    const finished = new Promise<void>(resolve => {
      finish = resolve;
    });
    let instance: Instance | undefined = anInstance({ id: 'e-del' });
    const deletion = anOperation({
      id: 'op-e-del',
      instanceId: 'e-del',
      type: 'delete',
      status: 'running',
    });
    server.use(
      permissionHandler(ALL),
      http.get(`${DBAAS_URL}/instances/e-del`, () =>
        instance
          ? HttpResponse.json(instance)
          : errorResponse(404, 'NotFoundError', 'no instance e-del'),
      ),
      getJson('/instances/e-del/operations', { items: [] }),
      http.delete(`${DBAAS_URL}/instances/e-del`, () => {
        instance = { ...instance!, status: 'deleting' };
        return HttpResponse.json(
          { instance, operation: deletion },
          { status: 202 },
        );
      }),
      http.get(`${DBAAS_URL}/operations/op-e-del`, async () => {
        await finished;
        instance = undefined;
        return HttpResponse.json({ ...deletion, status: 'succeeded' });
      }),
    );
    await renderWithApis(
      <>
        <EntityDbaasContent />
        <CurrentPath />
      </>,
      { entity: anEntity('e-del') },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete instance' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Instance name'),
      'orders-cache',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );

    expect(
      await screen.findByText(/The instance is being deleted/),
    ).toBeInTheDocument();
    expect(await screen.findByText('Deleting')).toBeInTheDocument();

    finish();
    // nothing is left to show here: the fleet page is where the user goes on
    await waitFor(() =>
      expect(screen.getByTestId('current-path')).toHaveTextContent(/^\/dbaas$/),
    );
  });
});

function CurrentPath() {
  return <span data-testid="current-path">{useLocation().pathname}</span>;
}
