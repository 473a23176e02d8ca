import type { ScannedKey } from '@justmanage/plugin-dbaas-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatBytes } from '../formatBytes';

const number = new Intl.NumberFormat('en');

/** What the element count of a type counts. */
export function elementsLabel(type: string): string {
  return type === 'string' ? 'Length (bytes)' : 'Elements';
}

/** Keys with their type, database, memory and element count. */
export function KeysTable(props: {
  keys: ScannedKey[];
  label: string;
  elementsHeading?: string;
}) {
  const { keys, label, elementsHeading = 'Elements' } = props;
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Key</TableCell>
          <TableCell>Type</TableCell>
          <TableCell align="right">DB</TableCell>
          <TableCell align="right">Memory</TableCell>
          <TableCell align="right">{elementsHeading}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {keys.map(key => (
          <TableRow key={`${key.db}/${key.key}`}>
            <TableCell style={{ wordBreak: 'break-all' }}>
              <code>{key.key}</code>
            </TableCell>
            <TableCell>{key.type}</TableCell>
            <TableCell align="right">{key.db}</TableCell>
            <TableCell align="right" title={`${key.memoryBytes} bytes`}>
              {formatBytes(key.memoryBytes)}
            </TableCell>
            <TableCell align="right">
              {key.elements !== undefined ? number.format(key.elements) : '–'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
