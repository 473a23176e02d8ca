import { CONFIG_PARAMETERS } from '@justmanage/plugin-dbaas-common';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ConfigDraft } from './configDraft';

/** One row per setting: its name, what it does, and its value. */
export function ConfigFields(props: {
  draft: ConfigDraft;
  problems: Record<string, string>;
  disabled: boolean;
  onChange: (draft: ConfigDraft) => void;
}) {
  const { draft, problems, disabled, onChange } = props;
  return (
    <Table size="small" aria-label="settings">
      <TableBody>
        {CONFIG_PARAMETERS.map(p => (
          <TableRow key={p.name}>
            <TableCell>
              <Typography variant="body2">
                <code>{p.name}</code>
              </Typography>
              <Typography variant="caption" color="textSecondary">
                {p.summary} Default: {p.default === '' ? '(empty)' : p.default}.
              </Typography>
            </TableCell>
            <TableCell style={{ width: '35%' }}>
              <TextField
                id={`config-${p.name}`}
                inputProps={{ 'aria-label': p.name }}
                select={!!p.choices}
                value={draft[p.name]}
                disabled={disabled}
                error={!!problems[p.name]}
                helperText={problems[p.name]}
                onChange={event =>
                  onChange({ ...draft, [p.name]: event.target.value })
                }
                fullWidth
              >
                {p.choices?.map(choice => (
                  <MenuItem key={choice} value={choice}>
                    {choice}
                  </MenuItem>
                ))}
              </TextField>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
