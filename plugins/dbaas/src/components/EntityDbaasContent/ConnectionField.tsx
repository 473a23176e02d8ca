import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

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
  /** What the copy button copies, when it is more than the value shown. */
  copyText?: string;
  /** More buttons, after the copy button. */
  children?: ReactNode;
}) {
  const { label, name, value, copy = true, copyText = value, children } = props;
  return (
    <Box display="flex" alignItems="center" minHeight={40}>
      <Typography
        variant="body2"
        component="span"
        style={{ minWidth: 96, marginRight: 8, flexShrink: 0 }}
      >
        {label}
      </Typography>
      <Typography
        variant="body2"
        component="code"
        aria-label={name}
        // the value takes the row, so every copy button lines up on the
        // right instead of sticking to the end of its value
        style={{
          fontFamily: 'monospace',
          wordBreak: 'break-all',
          flex: 1,
          marginRight: 8,
        }}
      >
        {value}
      </Typography>
      {copy && <CopyTextButton text={copyText} aria-label={`Copy ${name}`} />}
      {children}
    </Box>
  );
}
