import type {
  Advisory,
  UpgradeCandidate,
  UpgradeKind,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { actionLabel, engineLabel, KIND_TITLES } from './describeCandidate';
import { advisoryChange } from './advisoryChange';

const KINDS: UpgradeKind[] = ['patch', 'minor', 'major', 'downgrade'];

/**
 * One button per candidate the platform runs, grouped patch, minor, major,
 * downgrade. Releases the platform does not run are listed on request, so
 * users see why the newest release is not offered.
 */
export function CandidateGroups(props: {
  candidates: UpgradeCandidate[];
  /** The advisories of the running version, to tell kept from introduced. */
  advisories: Advisory[];
  canChange: boolean;
  onChoose: (candidate: UpgradeCandidate) => void;
}) {
  const { candidates, advisories, canChange, onChoose } = props;
  const [showOthers, setShowOthers] = useState(false);
  const available = candidates.filter(c => c.available);
  const others = candidates.filter(c => !c.available);
  return (
    <>
      {available.length === 0 && (
        <Typography variant="body2">
          This platform runs no other version.
        </Typography>
      )}
      {KINDS.map(kind => {
        const group = available.filter(c => c.kind === kind);
        if (group.length === 0) return null;
        return (
          <Box
            key={kind}
            mb={2}
            role="group"
            aria-label={`${KIND_TITLES[kind]} versions`}
          >
            <Typography variant="subtitle2">{KIND_TITLES[kind]}</Typography>
            {group.map(candidate => (
              <Box key={`${candidate.engine} ${candidate.version}`} mt={1}>
                <Button
                  variant="outlined"
                  color={kind === 'downgrade' ? 'secondary' : 'primary'}
                  disabled={!canChange}
                  onClick={() => onChoose(candidate)}
                >
                  {actionLabel(candidate)}
                </Button>
                <Typography
                  variant="caption"
                  component="span"
                  style={{ marginLeft: 8 }}
                >
                  {advisoryChange(candidate, advisories)}
                  {candidate.strategy === 'snapshot-restore' &&
                    ' · needs a snapshot restore'}
                </Typography>
                {candidate.blockedReason && (
                  <Typography
                    variant="caption"
                    component="div"
                    color="textSecondary"
                  >
                    {candidate.blockedReason}
                  </Typography>
                )}
              </Box>
            ))}
          </Box>
        );
      })}
      {others.length > 0 && (
        <>
          <Button size="small" onClick={() => setShowOthers(!showOthers)}>
            {showOthers
              ? 'Hide releases this platform does not run'
              : `${others.length} more ${
                  others.length === 1 ? 'release' : 'releases'
                } this platform does not run`}
          </Button>
          {showOthers && (
            <ul aria-label="releases not on this platform">
              {others.map(c => (
                <li key={`${c.engine} ${c.version}`}>
                  <Typography variant="body2">
                    {KIND_TITLES[c.kind]}: {engineLabel(c)},{' '}
                    {advisoryChange(c, advisories)}
                  </Typography>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
