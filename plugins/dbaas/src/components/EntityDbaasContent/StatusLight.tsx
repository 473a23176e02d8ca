import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ComponentType, ReactNode } from 'react';

/** The tones the instance, its operations and their steps share. */
export type LightTone = 'ok' | 'error' | 'running' | 'pending' | 'aborted';

const LIGHTS: Record<LightTone, ComponentType<{}>> = {
  ok: StatusOK,
  error: StatusError,
  running: StatusRunning,
  pending: StatusPending,
  aborted: StatusAborted,
};

/**
 * A coloured dot followed by the word it stands for. The word sits outside
 * the Status* element because that one is aria-hidden, and screen readers
 * should still hear it.
 */
export function StatusLight(props: { tone: LightTone; children: ReactNode }) {
  const Light = LIGHTS[props.tone];
  return (
    <Typography component="span" variant="body2">
      <Light />
      {props.children}
    </Typography>
  );
}
