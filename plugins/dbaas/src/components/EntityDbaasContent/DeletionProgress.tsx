import { Progress } from '@backstage/core-components';
import type { Operation } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useFollowedOperation } from './useFollowedOperation';

function currentStep(operation?: Operation): string | undefined {
  return operation?.steps.find(step => step.status === 'running')?.name;
}

/**
 * Shown from the moment a delete is accepted until the instance is gone.
 * The operation is followed when this tab started it; after a reload only
 * the instance status is known, which is enough to say what happens next.
 * A failure ends this state, so the caller shows it.
 */
export function DeletionProgress(props: {
  operationId?: string;
  onFinished: (operation: Operation) => void;
}) {
  const { operation, error } = useFollowedOperation(
    props.operationId,
    props.onFinished,
  );

  const step = currentStep(operation);
  return (
    <>
      <Typography variant="body1" gutterBottom>
        {operation?.status === 'succeeded'
          ? 'The instance has been deleted.'
          : 'The instance is being deleted.'}{' '}
        Its entity will leave the catalog shortly.
      </Typography>
      {operation?.status !== 'succeeded' && <Progress />}
      {step && <Typography variant="caption">Current step: {step}</Typography>}
      {error && (
        <Alert severity="warning">
          Could not follow the deletion: {error.message}
        </Alert>
      )}
    </>
  );
}
