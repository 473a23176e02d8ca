import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  Backup,
  dbaasInstanceBackupPermission,
  dbaasInstanceRestorePermission,
  dbaasInstanceUpdatePermission,
  Instance,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { useActiveOperation } from '../ReplicasCard/useActiveOperation';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import { BackupPolicyDialog } from './BackupPolicyDialog';
import { BackupsTable } from './BackupsTable';
import { BackupChange, ChangeUnderWay } from './ChangeUnderWay';
import { DeleteBackupDialog } from './DeleteBackupDialog';
import { PolicySummary } from './PolicySummary';
import { RestoreDialog } from './RestoreDialog';
import { RestoreInPlaceDialog } from './RestoreInPlaceDialog';
import { useBackups } from './useBackups';

type Asking =
  | { dialog: 'policy' }
  | { dialog: 'restore' | 'in-place' | 'delete'; backup: Backup };

/**
 * The instance's backups: the policy that takes them, the list with size
 * and age, and, for its owners, backing up now, restoring into a new
 * instance or in place, and deleting. Every change but the policy and a
 * delete runs as an operation, followed here step by step.
 */
export function BackupsCard(props: {
  instance: Instance;
  onChange: () => void;
}) {
  const { instance, onChange } = props;
  const api = useApi(dbaasApiRef);
  const backups = useBackups(instance.id);
  const active = useActiveOperation(instance);
  const resourceRef = instance.id;
  const backUp = usePermission({
    permission: dbaasInstanceBackupPermission,
    resourceRef,
  });
  const restore = usePermission({
    permission: dbaasInstanceRestorePermission,
    resourceRef,
  });
  const update = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef,
  });
  const [asking, setAsking] = useState<Asking>();
  const [change, setChange] = useState<BackupChange>();
  const [refusal, setRefusal] = useState<string>();

  if (backups.off) {
    return (
      <InfoCard title="Backups">
        <Typography variant="body2">
          Backups are not turned on in this JustManage. An administrator turns
          them on with dbaas.backups (a folder and an encryption key) in the
          backend's configuration.
        </Typography>
      </InfoCard>
    );
  }

  const busy = !!active || instance.status !== 'running';
  const backUpNow = async () => {
    setRefusal(undefined);
    try {
      const accepted = await api.createBackup(instance.id);
      setChange({ kind: 'backup', operation: accepted.operation });
      backups.list.retry();
    } catch (error) {
      setRefusal(messageOf(error));
    }
  };
  const finished = () => {
    backups.refresh();
    onChange();
  };
  const close = () => setAsking(undefined);
  const loadError = backups.policy.error ?? backups.list.error;

  return (
    <InfoCard title="Backups">
      {loadError && <ResponseErrorPanel error={loadError} />}
      {backups.policy.value && (
        <PolicySummary
          view={backups.policy.value}
          canEdit={backUp.allowed}
          onEdit={() => setAsking({ dialog: 'policy' })}
        />
      )}
      {backUp.allowed && (
        <Box mt={2} display="flex" alignItems="center" style={{ gap: 8 }}>
          <Button
            variant="contained"
            color="primary"
            disabled={busy || change?.kind === 'backup'}
            onClick={backUpNow}
          >
            Back up now
          </Button>
          {busy && !change && (
            <Typography variant="body2" color="textSecondary">
              {active
                ? `Waits until the ${active.type} operation under way ends.`
                : `Backs up a running instance; ${instance.name} is ${instance.status}.`}
            </Typography>
          )}
        </Box>
      )}
      {!backUp.loading && !backUp.allowed && (
        <Typography variant="body2" color="textSecondary">
          Only the instance's owners may back it up, change the policy, restore
          or delete its backups.
        </Typography>
      )}
      {refusal && <Alert severity="error">{refusal}</Alert>}
      {change && (
        <ChangeUnderWay
          change={change}
          instanceName={instance.name}
          onFinished={finished}
          onDone={() => setChange(undefined)}
        />
      )}
      <Box mt={2}>
        {backups.list.loading && !backups.list.value && <Progress />}
        {backups.list.value?.length === 0 && (
          <Typography variant="body2">
            No backups of {instance.name} yet.
          </Typography>
        )}
        {!!backups.list.value?.length && (
          <BackupsTable
            backups={backups.list.value}
            actions={{
              canRestore: restore.allowed,
              canRestoreInPlace: restore.allowed && update.allowed,
              canDelete: backUp.allowed,
              busy,
              onRestore: backup => setAsking({ dialog: 'restore', backup }),
              onRestoreInPlace: backup =>
                setAsking({ dialog: 'in-place', backup }),
              onDelete: backup => setAsking({ dialog: 'delete', backup }),
            }}
          />
        )}
      </Box>
      {asking?.dialog === 'policy' && backups.policy.value && (
        <BackupPolicyDialog
          instanceId={instance.id}
          policy={backups.policy.value.policy}
          onClose={close}
          onSaved={() => {
            close();
            backups.policy.retry();
          }}
        />
      )}
      {asking?.dialog === 'restore' && (
        <RestoreDialog
          instance={instance}
          backup={asking.backup}
          onClose={close}
          onAccepted={accepted => {
            close();
            setChange({
              kind: 'restore',
              operation: accepted.operation,
              name: accepted.instance.name,
            });
          }}
        />
      )}
      {asking?.dialog === 'in-place' && (
        <RestoreInPlaceDialog
          instance={instance}
          backup={asking.backup}
          onClose={close}
          onAccepted={accepted => {
            close();
            setChange({ kind: 'in-place', operation: accepted.operation });
            onChange();
          }}
        />
      )}
      {asking?.dialog === 'delete' && (
        <DeleteBackupDialog
          instance={instance}
          backup={asking.backup}
          onClose={close}
          onDeleted={() => {
            close();
            backups.list.retry();
          }}
        />
      )}
    </InfoCard>
  );
}
