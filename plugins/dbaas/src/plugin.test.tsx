import { ReactNode } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { monitoringHandlers } from './components/StatusPage/__testUtils__/monitoringHandlers';
import { noMetricsHandler } from './components/EntityDbaasContent/MetricsSection/__testUtils__/metricsHandlers';
import { MemoryRouter, Route, useOutlet } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { attachComponentData } from '@backstage/core-plugin-api';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  ScaffolderFieldExtensions,
  useCustomFieldExtensions,
} from '@backstage/plugin-scaffolder-react';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import { DBAAS_INSTANCE_ID_ANNOTATION } from '@justmanage/plugin-dbaas-common';
import {
  DbaasPage,
  DbaasPlatformRegionPickerFieldExtension,
  dbaasPlugin,
  DbaasVersionPickerFieldExtension,
  EntityDbaasContent,
} from './plugin';
import {
  BACKEND_URL,
  DBAAS_URL,
  makeInstance,
  platforms,
} from './__testUtils__/fixtures';
import { instancesHandler, platformsHandler } from './__testUtils__/handlers';

// availability and alerts, which the pages show beside their own content
// and the metrics section of the Redis tab
const server = setupServer(...monitoringHandlers(), noMetricsHandler());
registerMswTestHooks(server);

const instance = makeInstance();

/** Stands in for the catalog's entity page, where apps mount the tab. */
function EntityPage() {
  return (
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: {
          name: instance.name,
          annotations: { [DBAAS_INSTANCE_ID_ANNOTATION]: instance.id },
        },
      }}
    >
      <EntityDbaasContent />
    </EntityProvider>
  );
}
attachComponentData(EntityPage, 'core.mountPoint', entityRouteRef);

/** Collects field extensions the way the scaffolder's template page does. */
function TemplatePage() {
  const extensions = useCustomFieldExtensions(useOutlet());
  return (
    <Stepper
      manifest={{
        title: 'New Redis',
        steps: [
          {
            title: 'Instance',
            schema: {
              type: 'object',
              properties: {
                location: {
                  type: 'object',
                  'ui:field': 'DbaasPlatformRegionPicker',
                },
                engine: { type: 'object', 'ui:field': 'DbaasVersionPicker' },
              },
            },
          },
        ],
      }}
      extensions={extensions}
      onCreate={async () => {}}
    />
  );
}

/** A legacy app built by createApp, with only this plugin's API factory. */
function renderLegacyApp(path: string) {
  const app = createApp({
    plugins: [dbaasPlugin],
    configLoader: async () => [
      {
        context: 'test',
        data: {
          app: { title: 'Test', baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: BACKEND_URL },
        },
      },
    ],
    components: {
      Router: ({ children }: { children?: ReactNode }) => (
        <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>
      ),
    },
  });
  const AppProvider = app.getProvider();
  const AppRouter = app.getRouter();
  return render(
    <AppProvider>
      <AppRouter>
        <FlatRoutes>
          <Route path="/dbaas" element={<DbaasPage />} />
          <Route
            path="/catalog/:namespace/:kind/:name"
            element={<EntityPage />}
          />
          <Route path="/create" element={<TemplatePage />}>
            <ScaffolderFieldExtensions>
              <DbaasPlatformRegionPickerFieldExtension />
              <DbaasVersionPickerFieldExtension />
            </ScaffolderFieldExtensions>
          </Route>
        </FlatRoutes>
      </AppRouter>
    </AppProvider>,
  );
}

// Lazy pages take a while to load the first time under jest.
const slow = { timeout: 10_000 };

describe('dbaasPlugin in a legacy app', () => {
  it('mounts the fleet page, listing instances through the plugin API', async () => {
    server.use(instancesHandler([instance]));
    renderLegacyApp('/dbaas');

    const link = await screen.findByRole('link', { name: 'cache-a' }, slow);
    expect(link).toHaveAttribute('href', '/catalog/default/resource/cache-a');
    expect(screen.getByRole('heading', { name: 'Redis' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /New Redis/ })).toHaveAttribute(
      'href',
      '/create/templates/default/new-redis',
    );
  }, 20_000);

  it('mounts the Redis tab, loading the instance named by the annotation', async () => {
    const requested: string[] = [];
    server.use(
      http.get(`${DBAAS_URL}/instances/:id`, ({ params }) => {
        requested.push(String(params.id));
        return HttpResponse.json(instance);
      }),
      http.get(`${DBAAS_URL}/instances/:id/operations`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    renderLegacyApp('/catalog/default/resource/cache-a');

    expect(
      (await screen.findAllByText(/7\.2\.4/, undefined, slow)).length,
    ).toBeGreaterThan(0);
    expect(requested).toContain(instance.id);
  }, 20_000);

  it('provides both scaffolder fields, reading platforms through the plugin API', async () => {
    server.use(platformsHandler(platforms));
    renderLegacyApp('/create');

    const platform = await screen.findByLabelText(/Platform/, undefined, slow);
    await waitFor(() =>
      expect(
        within(platform).getByRole('option', { name: 'Kubernetes' }),
      ).toBeInTheDocument(),
    );
    await userEvent.selectOptions(platform, 'k8s');
    expect(
      within(screen.getByLabelText(/Engine/))
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['Choose an engine', 'redis', 'valkey']);
  }, 20_000);
});
