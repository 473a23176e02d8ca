import { Link } from '@backstage/core-components';
import type { UpgradePreview } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { downtimeText, STRATEGY_TEXT } from './describeCandidate';

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Typography variant="subtitle2" style={{ marginTop: 12 }}>
        {props.title}
      </Typography>
      {props.children}
    </>
  );
}

/** What a dry run said would happen: the exact steps and what they bring. */
export function UpgradePreviewDetails(props: { preview: UpgradePreview }) {
  const { candidate, steps, dataLossWarning } = props.preview;
  return (
    <>
      {dataLossWarning && (
        <Alert severity="error" aria-label="data loss warning">
          {dataLossWarning}
        </Alert>
      )}
      <Section title="Strategy">
        <Typography variant="body2">
          {STRATEGY_TEXT[candidate.strategy]}; expected downtime{' '}
          {downtimeText(candidate)}.
        </Typography>
      </Section>
      <Section title="Fixes">
        <Typography variant="body2">
          {candidate.fixes.length
            ? candidate.fixes.join(', ')
            : 'No known advisory of the current version.'}
        </Typography>
        {candidate.openAdvisories.length > 0 && (
          <Typography variant="body2">
            Still open afterwards: {candidate.openAdvisories.join(', ')}
          </Typography>
        )}
      </Section>
      <Section title="Breaking changes">
        {candidate.breakingChanges.length ? (
          <ul aria-label="breaking changes" style={{ margin: 0 }}>
            {candidate.breakingChanges.map(change => (
              <li key={change}>
                <Typography variant="body2">{change}</Typography>
              </li>
            ))}
          </ul>
        ) : (
          <Typography variant="body2">None on record.</Typography>
        )}
        {candidate.releaseNotesUrl && (
          <Link to={candidate.releaseNotesUrl}>Release notes</Link>
        )}
      </Section>
      <Section title="Steps">
        <ol aria-label="steps" style={{ margin: 0 }}>
          {steps.map(step => (
            <li key={step.name}>
              <Typography variant="body2">
                <strong>{step.name}</strong>: {step.description}
              </Typography>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
