import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  AclUser,
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceUsersManagePermission,
  dbaasInstanceUsersReadPermission,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { ChangeProgress } from '../ChangeProgress';
import { CredentialsDialog } from '../CredentialsDialog';
import { useActiveOperation } from '../ReplicasCard/useActiveOperation';
import { AddUserDialog } from './AddUserDialog';
import { ChangeAccessDialog } from './ChangeAccessDialog';
import { RevokeUserDialog } from './RevokeUserDialog';
import { RotatePasswordDialog } from './RotatePasswordDialog';
import { RotationScheduleDialog } from './RotationScheduleDialog';
import { changeText, UserAction } from './userWords';
import { UsersTable } from './UsersTable';
import { whyNoUserChange } from './whyNoUserChange';

type OpenDialog =
  | { kind: 'add' }
  | {
      kind: 'connect' | 'change' | 'rotate' | 'schedule' | 'revoke';
      user: AclUser;
    };

interface FollowedChange {
  action: UserAction;
  username: string;
  operation: Operation;
}

/**
 * The instance's ACL users: who may log in, with what access. Owners add
 * users (the password shown once), change their access, rotate their
 * passwords (the new one shown once, the old kept a while), now or every
 * N days, and revoke them;
 * each change runs as a users operation, followed here to its end. A
 * user's connection details are revealed on request, one audited read each.
 */
export function UsersCard(props: { instance: Instance; onChange: () => void }) {
  const { instance, onChange } = props;
  const api = useApi(dbaasApiRef);
  const read = usePermission({
    permission: dbaasInstanceUsersReadPermission,
    resourceRef: instance.id,
  });
  const manage = usePermission({
    permission: dbaasInstanceUsersManagePermission,
    resourceRef: instance.id,
  });
  const credentials = usePermission({
    permission: dbaasInstanceCredentialsReadPermission,
    resourceRef: instance.id,
  });
  const users = useAsyncRetry(
    async () =>
      read.allowed ? (await api.listAclUsers(instance.id)).items : undefined,
    [api, instance.id, read.allowed],
  );
  const active = useActiveOperation(instance);
  const [dialog, setDialog] = useState<OpenDialog>();
  const [change, setChange] = useState<FollowedChange>();

  const follow = (
    action: UserAction,
    username: string,
    operation: Operation,
  ) => {
    setChange({ action, username, operation });
    users.retry();
    onChange();
  };
  const closeAnd = (action: UserAction, user: AclUser) => (op: Operation) => {
    setDialog(undefined);
    follow(action, user.username, op);
  };

  if (read.loading) {
    return (
      <InfoCard title="Users">
        <Progress />
      </InfoCard>
    );
  }
  if (!read.allowed) {
    return (
      <InfoCard title="Users">
        <Typography variant="body2" color="textSecondary">
          You may not see this instance's users; its owners can give you access.
        </Typography>
      </InfoCard>
    );
  }

  // our own change running is followed below, not a reason to explain
  const ours = !!change && active?.id === change.operation.id;
  const addReason = whyNoUserChange(instance, active, 'create');
  const revokeReason = whyNoUserChange(instance, active, 'delete');

  return (
    <InfoCard title="Users">
      <Typography variant="body2" paragraph>
        Who may log in to {instance.name}, each with its own password and
        access. The default user is made with the instance for its applications.
      </Typography>
      {users.error && <ResponseErrorPanel error={users.error} />}
      {users.loading && !users.value && <Progress />}
      {users.value && (
        <UsersTable
          users={users.value}
          actions={{
            canConnect: credentials.allowed,
            canManage: manage.allowed,
            changeDisabled: !!addReason,
            revokeDisabled: !!revokeReason,
            onConnect: user => setDialog({ kind: 'connect', user }),
            onChangeAccess: user => setDialog({ kind: 'change', user }),
            onRotate: user => setDialog({ kind: 'rotate', user }),
            onSchedule: user => setDialog({ kind: 'schedule', user }),
            onRevoke: user => setDialog({ kind: 'revoke', user }),
          }}
        />
      )}
      <Box mt={2}>
        {manage.allowed && (
          <Button
            variant="contained"
            color="primary"
            disabled={!!addReason || !users.value}
            onClick={() => setDialog({ kind: 'add' })}
          >
            Add user
          </Button>
        )}
        {manage.allowed && addReason && !ours && (
          <Typography variant="body2" color="textSecondary">
            {addReason}
          </Typography>
        )}
        {!manage.loading && !manage.allowed && (
          <Typography variant="body2" color="textSecondary">
            Only the instance's owners may add users, change their access,
            rotate their passwords or revoke them.
          </Typography>
        )}
        {!credentials.loading && !credentials.allowed && (
          <Typography variant="body2" color="textSecondary">
            You may not see the users' passwords, so Connect is not offered; the
            instance's owners can give you access.
          </Typography>
        )}
      </Box>
      {change && (
        <Box mt={2}>
          <ChangeProgress
            operation={change.operation}
            text={changeText(change.action, change.username)}
            onFinished={() => {
              users.retry();
              onChange();
            }}
          />
          <Box mt={1}>
            <Button variant="outlined" onClick={() => setChange(undefined)}>
              Done
            </Button>
          </Box>
        </Box>
      )}
      {dialog?.kind === 'add' && (
        <AddUserDialog
          instance={instance}
          taken={users.value?.map(u => u.username) ?? []}
          onClose={() => setDialog(undefined)}
          onCreated={(username, op) => follow('create', username, op)}
        />
      )}
      {/* mounted only for one user: closing must not read anyone else's */}
      {dialog?.kind === 'connect' && (
        <CredentialsDialog
          open
          instanceId={instance.id}
          instanceName={instance.name}
          username={dialog.user.username}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'change' && (
        <ChangeAccessDialog
          instance={instance}
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onChanged={closeAnd('update', dialog.user)}
        />
      )}
      {/* stays open on the new password, shown once, while the card follows it */}
      {dialog?.kind === 'rotate' && (
        <RotatePasswordDialog
          instance={instance}
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onRotated={op => follow('rotate', dialog.user.username, op)}
        />
      )}
      {/* only the record changes: no operation to follow */}
      {dialog?.kind === 'schedule' && (
        <RotationScheduleDialog
          instance={instance}
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            users.retry();
          }}
        />
      )}
      {dialog?.kind === 'revoke' && (
        <RevokeUserDialog
          instance={instance}
          username={dialog.user.username}
          onClose={() => setDialog(undefined)}
          onRevoked={closeAnd('delete', dialog.user)}
        />
      )}
    </InfoCard>
  );
}
