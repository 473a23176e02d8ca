import type { BackupPolicyView } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { policyText } from './backupWords';

function when(iso?: string): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}

/** The policy in words, when it runs next and when it last backed up. */
export function PolicySummary(props: {
  view: BackupPolicyView;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { view, canEdit, onEdit } = props;
  return (
    <Box display="flex" alignItems="flex-start" style={{ gap: 16 }}>
      <Box flexGrow={1} aria-label="Backup policy">
        <Typography variant="body1">
          {policyText(view.policy)}
          {view.isDefault && ' (the default; no policy was set)'}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Last backup: {when(view.lastBackupAt)}
          {view.policy.enabled && ` · next: ${when(view.nextBackupAt)}`}
        </Typography>
      </Box>
      {canEdit && (
        <Button variant="outlined" onClick={onEdit}>
          Edit policy
        </Button>
      )}
    </Box>
  );
}
