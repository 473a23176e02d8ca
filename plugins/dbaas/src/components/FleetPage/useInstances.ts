import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance, operations } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../../api';

/** The filters the fleet page offers; the backend applies them. */
export type FleetFilter = Pick<
  NonNullable<operations['ListInstances']['parameters']['query']>,
  'owner' | 'status'
>;

/** The instances the user may see that match the filter, fetched again when it changes. */
export function useInstances(filter: FleetFilter) {
  const dbaasApi = useApi(dbaasApiRef);
  const { owner, status } = filter;
  return useAsync(
    async () =>
      (await dbaasApi.listInstances({ query: { owner, status } })).items,
    [dbaasApi, owner, status],
  );
}

/**
 * Every owner seen in any answer so far. Collected across answers so that
 * narrowing the list by owner or status does not take the other owners out
 * of the owner select.
 */
export function useSeenOwners(instances: Instance[] | undefined): string[] {
  const [owners, setOwners] = useState<string[]>([]);
  useEffect(() => {
    if (!instances) {
      return;
    }
    setOwners(previous => {
      const all = new Set([...previous, ...instances.map(i => i.owner)]);
      return all.size === previous.length ? previous : [...all].sort();
    });
  }, [instances]);
  return owners;
}
