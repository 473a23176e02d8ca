import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  PlatformRejectedError,
  PlatformUnavailableError,
} from '@justmanage/plugin-dbaas-node';

/**
 * What the agent said when it refused a request: Nomad answers errors as
 * text/plain, so the body is its own words and goes into the message as is.
 */
export interface NomadFailure {
  method: string;
  path: string;
  status: number;
  body: string;
}

/**
 * Nomad answers a register whose `JobModifyIndex` no longer matches with a
 * plain error (HTTP 500) starting with these words; another writer moved
 * the job, and reading it again and retrying is the answer.
 */
const ENFORCE_INDEX_PREFIX = 'Enforcing job modify index';

function describe({ method, path, status, body }: NomadFailure): string {
  const words = body.trim() || '(no message)';
  return `Nomad ${method} ${path}: ${status} ${words}`;
}

/**
 * Maps a refused request onto the error types whose names tell the
 * operation worker whether a retry makes sense (see dbaas-node errors.ts):
 *
 * - 400: the request is wrong and will stay wrong: final.
 * - 403: the token lacks a capability (or is unknown): final until an
 *   operator changes the policy, so retrying only hides it.
 * - 404: a NotFoundError callers turn into "absent" where that is success.
 * - 409 (a variable's check-and-set) and a failed EnforceIndex: another
 *   writer got there first; worth reading again and retrying.
 * - 5xx: retried. Nomad's API docs say a 5xx should not be expected to
 *   succeed on retry, but the 500s a client actually meets are "No cluster
 *   leader", RPC timeouts and forwarding failures, which clear up; job
 *   validation failures come back as 400 since Nomad 1.x.
 */
export function nomadError(failure: NomadFailure): Error {
  const message = describe(failure);
  const { status, body } = failure;
  if (body.includes(ENFORCE_INDEX_PREFIX)) return new ConflictError(message);
  if (status === 400) return new PlatformRejectedError(message);
  if (status === 403) return new NotAllowedError(message);
  if (status === 404) return new NotFoundError(message);
  if (status === 409) return new ConflictError(message);
  if (status === 429 || status >= 500) {
    return new PlatformUnavailableError(message);
  }
  // Other 4xx (405, 413, ...) mean this client sent something Nomad does
  // not take: a bug here, not a state that passes.
  return new InputError(message);
}

/** A request that never got an answer: refused connection, reset, timeout. */
export function unreachableError(
  method: string,
  url: string,
  cause: unknown,
): Error {
  const reason =
    (cause as { cause?: { code?: string; message?: string } })?.cause?.code ??
    (cause as Error)?.message ??
    String(cause);
  return new PlatformUnavailableError(
    `Nomad ${method} ${url}: no answer (${reason})`,
    cause,
  );
}
