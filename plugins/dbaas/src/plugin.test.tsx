import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { monitoringHandlers } from './components/StatusPage/__testUtils__/monitoringHandlers';
import { noMetricsHandler } from './components/EntityDbaasContent/MetricsSection/__testUtils__/metricsHandlers';
import { Route, useOutlet } from 'react-router-dom';
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
  DbaasVersionPickerFieldExtension,
  EntityDbaasContent,
} from './plugin';
import { DBAAS_URL, makeInstance, platforms } from './__testUtils__/fixtures';
import { instancesHandler, platformsHandler } from './__testUtils__/handlers';
import { renderLegacyApp } from './__testUtils__/renderLegacyApp';

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

function renderInLegacyApp(path: string) {
  return renderLegacyApp(
    path,
    <>
      <Route path="/dbaas" element={<DbaasPage />} />
      <Route path="/catalog/:namespace/:kind/:name" element={<EntityPage />} />
      <Route path="/create" element={<TemplatePage />}>
        <ScaffolderFieldExtensions>
          <DbaasPlatformRegionPickerFieldExtension />
          <DbaasVersionPickerFieldExtension />
        </ScaffolderFieldExtensions>
      </Route>
    </>,
  );
}

// Lazy pages take a while to load the first time under jest.
const slow = { timeout: 10_000 };

describe('dbaasPlugin in a legacy app', () => {
  it('mounts the fleet page, listing instances through the plugin API', async () => {
    server.use(instancesHandler([instance]));
    renderInLegacyApp('/dbaas');

    const link = await screen.findByRole('link', { name: 'cache-a' }, slow);
    expect(link).toHaveAttribute('href', '/catalog/default/resource/cache-a/redis');
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
    renderInLegacyApp('/catalog/default/resource/cache-a');

    expect(
      (await screen.findAllByText(/7\.2\.4/, undefined, slow)).length,
    ).toBeGreaterThan(0);
    expect(requested).toContain(instance.id);
  }, 20_000);

  it('provides both scaffolder fields, reading platforms through the plugin API', async () => {
    server.use(platformsHandler(platforms));
    renderInLegacyApp('/create');

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
