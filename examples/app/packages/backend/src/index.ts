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

backend.start();
