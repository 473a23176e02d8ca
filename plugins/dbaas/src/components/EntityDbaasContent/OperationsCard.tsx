import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { Instance, Operation } from '@justmanage/plugin-dbaas-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useEffect } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { dbaasApiRef } from '../../api';
import { OperationRow } from './OperationRow';
import { INSTANCE_POLL_INTERVAL_MS } from './usePolledInstance';

function isUnfinished(operation: Operation): boolean {
  return operation.status === 'pending' || operation.status === 'running';
}

function newestFirst(operations: Operation[]): Operation[] {
  return [...operations].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * What has been done to the instance. Reloads when the instance changes,
 * and on the poll interval while an operation is still going, so its steps
 * advance on screen.
 */
export function OperationsCard(props: { instance: Instance }) {
  const { id, status, updatedAt } = props.instance;
  const api = useApi(dbaasApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    async () => newestFirst((await api.listOperations(id)).items),
    [api, id, status, updatedAt],
  );

  const going = value?.some(isUnfinished) ?? false;
  useEffect(() => {
    if (!going || loading) return undefined;
    const timer = setTimeout(retry, INSTANCE_POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [going, loading, retry]);

  let content;
  if (error) {
    content = <ResponseErrorPanel error={error} />;
  } else if (!value) {
    content = <Progress />;
  } else if (value.length === 0) {
    content = <Typography variant="body2">No operations yet.</Typography>;
  } else {
    content = (
      <Table size="small" aria-label="operations">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>Type</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>By</TableCell>
            <TableCell>When</TableCell>
            <TableCell>Duration</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.map(operation => (
            <OperationRow key={operation.id} operation={operation} />
          ))}
        </TableBody>
      </Table>
    );
  }
  return <InfoCard title="Operations">{content}</InfoCard>;
}
