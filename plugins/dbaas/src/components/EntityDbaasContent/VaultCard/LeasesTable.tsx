import type { VaultLease } from '@justmanage/plugin-dbaas-common';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { formatMoment } from '../UsersCard/userWords';
import { expiryText, roleTitle } from './vaultWords';

function stateOf(lease: VaultLease, now: number): string | undefined {
  if (lease.revokedAt) return `revoked ${formatMoment(lease.revokedAt)}`;
  if (new Date(lease.expiresAt).getTime() <= now) return 'expired';
  return undefined;
}

/**
 * The leases issued through the product; live ones can be renewed or
 * revoked by those given the handlers (owners).
 */
export function LeasesTable(props: {
  leases: VaultLease[];
  busy: boolean;
  onRenew?: (lease: VaultLease) => void;
  onRevoke?: (lease: VaultLease) => void;
}) {
  const { leases, busy, onRenew, onRevoke } = props;
  if (!leases.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No credentials issued through the product yet.
      </Typography>
    );
  }
  const now = Date.now();
  return (
    <Table size="small" aria-label="leases">
      <TableHead>
        <TableRow>
          <TableCell>User</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Issued by</TableCell>
          <TableCell>Expires</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {leases.map(lease => {
          const ended = stateOf(lease, now);
          return (
            <TableRow key={lease.leaseId}>
              <TableCell>
                <code>{lease.username}</code>
                <Typography variant="caption" display="block">
                  {lease.leaseId}
                </Typography>
              </TableCell>
              <TableCell>{roleTitle(lease.role)}</TableCell>
              <TableCell>
                {lease.issuedBy.replace(/^user:default\//, '')},{' '}
                {formatMoment(lease.issuedAt)}
              </TableCell>
              <TableCell>{ended ?? expiryText(lease.expiresAt, now)}</TableCell>
              <TableCell align="right">
                {!ended && onRenew && onRevoke && (
                  <>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() => onRenew(lease)}
                    >
                      Renew
                    </Button>
                    <Button
                      size="small"
                      color="secondary"
                      disabled={busy}
                      onClick={() => onRevoke(lease)}
                    >
                      Revoke
                    </Button>
                  </>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
