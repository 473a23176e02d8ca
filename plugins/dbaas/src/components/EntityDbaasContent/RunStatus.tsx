import type { StepStatus } from '@justmanage/plugin-dbaas-common';
import { LightTone, StatusLight } from './StatusLight';

const TONES: Record<StepStatus, LightTone> = {
  pending: 'pending',
  running: 'running',
  succeeded: 'ok',
  failed: 'error',
  skipped: 'aborted',
};

/** The status of an operation or of one of its steps. */
export function RunStatus(props: { status: StepStatus }) {
  return (
    <StatusLight tone={TONES[props.status] ?? 'pending'}>
      {props.status}
    </StatusLight>
  );
}
