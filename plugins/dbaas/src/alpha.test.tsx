import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { monitoringHandlers } from './components/StatusPage/__testUtils__/monitoringHandlers';
import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  registerMswTestHooks,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { DBAAS_INSTANCE_ID_ANNOTATION } from '@justmanage/plugin-dbaas-common';
import dbaasPlugin from './alpha';
import { BACKEND_URL, makeInstance } from './__testUtils__/fixtures';
import { instancesHandler } from './__testUtils__/handlers';

// availability and alerts, which the pages show beside their own content
const server = setupServer(...monitoringHandlers());
registerMswTestHooks(server);

describe('the dbaas plugin in a new frontend system app', () => {
  it('serves the fleet page at /dbaas with a Redis nav item, through its own API', async () => {
    server.use(instancesHandler([makeInstance()]));
    renderTestApp({
      features: [dbaasPlugin],
      initialRouteEntries: ['/dbaas'],
      config: {
        app: { baseUrl: 'http://localhost:3000' },
        backend: { baseUrl: BACKEND_URL },
      },
      apis: [mockApis.identity()],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    });

    // The page is loaded lazily; its first import is slow under jest.
    expect(
      await screen.findByRole('link', { name: 'cache-a' }, { timeout: 30_000 }),
    ).toHaveAttribute('href', '/catalog/default/resource/cache-a/redis');
    expect(screen.getByText('Redis instances')).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'sidebar nav' })).getByRole(
        'link',
        { name: 'Redis' },
      ),
    ).toHaveAttribute('href', '/dbaas');
  }, 60_000);

  it('adds a Redis tab at redis to the pages of annotated entities only', () => {
    const extension = dbaasPlugin.getExtension('entity-content:dbaas/redis');
    const tester = createExtensionTester(extension);

    expect(tester.get(coreExtensionData.routePath)).toBe('redis');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Redis');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    const resource = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: { name: 'cache-a' },
    };
    expect(filter(resource)).toBe(false);
    expect(
      filter({
        ...resource,
        metadata: {
          name: 'cache-a',
          annotations: { [DBAAS_INSTANCE_ID_ANNOTATION]: 'id-cache-a' },
        },
      }),
    ).toBe(true);
  });

  it.each([
    'scaffolder-form-field:dbaas/dbaas-platform-region-picker',
    'scaffolder-form-field:dbaas/dbaas-version-picker',
  ] as const)('provides the scaffolder field %s', async id => {
    const tester = createExtensionTester(dbaasPlugin.getExtension(id));
    const field = await tester.get(
      FormFieldBlueprint.dataRefs.formFieldLoader,
    )();
    expect(field.$$type).toBe('@backstage/scaffolder/FormField');
  });
});
