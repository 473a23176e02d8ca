import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink, entityRouteRef } from '@backstage/plugin-catalog-react';
import { EngineVersion } from '../EngineVersion';
import { Instance } from '@justmanage/plugin-dbaas-common';
import { useMemo } from 'react';
import { formatMemoryUsage } from './formatMemory';
import { InstanceStatusLight } from './InstanceStatusLight';

// A fleet of a few hundred instances reads (and searches) best as one list;
// paging starts only beyond that.
const PAGE_SIZE = 500;

type EntityPath = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => string;

// The name links straight to the entity's Redis tab, where everything about
// the instance is (the catalog's Overview holds little for a Resource): an
// EntityRefLink per row would also ask the catalog about every instance just
// to show the name we already have.
const columns = (entityPath: EntityPath): TableColumn<Instance>[] => [
  {
    title: 'Name',
    field: 'name',
    highlight: true,
    render: instance => (
      <Link
        to={`${entityPath({
          kind: 'resource',
          namespace: 'default',
          name: instance.name,
        })}/redis`}
      >
        {instance.name}
      </Link>
    ),
  },
  {
    title: 'Owner',
    field: 'owner',
    render: instance => (
      <EntityRefLink entityRef={instance.owner} defaultKind="group" />
    ),
  },
  {
    title: 'Engine',
    customFilterAndSearch: (query, instance) =>
      `${instance.engine} ${instance.version}`.includes(query),
    render: instance => (
      <EngineVersion engine={instance.engine} version={instance.version} />
    ),
  },
  {
    title: 'Platform',
    customFilterAndSearch: (query, instance) =>
      `${instance.platform} ${instance.region}`.includes(query),
    render: instance => `${instance.platform} / ${instance.region}`,
  },
  {
    title: 'Status',
    field: 'status',
    render: instance => <InstanceStatusLight status={instance.status} />,
  },
  {
    title: 'Memory',
    sorting: false,
    render: instance => formatMemoryUsage(instance),
  },
];

/** Props of {@link FleetTable}. */
export interface FleetTableProps {
  instances: Instance[];
  /** True while a changed filter is being fetched; the old rows stay. */
  loading: boolean;
}

/** One row per instance. */
export function FleetTable(props: FleetTableProps) {
  const { instances, loading } = props;
  const entityPath = useRouteRef(entityRouteRef);
  const tableColumns = useMemo(() => columns(entityPath), [entityPath]);
  return (
    <Table<Instance>
      title={`Instances (${instances.length})`}
      columns={tableColumns}
      data={instances}
      isLoading={loading}
      options={{
        padding: 'dense',
        paging: instances.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
      }}
    />
  );
}
