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

const FEATURES: Record<string, string> = { tls: 'TLS' };

/** The features an advisory needs that the instance does not use. */
function unusedFeatures(advisory: Advisory, usesTls: boolean): string[] {
  return (advisory.requires ?? [])
    .filter(feature => !(feature === 'tls' && usesTls))
    .map(feature => FEATURES[feature] ?? feature);
}

/**
 * Advisories as a table, most severe first (the API sorts them). One that
 * is reached only through a feature the instance does not use (TLS on an
 * instance without a TLS endpoint) is marked so: the version is affected,
 * the instance is not exposed until it turns the feature on.
 */
export function AdvisoryList(props: {
  advisories: Advisory[];
  usesTls: boolean;
}) {
  const { advisories, usesTls } = props;
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
                {unusedFeatures(advisory, usesTls).map(feature => (
                  <Typography
                    key={feature}
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    Needs {feature}, which this instance does not use: not
                    exposed unless {feature} is turned on.
                  </Typography>
                ))}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
