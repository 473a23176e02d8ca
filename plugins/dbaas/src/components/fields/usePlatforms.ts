import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import { dbaasApiRef } from '../../api';

/** The platforms the backend's drivers offer. */
export function usePlatforms() {
  const dbaasApi = useApi(dbaasApiRef);
  return useAsync(
    async () => (await dbaasApi.listPlatforms()).items,
    [dbaasApi],
  );
}
