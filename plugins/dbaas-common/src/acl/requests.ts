import { z } from 'zod';
import { aclUsernameProblem } from './usernames';
import { aclAccessProblem, AclAccess } from './access';
import type { AclPreset } from '../generated';

const PRESETS: [AclPreset, ...AclPreset[]] = [
  'read-only',
  'read-write-safe',
  'read-write',
  'full',
  'custom',
];

const accessFields = {
  preset: z.enum(PRESETS, { error: `must be one of ${PRESETS.join(', ')}` }),
  keys: z
    .array(z.string({ error: 'must be key patterns' }), {
      error: 'must be a list of key patterns',
    })
    .max(32, 'must be at most 32 patterns')
    .optional(),
  rules: z
    .string({ error: 'must be a string of ACL rules' })
    .max(2000, 'must be at most 2000 characters')
    .optional(),
};

/** Words the access check's "field: rule" as a zod issue on that field. */
function checkAccess(access: AclAccess, ctx: z.RefinementCtx): void {
  const problem = aclAccessProblem(access);
  if (!problem) return;
  const [field, ...rest] = problem.split(': ');
  ctx.addIssue({ code: 'custom', path: [field], message: rest.join(': ') });
}

/** The body of `POST /instances/{id}/users`. @public */
export const createAclUserRequestSchema = z
  .strictObject(
    {
      username: z
        .string({ error: 'is required and must be a string' })
        .superRefine((value, ctx) => {
          const problem = aclUsernameProblem(value);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      ...accessFields,
    },
    { error: 'must be a JSON object' },
  )
  .superRefine(checkAccess);

/** The body of `PATCH /instances/{id}/users/{username}`: the user's whole access. @public */
export const updateAclUserRequestSchema = z
  .strictObject(accessFields, { error: 'must be a JSON object' })
  .superRefine(checkAccess);

/** Seven days: beyond that a rotation is not one. @public */
export const MAX_GRACE_SECONDS = 604800;

/** The body of `POST /instances/{id}/users/{username}/rotate`. @public */
export const rotateAclUserRequestSchema = z.strictObject(
  {
    graceSeconds: z
      .number({ error: 'must be a whole number of seconds' })
      .int('must be a whole number of seconds')
      .min(0, 'must be at least 0')
      .max(MAX_GRACE_SECONDS, `must be at most ${MAX_GRACE_SECONDS} (7 days)`)
      .default(3600),
  },
  { error: 'must be a JSON object' },
);

/** A year: a schedule beyond it is no schedule. @public */
export const MAX_ROTATION_DAYS = 365;

/** The body of `PUT /instances/{id}/users/{username}/rotation`; `everyDays: null` turns it off. @public */
export const setAclUserRotationRequestSchema = z
  .strictObject(
    {
      everyDays: z
        .number({ error: 'is required: a whole number of days, or null' })
        .int('must be a whole number of days')
        .min(1, 'must be at least 1')
        .max(MAX_ROTATION_DAYS, `must be at most ${MAX_ROTATION_DAYS}`)
        .nullable(),
      graceSeconds: rotateAclUserRequestSchema.shape.graceSeconds,
    },
    { error: 'must be a JSON object' },
  )
  .superRefine((request, ctx) => {
    // A grace as long as the period would keep a password of every round in
    // force. Zod runs this even when everyDays itself was refused.
    if (
      request.everyDays !== null &&
      request.everyDays >= 1 &&
      request.graceSeconds >= request.everyDays * 86400
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['graceSeconds'],
        message: `must be shorter than everyDays (${
          request.everyDays * 86400
        } seconds)`,
      });
    }
  });
