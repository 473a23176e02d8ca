import useAsync from 'react-use/esm/useAsync';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { ownerRefsOf, toChoices } from './ownerChoices';

/** The owners the signed-in user may act for, with their catalog titles. */
export function useOwnerChoices() {
  const identityApi = useApi(identityApiRef);
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    const refs = ownerRefsOf(identity);
    // Titles are a nicety: without the catalog the names are shown.
    const entities = await catalogApi
      .getEntitiesByRefs({ entityRefs: refs })
      .then(response => response.items)
      .catch(() => refs.map(() => undefined));
    return toChoices(refs, entities, identity.userEntityRef);
  }, [identityApi, catalogApi]);
}
