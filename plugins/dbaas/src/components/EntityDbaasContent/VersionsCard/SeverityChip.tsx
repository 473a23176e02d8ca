import type { Severity } from '@justmanage/plugin-dbaas-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  critical: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  high: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  medium: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  low: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
}));

/** The severity of an advisory, coloured as people expect it. */
export function SeverityChip(props: { severity: Severity; label?: string }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes[props.severity]}
      label={props.label ?? props.severity}
    />
  );
}
