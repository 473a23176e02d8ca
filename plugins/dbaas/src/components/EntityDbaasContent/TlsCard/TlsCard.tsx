import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { ChangeProgress } from '../ChangeProgress';
import { useActiveOperation } from '../ReplicasCard/useActiveOperation';
import { caFileNameOf, saveAs } from '../saveAs';
import { RotateCertificatesDialog } from './RotateCertificatesDialog';
import { TlsFacts } from './TlsFacts';
import { rotationText } from './tlsWords';
import { whyNoRotation } from './whyNoRotation';

/** The generation a certificates operation brings, as the backend asked it. */
function generationOf(operation: Operation): number | undefined {
  const generation = Number(operation.params.generation);
  return Number.isInteger(generation) ? generation : undefined;
}

/**
 * The TLS of an instance that has it: the CA its clients trust (to
 * download and to check by its fingerprint) and the node certificates
 * with their generation, expiry and renewal. Owners rotate the node
 * certificates now; the rotation runs as a certificates operation,
 * followed here, with connected clients kept.
 */
export function TlsCard(props: { instance: Instance; onChange: () => void }) {
  const { instance, onChange } = props;
  const api = useApi(dbaasApiRef);
  const tls = useAsyncRetry(
    () => api.getInstanceTls(instance.id),
    [api, instance.id],
  );
  const update = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: instance.id,
  });
  const active = useActiveOperation(instance);
  const [confirming, setConfirming] = useState(false);
  const [rotation, setRotation] = useState<Operation>();
  // a rotation started elsewhere (the renewal task, another owner) is
  // followed as well, so the card never shows a generation mid-change
  useEffect(() => {
    if (active?.type === 'certificates') setRotation(prev => prev ?? active);
  }, [active]);

  const caFileName = caFileNameOf(instance.name);
  const reason = whyNoRotation(instance, active);
  const caCertificate = tls.value?.caCertificate;

  return (
    <InfoCard title="TLS">
      <Typography variant="body2" paragraph>
        The nodes of {instance.name} serve certificates signed by the instance's
        own CA. Clients connect with rediss:// and trust that CA, saved as{' '}
        {caFileName}; it stays the same when the node certificates are rotated.
      </Typography>
      {tls.error && <ResponseErrorPanel error={tls.error} />}
      {tls.loading && !tls.value && <Progress />}
      {tls.value && <TlsFacts tls={tls.value} />}
      <Box mt={2} display="flex" alignItems="center" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          disabled={!caCertificate}
          onClick={() => caCertificate && saveAs(caFileName, caCertificate)}
        >
          Download CA
        </Button>
        {update.allowed && !rotation && (
          <Button
            variant="contained"
            color="primary"
            disabled={!!reason || !tls.value}
            onClick={() => setConfirming(true)}
          >
            Rotate certificates
          </Button>
        )}
      </Box>
      {update.allowed && !rotation && reason && (
        <Typography variant="body2" color="textSecondary">
          {reason}
        </Typography>
      )}
      {!update.loading && !update.allowed && (
        <Typography variant="body2" color="textSecondary">
          Only the instance's owners may rotate its certificates.
        </Typography>
      )}
      {confirming && (
        <RotateCertificatesDialog
          instance={instance}
          nextGeneration={
            tls.value?.generation ? tls.value.generation + 1 : undefined
          }
          caFileName={caFileName}
          onClose={() => setConfirming(false)}
          onRotated={operation => {
            setConfirming(false);
            setRotation(operation);
            tls.retry();
            onChange();
          }}
        />
      )}
      {rotation && (
        <Box mt={2}>
          <ChangeProgress
            operation={rotation}
            text={rotationText(generationOf(rotation))}
            onFinished={() => {
              tls.retry();
              onChange();
            }}
          />
          <Box mt={1}>
            <Button variant="outlined" onClick={() => setRotation(undefined)}>
              Done
            </Button>
          </Box>
        </Box>
      )}
    </InfoCard>
  );
}
