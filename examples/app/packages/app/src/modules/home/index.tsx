import {
  createFrontendModule,
  PageBlueprint,
  useRouteRef,
} from '@backstage/frontend-plugin-api';
import dbaasPlugin from '@justmanage/plugin-dbaas/alpha';
import { Navigate } from 'react-router-dom';

function ToFleetPage() {
  const fleetPage = useRouteRef(dbaasPlugin.routes.root);
  return <Navigate to={fleetPage?.() ?? '/catalog'} replace />;
}

/*
 * `/` has no page of its own, so a signed-in user landed on "not found".
 * The fleet page is where a product team starts: its instances and
 * "New Redis". Only `/` itself redirects; unknown paths stay "not found".
 */
const homeRedirect = PageBlueprint.make({
  name: 'home',
  params: {
    path: '/',
    noHeader: true,
    loader: async () => <ToFleetPage />,
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'app',
  extensions: [homeRedirect],
});
