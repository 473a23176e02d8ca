import { InfoCard } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceDeletePermission,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DeleteInstanceDialog } from './DeleteInstanceDialog';
import { DeletionProgress } from './DeletionProgress';
import { useFleetPageLink } from './useFleetPageLink';

/**
 * Deleting the instance. The button is offered only to those allowed to
 * delete; everyone sees a running deletion, so nobody wonders where the
 * instance is going.
 */
export function DangerZoneCard(props: {
  instance: Instance;
  onChange: () => void;
}) {
  const { instance, onChange } = props;
  const [open, setOpen] = useState(false);
  const [deletion, setDeletion] = useState<Operation>();
  const [failure, setFailure] = useState<string>();
  const navigate = useNavigate();
  const fleetPage = useFleetPageLink();
  const { allowed, loading } = usePermission({
    permission: dbaasInstanceDeletePermission,
    resourceRef: instance.id,
  });
  const onDeleted = useCallback(
    (operation: Operation) => {
      setOpen(false);
      setFailure(undefined);
      setDeletion(operation);
      onChange();
    },
    [onChange],
  );
  // A failed deletion leaves the instance in place; offer the button again.
  // A finished one leaves nothing to look at here: back to the fleet.
  const onFinished = useCallback(
    (operation: Operation) => {
      if (operation.status === 'failed') {
        setDeletion(undefined);
        setFailure(operation.error ?? 'no reason was given');
      }
      onChange();
      if (operation.status === 'succeeded' && fleetPage) navigate(fleetPage);
    },
    [onChange, navigate, fleetPage],
  );

  if (deletion || instance.status === 'deleting') {
    return (
      <InfoCard title="Danger zone">
        <DeletionProgress operationId={deletion?.id} onFinished={onFinished} />
      </InfoCard>
    );
  }
  if (loading) {
    return null;
  }
  if (!allowed) {
    // say why there is no button, rather than leave users looking for one
    return (
      <InfoCard title="Danger zone">
        <Typography variant="body2" color="textSecondary">
          Only the instance's owners may delete it.
        </Typography>
      </InfoCard>
    );
  }
  return (
    <InfoCard title="Danger zone">
      {failure && (
        <Alert severity="error">The last deletion failed: {failure}</Alert>
      )}
      <Typography variant="body2" paragraph>
        Deleting stops the instance and removes its data. It cannot be undone.
      </Typography>
      <Button
        variant="outlined"
        color="secondary"
        onClick={() => setOpen(true)}
      >
        Delete instance
      </Button>
      <DeleteInstanceDialog
        open={open}
        instance={instance}
        onClose={() => setOpen(false)}
        onDeleted={onDeleted}
      />
    </InfoCard>
  );
}
