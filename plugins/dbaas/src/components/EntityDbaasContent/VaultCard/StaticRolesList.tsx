import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

/**
 * Users whose passwords Vault rotates, each with its password and its end
 * for those given the handlers.
 */
export function StaticRolesList(props: {
  usernames: string[];
  onShow?: (username: string) => void;
  onEnd?: (username: string) => void;
}) {
  const { usernames, onShow, onEnd } = props;
  if (!usernames.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No user is handed to Vault.
      </Typography>
    );
  }
  return (
    <List dense aria-label="static roles">
      {usernames.map(username => (
        <ListItem key={username}>
          <ListItemText
            primary={username}
            secondary="password rotated by Vault"
          />
          <ListItemSecondaryAction>
            {onShow && (
              <Button size="small" onClick={() => onShow(username)}>
                Show password
              </Button>
            )}
            {onEnd && (
              <Button
                size="small"
                color="secondary"
                onClick={() => onEnd(username)}
              >
                End static role
              </Button>
            )}
          </ListItemSecondaryAction>
        </ListItem>
      ))}
    </List>
  );
}
