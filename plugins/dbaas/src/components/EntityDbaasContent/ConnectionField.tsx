import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/**
 * One labelled value with a copy button. The value carries an aria-label
 * (`host`, `port`, ...) so people with screen readers and browser tests can
 * both find it by name.
 */
export function ConnectionField(props: {
  label: string;
  name: string;
  value: string;
  copy?: boolean;
}) {
  const { label, name, value, copy = true } = props;
  return (
    <Box display="flex" alignItems="center" minHeight={40}>
      <Typography variant="body2" component="span" style={{ minWidth: 96 }}>
        {label}
      </Typography>
      <Typography
        variant="body2"
        component="code"
        aria-label={name}
        style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
      >
        {value}
      </Typography>
      {copy && <CopyTextButton text={value} aria-label={`Copy ${name}`} />}
    </Box>
  );
}
