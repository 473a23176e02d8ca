import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type {
  Instance,
  Operation,
  UpgradeCandidate,
} from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { dbaasApiRef, previewUpgrade, startUpgrade } from '../../../api';
import { actionLabel } from './describeCandidate';
import { UpgradePreviewDetails } from './UpgradePreviewDetails';

/**
 * Previews an upgrade through a dry run, then starts it. A snapshot restore
 * loses writes, so it waits for the instance name to be typed, as deleting
 * does.
 */
export function UpgradeDialog(props: {
  instance: Instance;
  candidate: UpgradeCandidate;
  onClose: () => void;
  onStarted: (operation: Operation) => void;
}) {
  const { instance, candidate, onClose, onStarted } = props;
  const api = useApi(dbaasApiRef);
  const restore = candidate.strategy === 'snapshot-restore';
  const [typed, setTyped] = useState('');
  const target = { engine: candidate.engine, version: candidate.version };

  const preview = useAsync(
    () =>
      previewUpgrade(
        api,
        instance.id,
        restore
          ? { ...target, restoreSnapshot: true, confirm: instance.name }
          : target,
      ),
    [api, instance.id, candidate.engine, candidate.version, restore],
  );
  const [started, start] = useAsyncFn(async () => {
    const { operation } = await startUpgrade(
      api,
      instance.id,
      restore ? { ...target, restoreSnapshot: true, confirm: typed } : target,
    );
    onStarted(operation);
  }, [api, instance.id, candidate.engine, candidate.version, typed, restore]);

  const ready = Boolean(preview.value) && (!restore || typed === instance.name);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>
        {actionLabel(candidate)} for {instance.name}?
      </DialogTitle>
      <DialogContent>
        {preview.loading && <Progress />}
        {preview.error && <ResponseErrorPanel error={preview.error} />}
        {preview.value && <UpgradePreviewDetails preview={preview.value} />}
        {preview.value && restore && (
          <>
            <DialogContentText style={{ marginTop: 16 }}>
              Type <strong>{instance.name}</strong> to confirm that the writes
              named above will be lost.
            </DialogContentText>
            <TextField
              fullWidth
              id="dbaas-upgrade-instance-name"
              label="Instance name"
              value={typed}
              onChange={event => setTyped(event.target.value)}
              disabled={started.loading}
            />
          </>
        )}
        {started.error && <ResponseErrorPanel error={started.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={started.loading}>
          Cancel
        </Button>
        <Button
          color={
            restore || candidate.kind === 'downgrade' ? 'secondary' : 'primary'
          }
          variant="contained"
          disabled={!ready || started.loading}
          onClick={start}
        >
          {candidate.kind === 'downgrade' ? 'Downgrade' : 'Upgrade'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
