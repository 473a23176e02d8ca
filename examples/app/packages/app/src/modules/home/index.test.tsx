import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import dbaasPlugin from '@justmanage/plugin-dbaas/alpha';
import { screen } from '@testing-library/react';
import { homeModule } from './index';

// stands in for the dbaas plugin's fleet page, on its route
const fleetPage = PageBlueprint.make({
  name: 'fleet-stand-in',
  params: {
    path: '/dbaas',
    routeRef: dbaasPlugin.routes.root,
    loader: async () => <div>the fleet page</div>,
  },
});

describe('homeModule', () => {
  it('opens the fleet page at /', async () => {
    renderTestApp({
      features: [homeModule],
      extensions: [fleetPage],
      initialRouteEntries: ['/'],
    });
    expect(await screen.findByText('the fleet page')).toBeInTheDocument();
  });

  it('leaves other paths alone', async () => {
    renderTestApp({
      features: [homeModule],
      extensions: [fleetPage],
      initialRouteEntries: ['/nowhere'],
    });
    expect(await screen.findByText(/not found/i)).toBeInTheDocument();
    expect(screen.queryByText('the fleet page')).not.toBeInTheDocument();
  });
});
