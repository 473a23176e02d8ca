import { z } from 'zod';
import { ENGINES, PERSISTENCE_MODES } from './types';
import type { Engine, Persistence } from './generated';
import { upgradePolicyRequestSchema } from './maintenance/upgradePolicySchema';
import { allowListSchema } from './allowList';
import {
  maxmemoryPolicySchema,
  tunableConfigSchema,
} from './config/configSchema';

const ENTITY_REF_PATTERN =
  /^(group|user):(?:([a-z0-9][a-z0-9._-]*)\/)?([a-zA-Z0-9][a-zA-Z0-9._-]*)$/i;
const SYSTEM_REF_PATTERN =
  /^(?:system:)?(?:([a-z0-9][a-z0-9._-]*)\/)?([a-zA-Z0-9][a-zA-Z0-9._-]*)$/i;
// A distribution build follows a plus sign, as in 7.0.15+deb12u10.
const VERSION_PATTERN = /^\d+\.\d+\.\d+(\+[0-9A-Za-z][0-9A-Za-z.-]*)?$/;
const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The longest instance name, short enough that names derived from it fit. @public */
export const INSTANCE_NAME_MAX_LENGTH = 40;

/**
 * The instance name rule in words, as the form and the API's 400 say it.
 * A DNS-1035 label (Kubernetes Service names): unlike DNS-1123 it must start
 * with a letter, because platforms that derive host, Service or job names
 * from it refuse a leading digit.
 * @public
 */
export const INSTANCE_NAME_RULE = `1 to ${INSTANCE_NAME_MAX_LENGTH} characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit`;

/**
 * What is wrong with a proposed instance name, in words, or undefined when
 * it follows {@link INSTANCE_NAME_RULE}. The one check of the API and the form.
 * @public
 */
export function instanceNameProblem(value: string): string | undefined {
  const problem = nameProblem(value);
  return problem && `must be ${INSTANCE_NAME_RULE}; ${problem}`;
}

function nameProblem(value: string): string | undefined {
  if (value.length === 0) return 'it is empty';
  if (value.length > INSTANCE_NAME_MAX_LENGTH) {
    return `it has ${value.length} characters`;
  }
  const bad = /[^a-z0-9-]/.exec(value);
  if (bad) {
    return /[A-Z]/.test(bad[0])
      ? `"${bad[0]}" is an upper-case letter`
      : `"${bad[0]}" is not allowed`;
  }
  if (!/^[a-z]/.test(value)) return `it starts with "${value[0]}"`;
  if (value.endsWith('-')) return 'it ends with a hyphen';
  return undefined;
}

const name = z
  .string({ error: 'is required and must be a string' })
  .superRefine((value, ctx) => {
    const problem = instanceNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const owner = z
  .string({ error: 'is required and must be a string' })
  .regex(
    ENTITY_REF_PATTERN,
    'must be a catalog entity ref of a group or user, like group:default/team-a',
  );

const description = z
  .string({ error: 'must be a string' })
  .max(1000, 'must be at most 1000 characters');

const resources = z.strictObject(
  {
    memoryMb: z
      .number({ error: 'is required and must be a number' })
      .int('must be a whole number of MiB')
      .min(16, 'must be at least 16 MiB')
      .max(1048576, 'must be at most 1048576 MiB'),
    cpu: z
      .number({ error: 'is required and must be a number' })
      .min(0.1, 'must be at least 0.1 cores')
      .max(64, 'must be at most 64 cores'),
    diskGb: z
      .number({ error: 'is required and must be a number' })
      .int('must be a whole number of GiB')
      .min(1, 'must be at least 1 GiB')
      .max(16384, 'must be at most 16384 GiB'),
  },
  { error: 'must be an object with memoryMb, cpu and diskGb' },
);

const persistence = z.enum(
  PERSISTENCE_MODES as [Persistence, ...Persistence[]],
  {
    error: `must be one of ${PERSISTENCE_MODES.join(', ')}`,
  },
);

const maxmemoryPolicy = maxmemoryPolicySchema;

/** The unit each resource is counted in, as limits are worded. @public */
export const RESOURCE_UNITS = {
  memoryMb: 'MiB',
  cpu: 'cores',
  diskGb: 'GiB',
} as const;

/**
 * What is wrong with one resource value against a platform's limit, in
 * words ("must be between 16 and 1024 MiB"), or undefined when it fits. The
 * API's check and the forms' share it.
 * @public
 */
export function resourceLimitProblem(
  key: keyof typeof RESOURCE_UNITS,
  value: number,
  limit: { min: number; max: number },
): string | undefined {
  return value < limit.min || value > limit.max
    ? `must be between ${limit.min} and ${limit.max} ${RESOURCE_UNITS[key]}`
    : undefined;
}

/** Beyond 5 a Sentinel setup is better served by a cluster. @public */
export const MAX_REPLICAS = 5;

const replicas = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(MAX_REPLICAS, `must be at most ${MAX_REPLICAS}`);

const config = tunableConfigSchema;

/** The body of `POST /instances`. @public */
export const createInstanceRequestSchema = z.strictObject(
  {
    name,
    owner,
    description: description.optional(),
    system: z
      .string({ error: 'must be a string' })
      .regex(SYSTEM_REF_PATTERN, 'must be a catalog entity ref of a system')
      .optional(),
    engine: z.enum(ENGINES as [Engine, ...Engine[]], {
      error: `must be one of ${ENGINES.join(', ')}`,
    }),
    version: z
      .string({ error: 'is required and must be a string' })
      .regex(VERSION_PATTERN, 'must be a version like 7.0.15'),
    platform: z
      .string({ error: 'is required and must be a string' })
      .min(1, 'must not be empty'),
    region: z
      .string({ error: 'is required and must be a string' })
      .regex(REGION_PATTERN, 'must be a region id like local or eu-west-1'),
    resources,
    persistence: persistence.default('rdb'),
    maxmemoryPolicy: maxmemoryPolicy.default('noeviction'),
    config: config.optional(),
    replicas: replicas.default(0),
    upgradePolicy: upgradePolicyRequestSchema.optional(),
    tls: z
      .enum(['disabled', 'required'], {
        error: "must be 'disabled' or 'required'",
      })
      .default('disabled'),
    // Absent: the platform team's default (dbaas.allowList.default).
    allowList: allowListSchema.optional(),
  },
  { error: 'must be a JSON object' },
);

/** The body of `PATCH /instances/{id}`. @public */
export const updateInstanceRequestSchema = z
  .strictObject(
    {
      description: description.optional(),
      resources: resources.partial().optional(),
      persistence: persistence.optional(),
      maxmemoryPolicy: maxmemoryPolicy.optional(),
      config: config.optional(),
      allowList: allowListSchema.optional(),
      // A replica count changes through its own operation, which moves the
      // primary and the Sentinels with it.
      replicas: z
        .never({
          error: 'is changed with PUT /instances/{instanceId}/replicas',
        })
        .optional(),
    },
    { error: 'must be a JSON object' },
  )
  .refine(body => Object.values(body).some(v => v !== undefined), {
    message:
      'must change at least one of description, resources, persistence, maxmemoryPolicy, config, allowList',
  });

/** The body of `PUT /instances/{id}/tls`. @public */
export const setTlsModeRequestSchema = z.strictObject(
  {
    mode: z.enum(['disabled', 'preferred', 'required'], {
      error: "must be 'disabled', 'preferred' or 'required'",
    }),
  },
  { error: 'must be a JSON object' },
);

/** The body of `PUT /instances/{id}/replicas`. @public */
export const setReplicasRequestSchema = z.strictObject(
  { replicas },
  { error: 'must be a JSON object' },
);

/** @public */
export type ValidationResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string };

/**
 * Validates with a schema and words every problem as "field: rule", the form
 * both the API's 400 errors and the frontend's forms show.
 * @public
 */
export function validate<T>(
  schema: z.ZodType<T>,
  input: unknown,
): ValidationResult<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    return { ok: true, value: result.data };
  }
  const message = result.error.issues
    .map(issue => describeIssue(issue))
    .join('; ');
  return { ok: false, message };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${issue.path.join('.')}.` : '';
    return issue.keys
      .map(key => `${where}${key}: is not a known field`)
      .join('; ');
  }
  const field = issue.path.join('.') || 'body';
  return `${field}: ${issue.message}`;
}

/** Expands `group:team-a` to `group:default/team-a`. @public */
export function normalizeEntityRef(ref: string, defaultKind: string): string {
  const match = /^(?:([^:]+):)?(?:([^/]+)\/)?(.+)$/.exec(ref);
  if (!match) {
    return ref;
  }
  const [, kind, namespace, entityName] = match;
  return `${(kind ?? defaultKind).toLocaleLowerCase('en-US')}:${(
    namespace ?? 'default'
  ).toLocaleLowerCase('en-US')}/${entityName.toLocaleLowerCase('en-US')}`;
}
