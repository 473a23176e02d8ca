import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { statusPageRouteRef } from '../../routes';

/**
 * The status page's path, or undefined in a legacy app that did not mount
 * DbaasStatusPage: no link to a page that is not there. useRouteRef throws
 * only after calling all of its hooks, so catching keeps the hook order
 * stable.
 */
function useStatusPath(): string | undefined {
  try {
    return useRouteRef(statusPageRouteRef)();
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
