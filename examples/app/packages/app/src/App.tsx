import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import dbaasPlugin from '@justmanage/plugin-dbaas/alpha';
import { homeModule } from './modules/home';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

/*
 * Plugins listed in package.json are discovered (app.packages: all); the
 * ones named here are those whose alpha entry points are not auto-discovered.
 */
export default createApp({
  features: [
    catalogPlugin,
    scaffolderPlugin,
    dbaasPlugin,
    homeModule,
    navModule,
    signInModule,
  ],
});
