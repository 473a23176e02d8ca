import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceUsersManagePermission,
  Instance,
  VaultCredentials,
  VaultLease,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { dbaasApiRef } from '../../../api';
import { ActionOutcome, useActionOutcome } from '../ActionOutcome';
import { ConfirmDialog } from './ConfirmDialog';
import { HandToVaultDialog } from './HandToVaultDialog';
import { IssueCredentialsForm } from './IssueCredentialsForm';
import { IssuedCredentials } from './IssuedCredentials';
import { LeasesTable } from './LeasesTable';
import { RegistrationStatus } from './RegistrationStatus';
import { StaticPasswordDialog } from './StaticPasswordDialog';
import { StaticRolesList } from './StaticRolesList';
import { useVaultStatus } from './useVaultStatus';
import { expiryText, issuablePresets, vaultErrorText } from './vaultWords';

type OpenDialog =
  | { kind: 'revoke'; lease: VaultLease }
  | { kind: 'show' | 'end'; username: string }
  | { kind: 'hand' };

/**
 * Credentials from HashiCorp Vault for the instance: dynamic ones per
 * preset with their leases, and users whose passwords Vault rotates. Not
 * rendered at all when the backend has no Vault (its GET answers 404).
 * Spaced on its own, since it sits under the Users card it extends.
 */
export function VaultCard(props: { instance: Instance }) {
  const { instance } = props;
  const api = useApi(dbaasApiRef);
  const status = useVaultStatus(instance.id);
  const action = useActionOutcome(vaultErrorText);
  const [issued, setIssued] = useState<VaultCredentials>();
  const [dialog, setDialog] = useState<OpenDialog>();
  // Credentials are the owners', as a password's reveal is; handing users
  // to Vault and ending that changes users.
  const credentials = usePermission({
    permission: dbaasInstanceCredentialsReadPermission,
    resourceRef: instance.id,
  });
  const manage = usePermission({
    permission: dbaasInstanceUsersManagePermission,
    resourceRef: instance.id,
  });

  // nothing until the backend says Vault is there: no card flashing by
  if (!status.value && !status.error) return null;

  const vault = status.value;
  const registered = vault?.status === 'registered';
  const closeAndReload = () => {
    setDialog(undefined);
    status.retry();
  };
  const issue = (preset: string) =>
    action.run(async () => {
      setIssued(undefined);
      const fresh = await api.issueVaultCredentials(instance.id, {
        body: { role: preset },
      });
      setIssued(fresh);
      status.retry();
      return `Vault issued ${fresh.username}.`;
    });
  const renew = (lease: VaultLease) =>
    action.run(async () => {
      const renewed = await api.renewVaultLease(instance.id, lease.leaseId);
      status.retry();
      return `Renewed ${lease.username}: it now expires ${expiryText(
        renewed.expiresAt,
      )}.`;
    });

  return (
    <Box mt={3}>
      <InfoCard title="Vault credentials">
        {status.error && (
          <Alert severity="error">{vaultErrorText(status.error)}</Alert>
        )}
        {vault && <RegistrationStatus status={vault} />}
        {registered && !credentials.loading && !credentials.allowed && (
          <Typography variant="body2" color="textSecondary">
            Only the instance's owners may get credentials from Vault, renew or
            revoke them, or read the password of a user Vault rotates.
          </Typography>
        )}
        {registered && credentials.allowed && (
          <IssueCredentialsForm
            presets={issuablePresets(vault.roles)}
            busy={action.busy}
            onIssue={issue}
          />
        )}
        <ActionOutcome outcome={action.outcome} />
        {issued && (
          <IssuedCredentials
            instance={instance}
            credentials={issued}
            onDone={() => setIssued(undefined)}
          />
        )}
        {vault && (
          <>
            <Typography variant="h6">Leases</Typography>
            <LeasesTable
              leases={vault.leases}
              busy={action.busy}
              {...(credentials.allowed
                ? {
                    onRenew: renew,
                    onRevoke: (lease: VaultLease) =>
                      setDialog({ kind: 'revoke', lease }),
                  }
                : {})}
            />
            <Box mt={2}>
              <Typography variant="h6">Users Vault rotates</Typography>
              <StaticRolesList
                usernames={vault.staticRoles}
                {...(credentials.allowed
                  ? {
                      onShow: (username: string) =>
                        setDialog({ kind: 'show', username }),
                    }
                  : {})}
                {...(manage.allowed
                  ? {
                      onEnd: (username: string) =>
                        setDialog({ kind: 'end', username }),
                    }
                  : {})}
              />
              {registered && manage.allowed && (
                <Button
                  variant="outlined"
                  onClick={() => setDialog({ kind: 'hand' })}
                >
                  Hand a user to Vault
                </Button>
              )}
            </Box>
          </>
        )}
        {dialog?.kind === 'revoke' && (
          <ConfirmDialog
            title={`Revoke ${dialog.lease.username}?`}
            confirm={`Revoke ${dialog.lease.username}`}
            onClose={() => setDialog(undefined)}
            onConfirm={async () => {
              await api.revokeVaultLease(instance.id, dialog.lease.leaseId);
              closeAndReload();
            }}
          >
            Vault deletes {dialog.lease.username} and the product deletes it on
            every node of {instance.name}: its live sessions end now, and its
            password no longer logs in.
          </ConfirmDialog>
        )}
        {dialog?.kind === 'end' && (
          <ConfirmDialog
            title={`End the static role of ${dialog.username}?`}
            confirm={`End static role of ${dialog.username}`}
            onClose={() => setDialog(undefined)}
            onConfirm={async () => {
              await api.deleteVaultStaticRole(instance.id, dialog.username);
              closeAndReload();
            }}
          >
            Vault stops rotating {dialog.username}, and the user is deleted on
            every node of {instance.name}: its live sessions end now. Add it
            again on the Users card to get it back, with a new password.
          </ConfirmDialog>
        )}
        {/* mounted only while open: each opening is one audited read */}
        {dialog?.kind === 'show' && (
          <StaticPasswordDialog
            instance={instance}
            username={dialog.username}
            onClose={() => setDialog(undefined)}
          />
        )}
        {dialog?.kind === 'hand' && (
          <HandToVaultDialog
            instance={instance}
            onClose={() => setDialog(undefined)}
            onHanded={closeAndReload}
          />
        )}
      </InfoCard>
    </Box>
  );
}
