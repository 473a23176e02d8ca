/*
 * The example Backstage backend: how a platform team installs JustManage.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// serves the built frontend (packages/app) when there is one
backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in, so a user token can be had without an identity provider
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the org file, the New Redis template and our instances
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@justmanage/plugin-catalog-backend-module-dbaas'));

// scaffolder, with the dbaas:redis:* actions
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@justmanage/plugin-scaffolder-backend-module-dbaas'));

// permissions: owners manage their instances, everyone reads
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/policyModule'));

// notifications and signals, which the scaffolder and the app's sidebar use
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));

// JustManage: managed Redis, with the local driver (real redis-server
// processes on this host); platform drivers are added the same way
backend.add(import('@justmanage/plugin-dbaas-backend'));
backend.add(import('@justmanage/plugin-dbaas-backend-module-local'));
// Adds platform nomad only when dbaas.drivers.nomad is configured.
backend.add(import('@justmanage/plugin-dbaas-backend-module-nomad'));
// Adds platform kubernetes only when dbaas.drivers.kubernetes is configured.
backend.add(import('@justmanage/plugin-dbaas-backend-module-kubernetes'));

// MCP: AI clients list and call the dbaas actions (dbaas:create-instance,
// ...) at /api/mcp-actions/v1 with a Backstage token, under the same
// permissions and audit as the REST API; backend.actions in app-config.yaml
// says which plugins' actions are offered.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// A replica whose plugins failed to start must die, so that its supervisor
// (systemd, Kubernetes) restarts it instead of it answering 503 forever.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
