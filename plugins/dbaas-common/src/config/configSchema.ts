import { z } from 'zod';
import { MAXMEMORY_POLICIES } from '../types';
import { TUNABLE_PARAMETERS } from './configParameters';

/** @public */
export const maxmemoryPolicySchema = z.enum(MAXMEMORY_POLICIES, {
  error: `must be one of ${MAXMEMORY_POLICIES.join(', ')}`,
});

/** An instance's `config`: only tunable settings, each within its rule. @public */
export const tunableConfigSchema = z
  .record(z.string(), z.string({ error: 'values must be strings' }), {
    error: 'must be an object of string values',
  })
  .superRefine((value, ctx) => {
    for (const [key, setting] of Object.entries(value)) {
      const parameter = TUNABLE_PARAMETERS.find(p => p.name === key);
      if (!parameter) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `is not a tunable setting; allowed: ${TUNABLE_PARAMETERS.map(
            p => p.name,
          ).join(', ')}`,
        });
      } else if (!parameter.rule.test(setting)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `has an invalid value "${setting}": must be ${parameter.ruleText}`,
        });
      }
    }
  });

/** The body of `POST /instances/{id}/config/preview`. @public */
export const configChangeRequestSchema = z
  .strictObject(
    {
      maxmemoryPolicy: maxmemoryPolicySchema.optional(),
      config: tunableConfigSchema.optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine(body => Object.values(body).some(v => v !== undefined), {
    message: 'must change at least one of maxmemoryPolicy, config',
  });
