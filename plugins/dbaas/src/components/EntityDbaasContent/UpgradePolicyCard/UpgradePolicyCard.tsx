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
  UpgradePolicyRequest,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../../api';
import { DecisionLog } from './DecisionLog';
import { PolicyForm } from './PolicyForm';
import { SnoozeAndApply } from './SnoozeAndApply';
import { UpgradeInstructionForm } from './UpgradeInstructionForm';

/**
 * When the instance may be upgraded: manual or automatic patch upgrades in
 * maintenance windows, snooze, blackout dates, apply now, and the log of
 * what the maintenance job decided.
 */
export function UpgradePolicyCard(props: {
  instance: Instance;
  /** The viewer's IANA zone; the browser's by default. */
  viewerZone?: string;
  onChange?: () => void;
}) {
  const api = useApi(dbaasApiRef);
  const id = props.instance.id;
  const policy = useAsyncRetry(() => api.getUpgradePolicy(id), [api, id]);
  const decisions = useAsyncRetry(
    async () => (await api.listMaintenanceDecisions(id)).items,
    [api, id],
  );
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: id,
  });
  const reload = () => {
    policy.retry();
    decisions.retry();
  };

  const save = async (request: UpgradePolicyRequest) => {
    await api.updateUpgradePolicy(id, { body: request });
    reload();
  };

  return (
    <InfoCard title="Upgrade policy and maintenance windows" variant="gridItem">
      {policy.error && <ResponseErrorPanel error={policy.error} />}
      {!policy.value && !policy.error && <Progress />}
      {policy.value && (
        <>
          {allowed && (
            <Box mb={3}>
              <UpgradeInstructionForm
                policy={policy.value}
                viewerZone={props.viewerZone}
                onSave={save}
              />
            </Box>
          )}
          <PolicyForm
            policy={policy.value}
            canEdit={allowed}
            viewerZone={props.viewerZone}
            onSave={save}
          />
          {allowed && (
            <Box mt={3}>
              <SnoozeAndApply
                policy={policy.value}
                viewerZone={props.viewerZone}
                onSnooze={async cancel => {
                  await api.snoozeUpgradePolicy(id, { body: { cancel } });
                  reload();
                }}
                onApplyNow={async () => {
                  const { operation } = await api.applyPendingPatch(id);
                  reload();
                  props.onChange?.();
                  const to = (operation.params as { to?: { version?: string } })
                    .to?.version;
                  return `Started the patch upgrade${
                    to ? ` to ${to}` : ''
                  }; follow it under Operations.`;
                }}
              />
            </Box>
          )}
        </>
      )}
      <Box mt={3}>
        <Typography variant="subtitle2" gutterBottom>
          Automatic decisions
        </Typography>
        {decisions.error && <ResponseErrorPanel error={decisions.error} />}
        {decisions.value && (
          <DecisionLog
            decisions={decisions.value}
            viewerZone={props.viewerZone}
          />
        )}
      </Box>
    </InfoCard>
  );
}
