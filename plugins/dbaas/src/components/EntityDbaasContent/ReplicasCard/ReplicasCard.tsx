import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dbaasApiRef } from '../../../api';
import { ChangeProgress } from '../ChangeProgress';
import { messageOf } from '../UpgradePolicyCard/messageOf';
import { ConfirmReplicasDialog } from './ConfirmReplicasDialog';
import { currentText, doneText, replicasText } from './replicaWords';
import { limitText, replicasProblem } from './replicasProblem';
import { useActiveOperation } from './useActiveOperation';
import { whyNotApplicable } from './whyNotApplicable';

function sentinelsText(instance: Instance): string | undefined {
  const sentinels = instance.endpoints.filter(e => e.role === 'sentinel');
  return sentinels.length
    ? `Sentinels at ${sentinels.map(e => `${e.host}:${e.port}`).join(', ')}.`
    : undefined;
}

/**
 * How many replicas run next to the primary. Owners change the count; the
 * change runs as a replicas operation, followed here step by step, while
 * the primary keeps serving.
 */
export function ReplicasCard(props: {
  instance: Instance;
  onChange: () => void;
}) {
  const { instance, onChange } = props;
  const api = useApi(dbaasApiRef);
  const platforms = useAsync(() => api.listPlatforms(), [api]);
  const platform = platforms.value?.items.find(p => p.id === instance.platform);
  const { allowed } = usePermission({
    permission: dbaasInstanceUpdatePermission,
    resourceRef: instance.id,
  });
  const active = useActiveOperation(instance);
  const [typed, setTyped] = useState(String(instance.replicas));
  // What the instance has changed to (after a change, or elsewhere).
  useEffect(() => setTyped(String(instance.replicas)), [instance.replicas]);
  const [confirming, setConfirming] = useState(false);
  const [operation, setOperation] = useState<Operation>();
  const [asked, setAsked] = useState<number>(instance.replicas);
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);

  const count = Number(typed.trim());
  const problem = platform && replicasProblem(typed, platform);
  const reason =
    platform && whyNotApplicable({ instance, platform, active, count });
  const canApply = allowed && !!platform && !problem && !reason && !busy;
  const sentinels = sentinelsText(instance);

  const apply = async () => {
    setConfirming(false);
    setBusy(true);
    setRefusal(undefined);
    try {
      const accepted = await api.setReplicas(instance.id, {
        body: { replicas: count },
      });
      setAsked(count);
      setOperation(accepted.operation);
      onChange();
    } catch (error) {
      setRefusal(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title="Replicas">
      <Typography variant="body2" paragraph>
        {currentText(instance.replicas)}
      </Typography>
      {sentinels && (
        <Typography variant="body2" paragraph>
          {sentinels}
        </Typography>
      )}
      <Box
        component="form"
        aria-label="Replicas"
        onSubmit={(event: { preventDefault(): void }) => {
          event.preventDefault();
          if (canApply) setConfirming(true);
        }}
      >
        <TextField
          id="replicas-count"
          label="Replicas"
          value={typed}
          disabled={!allowed || !!operation || !platform?.ha.replicas}
          inputProps={{ inputMode: 'numeric' }}
          onChange={event => {
            setRefusal(undefined);
            setTyped(event.target.value);
          }}
          error={!!problem}
          helperText={problem ?? (platform ? limitText(platform) : ' ')}
        />
        {!allowed && (
          <Typography variant="body2" color="textSecondary">
            Only the instance's owners may change its replicas.
          </Typography>
        )}
        {allowed && !operation && reason && (
          <Typography variant="body2" color="textSecondary">
            {reason}
          </Typography>
        )}
        {platforms.error && (
          <Alert severity="error">
            Could not load the platform's limits: {platforms.error.message}
          </Alert>
        )}
        {allowed && !operation && (
          <Box mt={1}>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={!canApply}
            >
              Apply
            </Button>
          </Box>
        )}
      </Box>
      <ConfirmReplicasDialog
        instanceName={instance.name}
        from={instance.replicas}
        to={count}
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={apply}
      />
      {refusal && (
        <Box mt={1}>
          <Alert severity="error">{refusal}</Alert>
        </Box>
      )}
      {operation && (
        <Box mt={2}>
          <ChangeProgress
            operation={operation}
            text={{
              running: `Changing to ${replicasText(asked)}…`,
              succeeded: doneText(asked),
              failed: 'The change of replicas failed',
            }}
            onFinished={() => onChange()}
          />
          <Box mt={1}>
            <Button variant="outlined" onClick={() => setOperation(undefined)}>
              Done
            </Button>
          </Box>
        </Box>
      )}
    </InfoCard>
  );
}
