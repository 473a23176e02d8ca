import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Alert as DbaasAlert } from '@justmanage/plugin-dbaas-common';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { dbaasApiRef } from '../../api';
import { formatTimeAgo } from '../EntityDbaasContent/formatTimeAgo';
import { usePolled } from './usePolled';

/** The firing alerts given, each linking to its instance's Redis tab. */
export function FiringAlertsList(props: { alerts: DbaasAlert[] }) {
  const entityPath = useRouteRef(entityRouteRef);
  const { alerts } = props;
  if (!alerts.length) return null;
  return (
    <Alert severity="error" role="alert" aria-label="Firing alerts">
      <AlertTitle>
        {alerts.length === 1
          ? '1 alert firing'
          : `${alerts.length} alerts firing`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: 16 }}>
        {alerts.map(alert => (
          <li key={alert.id}>
            <Link
              to={`${entityPath({
                kind: 'resource',
                namespace: 'default',
                name: alert.instanceName,
              })}/redis`}
            >
              {alert.instanceName}
            </Link>
            : {alert.message}, since {formatTimeAgo(alert.startedAt)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

/**
 * Every firing alert the user may see, kept current; nothing at all when
 * none fires or they cannot be loaded (the page around it still works).
 */
export function FiringAlertsBanner() {
  const api = useApi(dbaasApiRef);
  const { value } = usePolled(
    async () => (await api.listAlerts({ query: { state: 'firing' } })).items,
    [api],
  );
  return <FiringAlertsList alerts={value ?? []} />;
}
