import {
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink, entityRouteRef } from '@backstage/plugin-catalog-react';
import { EngineVersion } from '../../EngineVersion';
import type { InstanceSecurity } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dbaasApiRef } from '../../../api';
import { SeverityChip } from '../../EntityDbaasContent/VersionsCard';

type EntityPath = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => string;

const columns = (entityPath: EntityPath): TableColumn<InstanceSecurity>[] => [
  {
    title: 'Name',
    field: 'name',
    highlight: true,
    // the Redis tab, as on the Instances view: the advisories and the
    // upgrades that fix them are there, not on the catalog's Overview
    render: row => (
      <Link
        to={`${entityPath({
          kind: 'resource',
          namespace: 'default',
          name: row.name,
        })}/redis`}
      >
        {row.name}
      </Link>
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: row => <EntityRefLink entityRef={row.owner} defaultKind="group" />,
  },
  {
    title: 'Engine',
    render: row => <EngineVersion engine={row.engine} version={row.version} />,
  },
  {
    title: 'Worst',
    sorting: false,
    render: row =>
      row.worstSeverity && <SeverityChip severity={row.worstSeverity} />,
  },
  {
    title: 'Open advisories',
    sorting: false,
    render: row => (
      <Box display="flex" flexWrap="wrap" style={{ gap: 4 }}>
        {row.advisories.map(a => (
          <SeverityChip key={a.id} severity={a.severity} label={a.id} />
        ))}
      </Box>
    ),
  },
];

/**
 * The fleet's security at a glance: every instance the user may see that
 * runs a version with open advisories, worst first (the API's order).
 */
export function SecurityView() {
  const api = useApi(dbaasApiRef);
  const entityPath = useRouteRef(entityRouteRef);
  const tableColumns = useMemo(() => columns(entityPath), [entityPath]);
  const { value, loading, error } = useAsync(
    async () => (await api.listInstanceSecurity()).items,
    [api],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (loading || !value) return <Progress />;
  if (value.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No open advisories"
        description="No instance you may see runs a version with a known security advisory."
      />
    );
  }
  return (
    <Table
      title={`${value.length} ${
        value.length === 1 ? 'instance' : 'instances'
      } with open advisories`}
      options={{ paging: false, search: true, sorting: false }}
      columns={tableColumns}
      data={value}
    />
  );
}
