import { Progress } from '@backstage/core-components';
import type { Operation } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { OperationSteps } from '../OperationSteps';
import { useFollowedOperation } from '../useFollowedOperation';
import { engineLabel } from './describeCandidate';

/** The target an upgrade operation was asked to reach. */
function targetOf(operation: Operation): string {
  const to = (operation.params as { to?: { engine: string; version: string } })
    .to;
  return to ? engineLabel(to) : 'the new version';
}

/** Follows an upgrade to its end, step by step. */
export function UpgradeProgress(props: {
  operation: Operation;
  onFinished: (operation: Operation) => void;
}) {
  const followed = useFollowedOperation(props.operation.id, props.onFinished);
  const operation = followed.operation ?? props.operation;
  const target = targetOf(operation);
  return (
    <>
      {operation.status === 'succeeded' && (
        <Alert severity="success">The instance now runs {target}.</Alert>
      )}
      {operation.status === 'failed' && (
        <Alert severity="error">
          The move to {target} failed and was rolled back:{' '}
          {operation.error ?? 'no reason was given'}
        </Alert>
      )}
      {(operation.status === 'pending' || operation.status === 'running') && (
        <>
          <Typography variant="body2">Moving to {target}…</Typography>
          <Progress />
        </>
      )}
      <OperationSteps operation={operation} />
      {followed.error && (
        <Alert severity="warning">
          Could not follow the upgrade: {followed.error.message}
        </Alert>
      )}
    </>
  );
}
