import { UpgradeInstructionResult } from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { OpeningsList } from './OpeningsList';

type ReadInstruction = Extract<UpgradeInstructionResult, { ok: true }>;

function modeText(read: ReadInstruction): string {
  if (read.mode === 'manual') {
    return 'manual: upgrades happen only when someone starts them';
  }
  const which = read.securityOnly
    ? 'patch upgrades that fix a security advisory'
    : 'patch upgrades';
  return `auto-patch: ${which} apply automatically inside the windows; minor and major upgrades stay manual`;
}

/**
 * The policy an instruction reads as, to be confirmed before it is saved:
 * the mode, the windows in their normal form, how an ambiguous zone was
 * read, and the openings the windows lead to.
 */
export function InstructionPreview(props: {
  read: ReadInstruction;
  snoozedUntil?: string;
  blackoutDates: string[];
  viewerZone?: string;
}) {
  const { read } = props;
  return (
    <Box role="group" aria-label="Policy to confirm" mt={1}>
      <Typography variant="body2">
        <strong>Mode:</strong> {modeText(read)}
      </Typography>
      <Typography variant="body2" component="div">
        <strong>Windows:</strong>{' '}
        {read.windows.length === 0
          ? 'none'
          : read.windows.map(w => w.phrase).join('; ')}
      </Typography>
      {read.notes.map(note => (
        <Typography key={note} variant="caption" component="p">
          {note}
        </Typography>
      ))}
      {read.mode === 'auto-patch' && (
        <>
          <Typography variant="body2">
            <strong>Next openings:</strong>
          </Typography>
          <OpeningsList
            label="Next openings of the policy to confirm"
            windows={read.windows.map(w => w.window)}
            snoozedUntil={props.snoozedUntil}
            blackoutDates={props.blackoutDates}
            viewerZone={props.viewerZone}
          />
        </>
      )}
    </Box>
  );
}
