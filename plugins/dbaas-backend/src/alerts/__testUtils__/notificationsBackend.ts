import { createBackendModule } from '@backstage/backend-plugin-api';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { notificationsProcessingExtensionPoint } from '@backstage/plugin-notifications-node';
import { TEST_GROUPS } from '../../__testUtils__/ownerPolicyPermissions';

/**
 * Resolves a group to its members from the test users' memberships, where
 * a real backend asks the catalog (not run in these tests).
 */
const testOrgRecipients = createBackendModule({
  pluginId: 'notifications',
  moduleId: 'test-org-recipients',
  register(env) {
    env.registerInit({
      deps: { processing: notificationsProcessingExtensionPoint },
      async init({ processing }) {
        processing.setNotificationRecipientResolver({
          async resolveNotificationRecipients({ entityRefs }) {
            const users = Object.entries(TEST_GROUPS)
              .filter(
                ([user, groups]) =>
                  entityRefs.includes(user) ||
                  groups.some(group => entityRefs.includes(group)),
              )
              .map(([user]) => user);
            return { userEntityRefs: users };
          },
        });
      },
    });
  },
});

/**
 * The real notifications backend for test backends: the dbaas plugin sends
 * to it over HTTP through the default notificationService, it stores the
 * notifications, and users read theirs through its API.
 */
export function notificationsBackendFeatures() {
  return [notificationsPlugin, testOrgRecipients];
}
