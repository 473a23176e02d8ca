import type { ConfigChangePreview } from '@justmanage/plugin-dbaas-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';

function shown(value: string): string {
  return value === '' ? '(empty)' : value;
}

/** The backend's word on what applying would do, live changes first. */
export function ConfigPreview(props: { preview: ConfigChangePreview }) {
  const { changes, restartNeeded } = props.preview;
  const groups = [
    {
      title: 'Applied live with CONFIG SET, no restart',
      items: changes.filter(c => c.applies === 'live'),
    },
    {
      title: 'Needs a restart',
      items: changes.filter(c => c.applies === 'restart'),
    },
  ].filter(group => group.items.length > 0);
  return (
    <>
      <Alert severity={restartNeeded ? 'warning' : 'info'}>
        {restartNeeded
          ? 'Some changes take effect only when the server restarts.'
          : 'Every change applies to the running server; clients stay connected.'}
      </Alert>
      {groups.map(group => (
        <div key={group.title}>
          <Typography variant="subtitle2" style={{ marginTop: 8 }}>
            {group.title}
          </Typography>
          <List dense aria-label={group.title}>
            {group.items.map(change => (
              <ListItem key={change.parameter}>
                <ListItemText
                  primary={`${change.parameter}: ${shown(
                    change.from,
                  )} → ${shown(change.to)}`}
                  secondary={change.note}
                />
              </ListItem>
            ))}
          </List>
        </div>
      ))}
    </>
  );
}
