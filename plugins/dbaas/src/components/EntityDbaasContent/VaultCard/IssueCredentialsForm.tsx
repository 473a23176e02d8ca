import type { AclPresetInfo } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';

/** The role to ask Vault for, one per preset, and the button that asks. */
export function IssueCredentialsForm(props: {
  presets: AclPresetInfo[];
  busy: boolean;
  onIssue: (preset: string) => void;
}) {
  const { presets, busy, onIssue } = props;
  // read-only first: the least a new client should start with
  const [preset, setPreset] = useState<string>(presets[0]?.id ?? '');
  return (
    <Box display="flex" alignItems="center" mb={2}>
      <TextField
        select
        id="vault-role"
        label="Role"
        value={preset}
        onChange={e => setPreset(e.target.value)}
        variant="outlined"
        size="small"
        style={{ minWidth: 320, marginRight: 16 }}
        SelectProps={{ SelectDisplayProps: { 'aria-label': 'Role' } as any }}
        helperText={presets.find(p => p.id === preset)?.description}
      >
        {presets.map(p => (
          <MenuItem key={p.id} value={p.id}>
            {p.title}
          </MenuItem>
        ))}
      </TextField>
      <Button
        variant="contained"
        color="primary"
        disabled={busy || !preset}
        onClick={() => onIssue(preset)}
      >
        Get credentials
      </Button>
    </Box>
  );
}
