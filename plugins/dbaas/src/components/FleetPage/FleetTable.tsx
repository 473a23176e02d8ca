import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { dbaasEntityRef, Instance } from '@justmanage/plugin-dbaas-common';
import { formatMemoryUsage } from './formatMemory';
import { InstanceStatusLight } from './InstanceStatusLight';

// A fleet of a few hundred instances reads (and searches) best as one list;
// paging starts only beyond that.
const PAGE_SIZE = 500;

const columns: TableColumn<Instance>[] = [
  {
    title: 'Name',
    field: 'name',
    highlight: true,
    render: instance => (
      <EntityRefLink entityRef={dbaasEntityRef(instance.name)} hideIcon>
        {instance.name}
      </EntityRefLink>
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
    render: instance => `${instance.engine} ${instance.version}`,
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
  return (
    <Table<Instance>
      title={`Instances (${instances.length})`}
      columns={columns}
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
