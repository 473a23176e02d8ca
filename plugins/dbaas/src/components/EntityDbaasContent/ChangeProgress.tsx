import { Progress } from '@backstage/core-components';
import type { Operation } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { OperationSteps } from './OperationSteps';
import { useFollowedOperation } from './useFollowedOperation';

/**
 * Follows an update operation a card started, step by step as the
 * Operations card shows them, and says in the card's words how it went.
 */
export function ChangeProgress(props: {
  operation: Operation;
  text: { running: string; succeeded: string; failed: string };
  onFinished: (operation: Operation) => void;
}) {
  const followed = useFollowedOperation(props.operation.id, props.onFinished);
  const operation = followed.operation ?? props.operation;
  const { text } = props;
  return (
    <>
      {operation.status === 'succeeded' && (
        <Alert severity="success">{text.succeeded}</Alert>
      )}
      {operation.status === 'failed' && (
        <Alert severity="error">
          {text.failed}: {operation.error ?? 'no reason was given'}
        </Alert>
      )}
      {(operation.status === 'pending' || operation.status === 'running') && (
        <>
          <Typography variant="body2">{text.running}</Typography>
          <Progress />
        </>
      )}
      <OperationSteps operation={operation} />
      {followed.error && (
        <Alert severity="warning">
          Could not follow the change: {followed.error.message}
        </Alert>
      )}
    </>
  );
}
