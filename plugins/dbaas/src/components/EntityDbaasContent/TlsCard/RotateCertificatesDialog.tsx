import { useApi } from '@backstage/core-plugin-api';
import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { messageOf } from '../UpgradePolicyCard/messageOf';

/**
 * Asks before a rotation, and says what an owner worries about: whether
 * clients are cut off (they are not) and whether they must change anything
 * (they do not: the CA stays).
 */
export function RotateCertificatesDialog(props: {
  instance: Instance;
  /** The generation the rotation will bring, when known. */
  nextGeneration?: number;
  caFileName: string;
  onClose: () => void;
  onRotated: (operation: Operation) => void;
}) {
  const { instance, nextGeneration, caFileName, onClose, onRotated } = props;
  const api = useApi(dbaasApiRef);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string>();

  const rotate = async () => {
    setBusy(true);
    setRefusal(undefined);
    try {
      const accepted = await api.rotateInstanceCertificates(instance.id);
      onRotated(accepted.operation);
    } catch (error) {
      setRefusal(messageOf(error));
      setBusy(false);
    }
  };

  const generation = nextGeneration ? ` (generation ${nextGeneration})` : '';
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="dbaas-rotate-certificates"
    >
      <DialogTitle id="dbaas-rotate-certificates">
        Rotate the certificates of {instance.name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Every node gets a new certificate{generation}, signed by the same CA,
          and loads it without a restart. Connected clients stay connected: the
          TLS sessions they opened go on, and new connections are served the new
          certificate.
        </DialogContentText>
        <DialogContentText>
          Clients change nothing: they keep trusting {caFileName}.
        </DialogContentText>
        {instance.replicas > 0 && (
          <DialogContentText>
            The Sentinels cannot load a certificate while they run, so they
            restart one at a time; the others keep answering.
          </DialogContentText>
        )}
        {refusal && <Alert severity="error">{refusal}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy}
          onClick={rotate}
        >
          Rotate certificates
        </Button>
      </DialogActions>
    </Dialog>
  );
}
