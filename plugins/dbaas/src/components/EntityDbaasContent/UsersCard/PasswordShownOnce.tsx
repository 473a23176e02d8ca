import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ConnectionField } from '../ConnectionField';

/**
 * A new password, from the create or rotate answer: the only time the
 * product shows it without an audited read, so the user is told to copy
 * it now and where to find it again.
 */
export function PasswordShownOnce(props: {
  username: string;
  password: string;
  /** What happens next; by default, the new user's way onto every node. */
  next?: string;
}) {
  const {
    username,
    password,
    next = 'The card follows the user onto every node; it can log in once that is done.',
  } = props;
  return (
    <>
      <Alert severity="warning">
        Copy the password now: it will not be shown here again. Later, "Connect"
        on {username} shows it with everything needed to connect; each time is
        recorded in the audit log with your name.
      </Alert>
      <ConnectionField label="Username" name="username" value={username} />
      <ConnectionField label="Password" name="password" value={password} />
      <Typography variant="body2" color="textSecondary">
        {next}
      </Typography>
    </>
  );
}
