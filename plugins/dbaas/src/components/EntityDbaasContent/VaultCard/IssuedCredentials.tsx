import type {
  ConnectionDetails,
  Instance,
  VaultCredentials,
} from '@justmanage/plugin-dbaas-common';
import { redisUrl } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { ConnectionField } from '../ConnectionField';
import { ConnectionInstructions } from '../ConnectionInstructions';
import { primaryEndpoint } from '../primaryEndpoint';
import { caFileNameOf } from '../saveAs';
import { expiryText } from './vaultWords';

/**
 * Credentials Vault just issued: the one answer that carries the password,
 * so it is shown with everything needed to connect, until dismissed.
 */
export function IssuedCredentials(props: {
  instance: Instance;
  credentials: VaultCredentials;
  onDone: () => void;
}) {
  const { instance, credentials, onDone } = props;
  const { username, password, lease } = credentials;
  const endpoint = primaryEndpoint(instance);
  const details: ConnectionDetails | undefined = endpoint && {
    host: endpoint.host,
    port: endpoint.port,
    tls: endpoint.tls,
    username,
    password,
    url: redisUrl({ ...endpoint, username }),
  };
  return (
    <Box mb={2} aria-label="issued credentials">
      <Alert severity="warning">
        Copy the password now: Vault gives it once and the product does not keep
        it. Get new credentials when it is lost.
      </Alert>
      <ConnectionField label="Username" name="username" value={username} />
      <ConnectionField label="Password" name="password" value={password} />
      <ConnectionField label="Lease" name="lease id" value={lease.leaseId} />
      <ConnectionField
        label="Expires"
        name="expires"
        value={expiryText(lease.expiresAt)}
        copy={false}
      />
      {details && (
        <ConnectionInstructions
          details={details}
          caFileName={caFileNameOf(instance.name)}
        />
      )}
      <Button variant="outlined" onClick={onDone}>
        Done, I copied it
      </Button>
    </Box>
  );
}
