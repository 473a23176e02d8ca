/**
 * A refusal as Nomad answers it: a status and a text/plain body in the
 * agent's own words (Nomad does not send JSON errors).
 */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const notFound = (what: string) =>
  new HttpError(404, `${what} not found`);
export const badRequest = (message: string) => new HttpError(400, message);
export const permissionDenied = () => new HttpError(403, 'Permission denied');
