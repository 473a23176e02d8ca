import { DateTime } from 'luxon';
import { z } from 'zod';
import { parseWindowPhrase } from './parseWindowPhrase';

/** More windows than this are a sign of a mistake, not of a policy. @public */
export const MAX_POLICY_WINDOWS = 10;
/** @public */
export const MAX_BLACKOUT_DATES = 100;

const phrase = z
  .string({ error: 'must be a phrase such as "Sundays 02:00-03:00 IST"' })
  .superRefine((text, ctx) => {
    const result = parseWindowPhrase(text);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
  });

const blackoutDate = z
  .string({ error: 'must be a date like 2026-12-24' })
  .refine(
    text =>
      /^\d{4}-\d{2}-\d{2}$/.test(text) &&
      DateTime.fromISO(text, { zone: 'UTC' }).isValid,
    'must be a date like 2026-12-24',
  );

/**
 * The body of PUT /instances/{id}/upgrade-policy, and the `upgradePolicy` of
 * a create request. A bad phrase is reported at its index:
 * "windows.1: Unknown day ...".
 * @public
 */
export const upgradePolicyRequestSchema = z
  .strictObject(
    {
      mode: z.enum(['manual', 'auto-patch'], {
        error: 'must be manual or auto-patch',
      }),
      securityOnly: z
        .boolean({ error: 'must be true or false' })
        .default(false),
      windows: z
        .array(phrase, { error: 'must be a list of phrases' })
        .default([]),
      blackoutDates: z
        .array(blackoutDate, { error: 'must be a list of dates' })
        .default([]),
    },
    { error: 'must be a JSON object' },
  )
  // Counted here: zod would also count the characters of a string given
  // where the list belongs.
  .superRefine((policy, ctx) => {
    if (policy.windows.length > MAX_POLICY_WINDOWS) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows'],
        message: `must hold at most ${MAX_POLICY_WINDOWS} windows`,
      });
    }
    if (policy.blackoutDates.length > MAX_BLACKOUT_DATES) {
      ctx.addIssue({
        code: 'custom',
        path: ['blackoutDates'],
        message: `must hold at most ${MAX_BLACKOUT_DATES} dates`,
      });
    }
    if (policy.mode === 'auto-patch' && policy.windows.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['windows'],
        message: 'auto-patch needs at least one maintenance window',
      });
    }
  });
