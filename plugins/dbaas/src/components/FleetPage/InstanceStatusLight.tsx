import { ComponentType, PropsWithChildren } from 'react';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import type { InstanceStatus } from '@justmanage/plugin-dbaas-common';

const LIGHTS: Record<InstanceStatus, ComponentType<PropsWithChildren<{}>>> = {
  running: StatusOK,
  down: StatusError,
  failed: StatusError,
  provisioning: StatusPending,
  deleting: StatusPending,
  updating: StatusRunning,
};

/** The status word behind a light whose colour matches it. */
export function InstanceStatusLight(props: { status: InstanceStatus }) {
  // A status added by a newer backend still shows its word.
  const Light = LIGHTS[props.status] ?? StatusPending;
  return <Light>{props.status}</Light>;
}
