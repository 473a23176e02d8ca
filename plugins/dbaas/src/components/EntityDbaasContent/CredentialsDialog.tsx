import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { ConnectionDetails } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useEffect } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dbaasApiRef } from '../../api';
import { ConnectionField } from './ConnectionField';
import { ConnectionInstructions } from './ConnectionInstructions';
import { caFileNameOf } from './saveAs';

function Credentials(props: {
  instanceId: string;
  username?: string;
  caFileName: string;
  onLoaded?: (details: ConnectionDetails) => void;
}) {
  const { instanceId, username, caFileName, onLoaded } = props;
  const api = useApi(dbaasApiRef);
  const { value, loading, error } = useAsync(
    () =>
      username
        ? api.getAclUserConnection(instanceId, username)
        : api.getConnection(instanceId),
    [api, instanceId, username],
  );
  useEffect(() => {
    if (value) onLoaded?.(value);
  }, [value, onLoaded]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return null;
  return (
    <>
      <ConnectionField
        label="Username"
        name="username"
        value={value.username}
      />
      <ConnectionField
        label="Password"
        name="password"
        value={value.password}
      />
      <ConnectionInstructions details={value} caFileName={caFileName} />
    </>
  );
}

/**
 * Reveals the credentials of the app user, or of the ACL user named, and how to connect with them. The
 * content mounts only while the dialog is open, so each opening is exactly one audited request.
 */
export function CredentialsDialog(props: {
  open: boolean;
  instanceId: string;
  /**
   * Names the CA certificate's file, `<name>-ca.pem`, as the New Redis
   * template's redis-cli line expects it; `ca.pem` without it.
   */
  instanceName?: string;
  /** An ACL user of the instance; the app user when absent. */
  username?: string;
  onClose: () => void;
  onLoaded?: (details: ConnectionDetails) => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {props.username
          ? `Credentials of ${props.username} and how to connect`
          : 'Credentials and how to connect'}
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Every time credentials are shown, the dbaas backend records it in the
          audit log with your name.
        </DialogContentText>
        <Credentials
          instanceId={props.instanceId}
          username={props.username}
          caFileName={caFileNameOf(props.instanceName)}
          onLoaded={props.onLoaded}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
