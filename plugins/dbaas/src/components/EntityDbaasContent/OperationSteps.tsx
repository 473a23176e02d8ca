import type { Operation } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { operationDuration } from './operationDuration';
import { RunStatus } from './RunStatus';

/** The inside of an operation: why it failed, and each step's fate. */
export function OperationSteps(props: { operation: Operation }) {
  const { operation } = props;
  return (
    <Box margin={1}>
      {operation.error && (
        <Alert severity="error" aria-label="operation error">
          {operation.error}
        </Alert>
      )}
      {operation.steps.length === 0 ? (
        <Typography variant="body2">No steps have started yet.</Typography>
      ) : (
        <Table size="small" aria-label={`steps of the ${operation.type}`}>
          <TableHead>
            <TableRow>
              <TableCell>Step</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Attempts</TableCell>
              <TableCell>Duration</TableCell>
              <TableCell>Error</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {operation.steps.map(step => (
              <TableRow key={step.name}>
                <TableCell>{step.name}</TableCell>
                <TableCell>
                  <RunStatus status={step.status} />
                </TableCell>
                <TableCell>{step.attempts}</TableCell>
                <TableCell>{operationDuration(step)}</TableCell>
                <TableCell>{step.error ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
