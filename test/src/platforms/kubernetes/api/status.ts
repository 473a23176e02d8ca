/**
 * Failures as the API server writes them: a `Status` object whose
 * `reason` and `details` clients read (client-node hands the body to the
 * caller inside its ApiException).
 */
export interface StatusCause {
  reason: string;
  message: string;
  field?: string;
}

export class KubeApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: {
      name?: string;
      group?: string;
      kind?: string;
      causes?: StatusCause[];
      retryAfterSeconds?: number;
    },
  ) {
    super(message);
  }

  toStatus() {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** `<plural>[.<group>]`, the way messages name a resource. */
export const qualified = (plural: string, group: string) =>
  group ? `${plural}.${group}` : plural;

export const notFound = (plural: string, group: string, name: string) =>
  new KubeApiError(
    404,
    'NotFound',
    `${qualified(plural, group)} "${name}" not found`,
    { name, group: group || undefined, kind: plural },
  );

export const alreadyExists = (plural: string, group: string, name: string) =>
  new KubeApiError(
    409,
    'AlreadyExists',
    `${qualified(plural, group)} "${name}" already exists`,
    { name, group: group || undefined, kind: plural },
  );

export const conflict = (
  plural: string,
  group: string,
  name: string,
  why: string,
  causes?: StatusCause[],
) =>
  new KubeApiError(
    409,
    'Conflict',
    `Operation cannot be fulfilled on ${qualified(
      plural,
      group,
    )} "${name}": ${why}`,
    { name, group: group || undefined, kind: plural, causes },
  );

export const invalid = (
  kind: string,
  group: string,
  name: string,
  causes: StatusCause[],
) =>
  new KubeApiError(
    422,
    'Invalid',
    `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${causes
      .map(c => `${c.field}: ${c.message}`)
      .join(', ')}`,
    { name, group: group || undefined, kind, causes },
  );

export const badRequest = (message: string) =>
  new KubeApiError(400, 'BadRequest', message);
