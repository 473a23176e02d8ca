import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/**
 * The fleet page's path, or undefined in an app that does not mount it
 * (useRouteRef throws then, the same way on every render).
 */
export function useFleetPageLink(): string | undefined {
  try {
    return useRouteRef(rootRouteRef)();
  } catch {
    return undefined;
  }
}
