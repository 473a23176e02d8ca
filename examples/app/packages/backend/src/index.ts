/*
 * The example Backstage backend: how a platform team installs JustManage.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// auth: guest sign-in, so a user token can be had without an identity provider
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// permissions: owners manage their instances, everyone reads
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('./permissions/policyModule'));

// JustManage: managed Redis
backend.add(import('@justmanage/plugin-dbaas-backend'));

// A replica whose plugins failed to start must die, so that its supervisor
// (systemd, Kubernetes) restarts it instead of it answering 503 forever.
backend.start().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
