import {
  MaintenanceDecision,
  parseWindowPhrase,
  planOpenings,
  snoozeEnd,
  UpgradePolicy,
  upgradePolicyRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { http, HttpResponse } from 'msw';
import { DBAAS_URL, errorResponse, getJson } from '../../__testUtils__/backend';
import { anInstance, anOperation } from '../../__testUtils__/fixtures';

/**
 * The policy routes of one instance for msw, answering as the backend does
 * (same validation, phrase reading and openings from the common package),
 * and recording every request body.
 */
export function policyBackend(
  id: string,
  options: { decisions?: MaintenanceDecision[]; applyNow?: 'ok' | 'none' } = {},
) {
  const requests: Array<{ method: string; path: string; body: unknown }> = [];
  let saved = 0;
  let policy: UpgradePolicy = {
    instanceId: id,
    mode: 'manual',
    securityOnly: false,
    windows: [],
    blackoutDates: [],
    nextOpenings: [],
  };
  const withOpenings = (
    p: Omit<UpgradePolicy, 'nextOpenings'>,
  ): UpgradePolicy => ({
    ...p,
    nextOpenings: planOpenings(
      p.windows.map(w => w.window),
      p,
      Date.now(),
    ).map(o => ({
      windowIndex: o.windowIndex,
      phrase: p.windows[o.windowIndex].phrase,
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      ...(o.skipped ? { skipped: o.skipped } : {}),
    })),
  });
  const base = `${DBAAS_URL}/instances/${id}/upgrade-policy`;
  const handlers = [
    http.get(base, () => HttpResponse.json(policy)),
    http.put(base, async ({ request }) => {
      const body = await request.json();
      requests.push({ method: 'PUT', path: '', body });
      const parsed = validate(upgradePolicyRequestSchema, body);
      if (!parsed.ok) return errorResponse(400, 'InputError', parsed.message);
      saved += 1;
      policy = withOpenings({
        instanceId: id,
        mode: parsed.value.mode,
        securityOnly: parsed.value.securityOnly,
        windows: parsed.value.windows.map(phrase => {
          const read = parseWindowPhrase(phrase);
          if (!read.ok) throw new Error(read.error);
          return {
            phrase: read.normalized,
            window: read.window,
            notes: read.notes,
          };
        }),
        blackoutDates: parsed.value.blackoutDates,
        updatedAt: `2026-11-21T10:00:0${saved}.000Z`,
        updatedBy: 'user:default/alice',
      });
      return HttpResponse.json(policy);
    }),
    http.post(`${base}/snooze`, async ({ request }) => {
      const body = (await request.json()) as { cancel?: boolean };
      requests.push({ method: 'POST', path: '/snooze', body });
      const until = body.cancel
        ? undefined
        : snoozeEnd(
            policy.windows.map(w => w.window),
            Date.now(),
          )?.toISOString();
      const { snoozedUntil: _, ...rest } = policy;
      policy = withOpenings({
        ...rest,
        ...(until ? { snoozedUntil: until } : {}),
        updatedAt: `2026-11-21T11:00:0${(saved += 1)}.000Z`,
      });
      return HttpResponse.json(policy);
    }),
    http.post(`${base}/apply-now`, () => {
      requests.push({ method: 'POST', path: '/apply-now', body: undefined });
      if (options.applyNow !== 'ok') {
        return errorResponse(
          409,
          'ConflictError',
          'No patch upgrade of redis 7.0.15+deb12u10 is pending for orders-cache',
        );
      }
      return HttpResponse.json(
        {
          instance: anInstance({ id, status: 'updating' }),
          operation: anOperation({
            id: 'op-patch',
            instanceId: id,
            type: 'upgrade',
            status: 'pending',
            params: { to: { engine: 'redis', version: '7.0.15+deb12u10' } },
          }),
        },
        { status: 202 },
      );
    }),
    getJson(`/instances/${id}/upgrade-policy/decisions`, {
      items: options.decisions ?? [],
    }),
  ];
  return { handlers, requests, current: () => policy };
}

/** The policy routes of any instance that never had a policy set. */
export function manualPolicyHandlers() {
  return [
    http.get(`${DBAAS_URL}/instances/:id/upgrade-policy`, ({ params }) =>
      HttpResponse.json({
        instanceId: params.id,
        mode: 'manual',
        securityOnly: false,
        windows: [],
        blackoutDates: [],
        nextOpenings: [],
      }),
    ),
    http.get(`${DBAAS_URL}/instances/:id/upgrade-policy/decisions`, () =>
      HttpResponse.json({ items: [] }),
    ),
  ];
}
