import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import { startDbaasTestBackend } from '../../__testUtils__/startDbaasTestBackend';
import { recordingAuditor } from './recordingAuditor';

/**
 * The dbaas test backend with Backstage's own actions registry (not the
 * test utilities' in-memory one), so actions are invoked over HTTP with a
 * caller's token as the MCP actions backend invokes them, and with an
 * auditor whose events the test can read.
 */
export async function startActionsTestBackend(portRange: {
  start: number;
  end: number;
}) {
  const audit = recordingAuditor();
  const backend = await startDbaasTestBackend({
    portRange,
    features: [actionsRegistryServiceFactory, audit.factory],
  });

  /** Invokes `dbaas:<name>` as `user`, or without credentials. */
  const invoke = (user: string | undefined, name: string, input: object) =>
    backend.api
      .post(`/api/dbaas/.backstage/actions/v1/actions/dbaas:${name}/invoke`)
      .set(user ? backend.as(user) : {})
      .send(input);

  /** The auditor events with this id, oldest first. */
  const audited = (eventId: string) =>
    audit.events.filter(e => e.eventId === eventId);

  return { ...backend, invoke, audited };
}
