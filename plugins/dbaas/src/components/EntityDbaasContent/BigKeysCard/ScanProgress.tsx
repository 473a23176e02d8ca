import type { Operation } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

const number = new Intl.NumberFormat('en');

/** Keys scanned of the keys there were, and a cancel button for owners. */
export function ScanProgress(props: {
  operation: Operation;
  canCancel: boolean;
  onCancel: () => void;
}) {
  const { operation, canCancel, onCancel } = props;
  const progress = operation.progress;
  const percent =
    progress?.total && progress.total > 0
      ? Math.min(100, (100 * progress.done) / progress.total)
      : undefined;
  let text = 'Waiting to start';
  if (progress) {
    text = `Scanned ${number.format(progress.done)}${
      progress.total !== undefined ? ` of ${number.format(progress.total)}` : ''
    } ${progress.unit}`;
  } else if (operation.status === 'running') {
    text = 'Scanning';
  }
  const cancelling = Boolean(operation.cancelRequestedBy);
  return (
    <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
      <Box flexGrow={1}>
        <Typography variant="body2">
          {cancelling
            ? `Cancelling (asked by ${operation.cancelRequestedBy})`
            : text}
        </Typography>
        <LinearProgress
          aria-label="Key scan progress"
          variant={percent === undefined ? 'indeterminate' : 'determinate'}
          value={percent}
        />
      </Box>
      {canCancel && (
        <Button variant="outlined" onClick={onCancel} disabled={cancelling}>
          Cancel scan
        </Button>
      )}
    </Box>
  );
}
