import type { KeyScanReport } from '@justmanage/plugin-dbaas-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatBytes } from '../formatBytes';

const number = new Intl.NumberFormat('en');

function share(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)} %` : '–';
}

/** Key name prefixes with their key count and memory, biggest first. */
export function PatternsTable(props: { report: KeyScanReport }) {
  const { patterns, otherPatterns, memoryBytes } = props.report;
  const rows = [...patterns];
  if (otherPatterns.keys > 0) {
    rows.push({
      pattern: `${number.format(otherPatterns.groups)} other patterns`,
      keys: otherPatterns.keys,
      memoryBytes: otherPatterns.memoryBytes,
    });
  }
  return (
    <Table size="small" aria-label="Key patterns">
      <TableHead>
        <TableRow>
          <TableCell>Pattern</TableCell>
          <TableCell align="right">Keys</TableCell>
          <TableCell align="right">Memory</TableCell>
          <TableCell align="right">Share of memory</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.pattern}>
            <TableCell>
              <code>{row.pattern}</code>
            </TableCell>
            <TableCell align="right">{number.format(row.keys)}</TableCell>
            <TableCell align="right" title={`${row.memoryBytes} bytes`}>
              {formatBytes(row.memoryBytes)}
            </TableCell>
            <TableCell align="right">
              {share(row.memoryBytes, memoryBytes)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
