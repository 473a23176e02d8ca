import express from 'express';
import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

/**
 * Wraps a request that changes state (or reveals a secret) in an auditor
 * event, recorded as success or failure with the error.
 */
export async function auditedChange(
  auditor: AuditorService,
  request: express.Request,
  eventId: string,
  meta: JsonObject,
  fn: () => Promise<JsonObject>,
  severityLevel: 'low' | 'medium' | 'high' | 'critical' = 'medium',
): Promise<void> {
  const event = await auditor.createEvent({
    eventId,
    severityLevel,
    request,
    meta,
  });
  try {
    const result = await fn();
    await event.success({ meta: result });
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
