import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink, entityRouteRef } from '@backstage/plugin-catalog-react';
import type { InstanceStatusSummary } from '@justmanage/plugin-dbaas-common';
import { useMemo } from 'react';
import { formatUptime } from './formatUptime';
import { IncidentSummary } from './IncidentSummary';
import { UpLight } from './UpLight';

type EntityPath = (params: {
  kind: string;
  namespace: string;
  name: string;
}) => string;

const byUptime =
  (key: 'uptime24h' | 'uptime7d') =>
  (a: InstanceStatusSummary, b: InstanceStatusSummary) =>
    (a[key] ?? -1) - (b[key] ?? -1);

const columns = (
  entityPath: EntityPath,
): TableColumn<InstanceStatusSummary>[] => [
  {
    title: 'Name',
    field: 'name',
    highlight: true,
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
    title: 'Now',
    customSort: (a, b) => Number(a.up ?? -1) - Number(b.up ?? -1),
    render: row => <UpLight up={row.up} />,
  },
  {
    title: 'Uptime 24 h',
    customSort: byUptime('uptime24h'),
    render: row => formatUptime(row.uptime24h),
  },
  {
    title: 'Uptime 7 d',
    customSort: byUptime('uptime7d'),
    render: row => formatUptime(row.uptime7d),
  },
  {
    title: 'Open incident',
    sorting: false,
    render: row => <IncidentSummary incident={row.openIncident} />,
  },
  {
    title: 'Alerts',
    field: 'firingAlerts',
    render: row => (row.firingAlerts ? `${row.firingAlerts} firing` : '—'),
  },
];

/** Instances that are down come first: they are what the page is for. */
function downFirst(items: InstanceStatusSummary[]): InstanceStatusSummary[] {
  return [...items].sort(
    (a, b) =>
      Number(a.up !== false) - Number(b.up !== false) ||
      a.name.localeCompare(b.name),
  );
}

/** One row per instance with its availability. */
export function StatusTable(props: { items: InstanceStatusSummary[] }) {
  const entityPath = useRouteRef(entityRouteRef);
  const tableColumns = useMemo(() => columns(entityPath), [entityPath]);
  const data = useMemo(() => downFirst(props.items), [props.items]);
  const down = data.filter(row => row.up === false).length;
  return (
    <Table<InstanceStatusSummary>
      title={`${data.length} ${
        data.length === 1 ? 'instance' : 'instances'
      }, ${down} down`}
      columns={tableColumns}
      data={data}
      options={{
        padding: 'dense',
        paging: data.length > 500,
        pageSize: 500,
      }}
    />
  );
}
