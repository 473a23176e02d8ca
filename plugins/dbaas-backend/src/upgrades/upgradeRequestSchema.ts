import { z } from 'zod';
import { ENGINES, UpgradeRequest } from '@justmanage/plugin-dbaas-common';

/** The body of POST /instances/{id}/upgrade, checked for callers that bypass the router. */
export const upgradeRequestSchema: z.ZodType<UpgradeRequest> = z.strictObject(
  {
    engine: z.enum(ENGINES as [string, ...string[]], {
      error: `must be one of ${ENGINES.join(', ')}`,
    }) as z.ZodType<UpgradeRequest['engine']>,
    version: z
      .string({ error: 'is required and must be a string' })
      .regex(
        /^\d+\.\d+\.\d+(\+[0-9A-Za-z][0-9A-Za-z.-]*)?$/,
        'must be a version like 7.0.15 or 7.0.15+deb12u10',
      ),
    dryRun: z.boolean({ error: 'must be true or false' }).optional(),
    restoreSnapshot: z.boolean({ error: 'must be true or false' }).optional(),
    confirm: z.string({ error: 'must be a string' }).max(100).optional(),
  },
  { error: 'must be a JSON object' },
);
