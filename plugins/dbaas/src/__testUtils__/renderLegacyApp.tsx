import { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { createApp } from '@backstage/app-defaults';
import { FlatRoutes } from '@backstage/core-app-api';
import { dbaasPlugin } from '../plugin';
import { BACKEND_URL } from './fixtures';

/**
 * A legacy app built by createApp, with only this plugin's API factory,
 * at `path`, with the test's own `routes`.
 */
export function renderLegacyApp(path: string, routes: ReactNode) {
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
        <FlatRoutes>{routes}</FlatRoutes>
      </AppRouter>
    </AppProvider>,
  );
}
