import { LinkButton } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { dbaasInstanceCreatePermission } from '@justmanage/plugin-dbaas-common';
import AddIcon from '@material-ui/icons/Add';
import { NEW_REDIS_TEMPLATE_PATH } from './newRedisTemplate';

/**
 * Opens the New Redis template. Hidden from users who may not create
 * instances: the template would only fail for them at its last step.
 */
export function NewRedisButton() {
  const { allowed } = usePermission({
    permission: dbaasInstanceCreatePermission,
  });
  if (!allowed) {
    return null;
  }
  return (
    <LinkButton
      to={NEW_REDIS_TEMPLATE_PATH}
      variant="contained"
      color="primary"
      startIcon={<AddIcon />}
    >
      New Redis
    </LinkButton>
  );
}
