import {
  AuditorService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/** One auditor event as a test reads it back. */
export interface RecordedAuditEvent {
  eventId: string;
  severityLevel?: string;
  /** Whether the request carried an HTTP request for the auditor to read. */
  fromRequest: boolean;
  meta: JsonObject;
  outcome: 'open' | 'success' | 'failure';
  error?: string;
}

/**
 * An auditor that keeps its events in memory, so a test can check what an
 * operator's audit log would show.
 */
export function recordingAuditor() {
  const events: RecordedAuditEvent[] = [];
  const auditor: AuditorService = {
    async createEvent(options) {
      const event: RecordedAuditEvent = {
        eventId: options.eventId,
        severityLevel: options.severityLevel,
        fromRequest: options.request !== undefined,
        meta: options.meta ?? {},
        outcome: 'open',
      };
      events.push(event);
      return {
        async success(result) {
          event.outcome = 'success';
          event.meta = { ...event.meta, ...result?.meta };
        },
        async fail(result) {
          event.outcome = 'failure';
          event.meta = { ...event.meta, ...result.meta };
          event.error = `${result.error.name}: ${result.error.message}`;
        },
      };
    },
  };
  return {
    events,
    factory: createServiceFactory({
      service: coreServices.auditor,
      deps: {},
      factory: () => auditor,
    }),
  };
}
