import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { AclUser } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatTimeAgo } from '../formatTimeAgo';
import { rotationLine } from './rotationSchedule';
import { keysText, passwordLines, presetTitle } from './userWords';

/** A person's ref as a link; the product's own name ("justmanage") as text. */
function Creator(props: { by: string }) {
  try {
    parseEntityRef(props.by);
  } catch {
    return <>{props.by}</>;
  }
  return <EntityRefLink entityRef={props.by} defaultKind="user" />;
}

/** What a row offers: no button the viewer may not use. */
export interface UserRowActions {
  canConnect: boolean;
  canManage: boolean;
  /** The card says why these wait. */
  changeDisabled: boolean;
  revokeDisabled: boolean;
  onConnect: (user: AclUser) => void;
  onChangeAccess: (user: AclUser) => void;
  onRotate: (user: AclUser) => void;
  onSchedule: (user: AclUser) => void;
  onRevoke: (user: AclUser) => void;
}

function Actions(props: { user: AclUser; actions: UserRowActions }) {
  const { user, actions } = props;
  // Vault sets the passwords of its users; the default user keeps its access
  const productManaged = user.managedBy === 'product';
  const changeable = productManaged && !user.default;
  return (
    <Box display="flex" style={{ gap: 8, whiteSpace: 'nowrap' }}>
      {actions.canConnect && (
        <Button size="small" onClick={() => actions.onConnect(user)}>
          Connect
        </Button>
      )}
      {actions.canManage && productManaged && (
        <Button
          size="small"
          disabled={actions.changeDisabled}
          onClick={() => actions.onRotate(user)}
        >
          Rotate password
        </Button>
      )}
      {actions.canManage && productManaged && (
        <Button size="small" onClick={() => actions.onSchedule(user)}>
          Schedule rotation
        </Button>
      )}
      {actions.canManage && changeable && (
        <>
          <Button
            size="small"
            disabled={actions.changeDisabled}
            onClick={() => actions.onChangeAccess(user)}
          >
            Change access
          </Button>
          <Button
            size="small"
            color="secondary"
            disabled={actions.revokeDisabled}
            onClick={() => actions.onRevoke(user)}
          >
            Revoke
          </Button>
        </>
      )}
    </Box>
  );
}

/** The instance's users, one row each, with what the viewer may do. */
export function UsersTable(props: {
  users: AclUser[];
  actions: UserRowActions;
}) {
  const { users, actions } = props;
  return (
    <Table size="small" aria-label="users">
      <TableHead>
        <TableRow>
          <TableCell>User</TableCell>
          <TableCell>Access</TableCell>
          <TableCell>Keys</TableCell>
          <TableCell>Created</TableCell>
          <TableCell>Password</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {users.map(user => (
          <TableRow key={user.username}>
            <TableCell>
              <code>{user.username}</code>{' '}
              {user.default && (
                <Chip
                  size="small"
                  label="default"
                  title="Made with the instance for its applications; it is rotated, never changed or revoked"
                />
              )}
              {user.managedBy === 'vault' && (
                <Chip size="small" label="managed by Vault" />
              )}
            </TableCell>
            <TableCell>
              {presetTitle(user.preset)}
              {user.preset === 'custom' && (
                <Box>
                  <code style={{ wordBreak: 'break-all' }}>{user.rules}</code>
                </Box>
              )}
            </TableCell>
            <TableCell>{keysText(user)}</TableCell>
            <TableCell>
              <time
                dateTime={user.createdAt}
                title={new Date(user.createdAt).toLocaleString()}
              >
                {formatTimeAgo(user.createdAt)}
              </time>{' '}
              by <Creator by={user.createdBy} />
            </TableCell>
            <TableCell>
              {passwordLines(user).map((line, index) => (
                <div key={index} title={line.title}>
                  {line.text}
                </div>
              ))}
              {user.rotation && (
                <div title={new Date(user.rotation.nextAt).toLocaleString()}>
                  {rotationLine(user.rotation)}
                </div>
              )}
            </TableCell>
            <TableCell>
              <Actions user={user} actions={actions} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
