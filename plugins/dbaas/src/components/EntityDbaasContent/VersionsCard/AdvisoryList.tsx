import { Link } from '@backstage/core-components';
import type { Advisory } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { SeverityChip } from './SeverityChip';

/** The advisory's own page first: the vendor's advisory, else NVD. */
function primaryLink(advisory: Advisory): string | undefined {
  return (
    advisory.links.find(l => l.includes('/security/advisories/')) ??
    advisory.links[0]
  );
}

/** Advisories as a table, most severe first (the API sorts them). */
export function AdvisoryList(props: { advisories: Advisory[] }) {
  const { advisories } = props;
  return (
    <Table size="small" aria-label="advisories">
      <TableHead>
        <TableRow>
          <TableCell>Advisory</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Summary</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {advisories.map(advisory => {
          const link = primaryLink(advisory);
          return (
            <TableRow key={advisory.id}>
              <TableCell>
                {link ? <Link to={link}>{advisory.id}</Link> : advisory.id}
                <Typography
                  variant="caption"
                  component="div"
                  color="textSecondary"
                >
                  published {advisory.published}
                </Typography>
              </TableCell>
              <TableCell>
                <SeverityChip
                  severity={advisory.severity}
                  label={
                    advisory.cvss !== undefined
                      ? `${advisory.severity} ${advisory.cvss.toFixed(1)}`
                      : advisory.severity
                  }
                />
              </TableCell>
              <TableCell>
                <Box maxWidth={640}>{advisory.summary}</Box>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
