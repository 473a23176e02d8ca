import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { statusLinkRouteRef } from '../../routes';

/**
 * The status page's path, or undefined where the fleet page is shown
 * outside the plugin's own route (embedded in another page). useRouteRef
 * throws only after calling all of its hooks, so catching keeps the hook
 * order stable.
 */
function useStatusPath(): string | undefined {
  try {
    return useRouteRef(statusLinkRouteRef)();
  } catch {
    return undefined;
  }
}

/** From the fleet page to the status page. */
export function StatusPageLink() {
  const statusPath = useStatusPath();
  if (!statusPath) return null;
  return (
    <LinkButton to={statusPath} variant="outlined" color="primary">
      Status
    </LinkButton>
  );
}
