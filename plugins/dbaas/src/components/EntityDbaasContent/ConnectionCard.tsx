import { EmptyState, InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  APP_USERNAME,
  ConnectionDetails,
  dbaasInstanceCredentialsReadPermission,
  Instance,
  redisUrl,
} from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useCallback, useState } from 'react';
import { ConnectionField } from './ConnectionField';
import { CredentialsDialog } from './CredentialsDialog';
import { primaryEndpoint } from './primaryEndpoint';

/**
 * How to reach the instance. The password, and the texts that carry it, only
 * on request: each reveal is one audited read of the credentials.
 */
export function ConnectionCard(props: { instance: Instance }) {
  const { instance } = props;
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState<string>();
  const credentials = usePermission({
    permission: dbaasInstanceCredentialsReadPermission,
    resourceRef: instance.id,
  });
  const onLoaded = useCallback(
    (details: ConnectionDetails) => setUsername(details.username),
    [],
  );
  const endpoint = primaryEndpoint(instance);

  if (!endpoint) {
    return (
      <InfoCard title="Connection" variant="gridItem">
        <EmptyState
          missing="data"
          title="No endpoint yet"
          description="The host and port appear here once provisioning has placed the instance."
        />
      </InfoCard>
    );
  }

  return (
    <InfoCard title="Connection" variant="gridItem">
      <ConnectionField label="Host" name="host" value={endpoint.host} />
      <ConnectionField label="Port" name="port" value={`${endpoint.port}`} />
      <ConnectionField
        label="TLS"
        name="tls"
        value={endpoint.tls ? 'yes' : 'no'}
        copy={false}
      />
      {/* no password here: this URL may be shared; the dialog has the one to use */}
      <ConnectionField
        label="URL"
        name="url"
        value={redisUrl({ ...endpoint, username: username ?? APP_USERNAME })}
      />
      {credentials.allowed && (
        <>
          <Button variant="outlined" onClick={() => setOpen(true)}>
            Show credentials
          </Button>
          <CredentialsDialog
            open={open}
            instanceId={instance.id}
            instanceName={instance.name}
            onClose={() => setOpen(false)}
            onLoaded={onLoaded}
          />
        </>
      )}
      {!credentials.loading && !credentials.allowed && (
        <Typography variant="body2" color="textSecondary">
          You may not see this instance's credentials; its owner can give you
          access.
        </Typography>
      )}
    </InfoCard>
  );
}
