import { UpgradePolicy } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import { messageOf } from './messageOf';
import { ActionOutcome, useActionOutcome } from '../ActionOutcome';

/** Skip the next window (or undo that), and start the pending patch now. */
export function SnoozeAndApply(props: {
  policy: UpgradePolicy;
  viewerZone?: string;
  onSnooze: (cancel: boolean) => Promise<void>;
  onApplyNow: () => Promise<string>;
}) {
  const { policy } = props;
  const outcomes = useActionOutcome(messageOf);
  const { busy, outcome } = outcomes;
  // each action replaces the last one's outcome as soon as it starts
  const run = (action: () => Promise<string>) => {
    outcomes.clear();
    return outcomes.run(action);
  };
  const until =
    policy.snoozedUntil &&
    DateTime.fromISO(policy.snoozedUntil, {
      zone: props.viewerZone ?? 'local',
    }).toFormat('ccc d LLL HH:mm ZZZZ');

  return (
    <Box>
      {until && (
        <Typography variant="body2" gutterBottom>
          Snoozed: openings before {until} are skipped.
        </Typography>
      )}
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <Button
          variant="outlined"
          disabled={busy || policy.windows.length === 0}
          onClick={() =>
            run(async () => {
              await props.onSnooze(false);
              return 'The next window will be skipped.';
            })
          }
        >
          Skip the next window
        </Button>
        {until && (
          <Button
            disabled={busy}
            onClick={() =>
              run(async () => {
                await props.onSnooze(true);
                return 'Snooze ended.';
              })
            }
          >
            Undo snooze
          </Button>
        )}
        <Button
          variant="outlined"
          color="primary"
          disabled={busy}
          onClick={() => run(props.onApplyNow)}
        >
          Apply pending patch now
        </Button>
      </Box>
      <ActionOutcome outcome={outcome} />
    </Box>
  );
}
