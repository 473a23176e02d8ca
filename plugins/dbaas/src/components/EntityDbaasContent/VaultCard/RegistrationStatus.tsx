import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import type { VaultStatus } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { STATUS_TEXT } from './vaultWords';

const LIGHTS = {
  registered: StatusOK,
  pending: StatusPending,
  removing: StatusPending,
  unregistered: StatusError,
};

/** Whether Vault knows the instance, and while it does not, Vault's reason. */
export function RegistrationStatus(props: { status: VaultStatus }) {
  const { status, message } = props.status;
  const Light = LIGHTS[status];
  return (
    <Box mb={2} aria-label="vault registration">
      <Typography variant="body2" component="div">
        <Light>{status}</Light> {STATUS_TEXT[status]}
      </Typography>
      {message && (
        <Typography variant="body2" color="textSecondary">
          Vault said: {message}
        </Typography>
      )}
    </Box>
  );
}
