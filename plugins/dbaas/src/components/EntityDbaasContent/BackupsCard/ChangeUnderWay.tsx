import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { Operation } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { ChangeProgress } from '../ChangeProgress';
import { backUpNowText, restoreInPlaceText, restoreText } from './backupWords';

/** A change the card started, followed to its end. */
export type BackupChange =
  | { kind: 'backup' | 'in-place'; operation: Operation }
  | { kind: 'restore'; operation: Operation; name: string };

function textOf(change: BackupChange, instanceName: string) {
  if (change.kind === 'backup') return backUpNowText;
  if (change.kind === 'restore') return restoreText(change.name);
  return restoreInPlaceText(instanceName);
}

/**
 * Follows a backup or restore step by step; a restored instance is linked
 * once it runs, where its own Redis tab shows how to connect to it.
 */
export function ChangeUnderWay(props: {
  change: BackupChange;
  instanceName: string;
  onFinished: () => void;
  onDone: () => void;
}) {
  const { change, instanceName, onFinished, onDone } = props;
  const entityPath = useRouteRef(entityRouteRef);
  const [succeeded, setSucceeded] = useState(false);
  return (
    <Box mt={2}>
      <ChangeProgress
        operation={change.operation}
        text={textOf(change, instanceName)}
        onFinished={operation => {
          setSucceeded(operation.status === 'succeeded');
          onFinished();
        }}
      />
      <Box mt={1} display="flex" alignItems="center" style={{ gap: 16 }}>
        {change.kind === 'restore' && succeeded && (
          <Link
            to={`${entityPath({
              kind: 'resource',
              namespace: 'default',
              name: change.name,
            })}/redis`}
          >
            Open {change.name}
          </Link>
        )}
        <Button variant="outlined" onClick={onDone}>
          Done
        </Button>
      </Box>
    </Box>
  );
}
