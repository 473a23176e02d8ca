import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { Route } from 'react-router-dom';
import { attachComponentData } from '@backstage/core-plugin-api';
import {
  mockApis,
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import dbaasAlphaPlugin from '../../alpha';
import { DbaasPage, DbaasStatusPage } from '../../plugin';
import { BACKEND_URL, makeInstance } from '../../__testUtils__/fixtures';
import { instancesHandler } from '../../__testUtils__/handlers';
import { monitoringHandlers } from './__testUtils__/monitoringHandlers';
import { aSummary, anAlert } from './__testUtils__/monitoringFixtures';
import { renderLegacyApp } from '../../__testUtils__/renderLegacyApp';

const server = setupServer();
registerMswTestHooks(server);

// Lazy pages take a while to load the first time under jest.
const slow = { timeout: 10_000 };

function fleetBackend() {
  server.use(
    instancesHandler([makeInstance()]),
    ...monitoringHandlers({
      status: [aSummary({ name: 'cache-a', uptime7d: 98.25 })],
      alerts: [
        anAlert({
          instanceName: 'cache-a',
          message: 'memory at 91 % of maxmemory (threshold 80 %)',
          rule: 'memory',
        }),
      ],
    }),
  );
}

function renderNewApp(path: string) {
  return renderTestApp({
    features: [dbaasAlphaPlugin],
    initialRouteEntries: [path],
    config: {
      app: { baseUrl: 'http://localhost:3000' },
      backend: { baseUrl: BACKEND_URL },
    },
    apis: [mockApis.identity()],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

/** Where the catalog's entity pages would be; the pages link there. */
function EntityPage() {
  return null;
}
attachComponentData(EntityPage, 'core.mountPoint', entityRouteRef);

function renderInLegacyApp(path: string) {
  return renderLegacyApp(
    path,
    <>
      <Route path="/dbaas" element={<DbaasPage />} />
      <Route path="/dbaas/status" element={<DbaasStatusPage />} />
      <Route path="/catalog/:namespace/:kind/:name" element={<EntityPage />} />
    </>,
  );
}

describe.each([
  ['the new frontend system', renderNewApp],
  ['a legacy app', renderInLegacyApp],
])('the status page in %s', (_system, renderApp) => {
  it('is served at /dbaas/status', async () => {
    fleetBackend();
    renderApp('/dbaas/status');
    expect(
      await screen.findByText('1 instance, 0 down', undefined, slow),
    ).toBeInTheDocument();
    expect(screen.getByText('98.25 %')).toBeInTheDocument();
  }, 20_000);

  it('is linked from the fleet page, which shows the firing alerts', async () => {
    fleetBackend();
    renderApp('/dbaas');
    expect(
      await screen.findByRole('button', { name: 'Status' }, slow),
    ).toHaveAttribute('href', '/dbaas/status');
    expect(
      await screen.findByRole('alert', { name: 'Firing alerts' }),
    ).toHaveTextContent(
      'cache-a: memory at 91 % of maxmemory (threshold 80 %), since 11 minutes ago',
    );
  }, 20_000);
});
