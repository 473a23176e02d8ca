import type { Alert } from '@justmanage/plugin-dbaas-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { StatusError, StatusOK } from '@backstage/core-components';
import { formatTimeAgo } from '../formatTimeAgo';

/** Firing alerts first, then the ones that cleared this week. */
export function AlertList(props: { alerts: Alert[] }) {
  const firing = props.alerts.filter(a => a.state === 'firing');
  const resolved = props.alerts.filter(a => a.state === 'resolved');
  return (
    <>
      {firing.length === 0 && (
        <Typography variant="body2">No alert is firing.</Typography>
      )}
      <List dense aria-label="Alerts">
        {[...firing, ...resolved].map(alert => (
          <ListItem key={alert.id}>
            <ListItemText
              primary={
                alert.state === 'firing' ? (
                  <StatusError>Firing: {alert.message}</StatusError>
                ) : (
                  <StatusOK>Resolved: {alert.rule} alert</StatusOK>
                )
              }
              secondary={
                alert.state === 'firing'
                  ? `since ${formatTimeAgo(alert.startedAt)}`
                  : `${alert.message}; cleared ${formatTimeAgo(
                      alert.resolvedAt!,
                    )}`
              }
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
