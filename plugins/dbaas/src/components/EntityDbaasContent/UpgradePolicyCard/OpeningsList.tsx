import {
  describeOpening,
  MaintenanceWindow,
  planOpenings,
} from '@justmanage/plugin-dbaas-common';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

const SKIP_LABEL = {
  snoozed: 'skipped: snoozed',
  blackout: 'skipped: blackout date',
};

/**
 * The next three openings of the windows being edited, in each window's own
 * zone and in the viewer's, marked when a snooze or blackout date skips them.
 * Computed here with the same logic as the backend, so they follow typing.
 */
export function OpeningsList(props: {
  windows: MaintenanceWindow[];
  snoozedUntil?: string;
  blackoutDates: string[];
  viewerZone?: string;
  now?: number;
  /** The list's accessible name; "Next openings" unless told. */
  label?: string;
}) {
  const { windows } = props;
  if (windows.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No windows, so no openings.
      </Typography>
    );
  }
  const openings = planOpenings(
    windows,
    { snoozedUntil: props.snoozedUntil, blackoutDates: props.blackoutDates },
    props.now ?? Date.now(),
  );
  return (
    <List dense aria-label={props.label ?? 'Next openings'}>
      {openings.map(opening => {
        const text = describeOpening(
          opening,
          windows[opening.windowIndex],
          props.viewerZone,
        );
        return (
          <ListItem
            key={`${opening.windowIndex}-${opening.start.toISOString()}`}
          >
            <ListItemText
              primary={text.inWindowZone}
              secondary={`Your time: ${text.inViewerZone}`}
            />
            {opening.skipped && (
              <Chip size="small" label={SKIP_LABEL[opening.skipped]} />
            )}
          </ListItem>
        );
      })}
    </List>
  );
}
