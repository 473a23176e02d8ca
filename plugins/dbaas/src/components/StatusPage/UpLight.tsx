import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';

/** Up or down as the last health check saw it. */
export function UpLight(props: { up?: boolean }) {
  if (props.up === undefined) {
    return <StatusPending>Not checked yet</StatusPending>;
  }
  return props.up ? <StatusOK>Up</StatusOK> : <StatusError>Down</StatusError>;
}
