import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { actorOf } from '../service/actorOf';

/** The auditor event of the REST route that does the same thing. */
export interface RouteAuditEvent {
  eventId: string;
  meta: JsonObject;
  severityLevel?: AuditorServiceEventSeverityLevel;
}

/**
 * Runs `fn` inside the same auditor event as the matching REST route
 * (service/auditedChange.ts): same id, meta and severity, recorded as
 * success with `fn`'s meta or as failure with the error. An action has no
 * HTTP request from which the auditor could read the caller, so the caller
 * is added to the meta, with `via: 'action'` to tell the two paths apart.
 */
export async function auditedAction<T>(
  auditor: AuditorService,
  credentials: BackstageCredentials,
  event: RouteAuditEvent,
  fn: () => Promise<{ result: T; meta: JsonObject }>,
): Promise<T> {
  const audit = await auditor.createEvent({
    eventId: event.eventId,
    severityLevel: event.severityLevel ?? 'medium',
    meta: { ...event.meta, actor: actorOf(credentials), via: 'action' },
  });
  try {
    const { result, meta } = await fn();
    await audit.success({ meta });
    return result;
  } catch (error) {
    await audit.fail({ error: error as Error });
    throw error;
  }
}
