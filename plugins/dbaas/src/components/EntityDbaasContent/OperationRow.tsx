import type { Operation } from '@justmanage/plugin-dbaas-common';
import Collapse from '@material-ui/core/Collapse';
import IconButton from '@material-ui/core/IconButton';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import { useState } from 'react';
import { formatTimeAgo } from './formatTimeAgo';
import { operationDuration } from './operationDuration';
import { OperationSteps } from './OperationSteps';
import { RunStatus } from './RunStatus';

const COLUMNS = 6;

/** One operation, expandable to its steps. */
export function OperationRow(props: { operation: Operation }) {
  const { operation } = props;
  const [open, setOpen] = useState(false);
  const when = new Date(operation.createdAt);
  return (
    <>
      <TableRow>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} steps of the ${
              operation.type
            } operation`}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        <TableCell>{operation.type}</TableCell>
        <TableCell>
          <RunStatus status={operation.status} />
        </TableCell>
        <TableCell>{operation.createdBy}</TableCell>
        <TableCell>
          <time dateTime={operation.createdAt} title={when.toLocaleString()}>
            {formatTimeAgo(operation.createdAt)}
          </time>
        </TableCell>
        <TableCell>{operationDuration(operation)}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell
          style={{ paddingBottom: 0, paddingTop: 0 }}
          colSpan={COLUMNS}
        >
          <Collapse in={open} timeout="auto" unmountOnExit>
            <OperationSteps operation={operation} />
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}
