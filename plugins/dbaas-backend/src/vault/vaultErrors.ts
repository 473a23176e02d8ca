import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * Words a failed Vault call for the user: what the product was doing, and
 * Vault's own reason. Sealed, unreachable or failing Vault is a 503 so
 * callers can tell "try again" from "this is wrong".
 */
export function explainVaultError(error: unknown, doing: string): Error {
  const e = error as {
    message?: string;
    code?: string;
    response?: { statusCode?: number };
  };
  const status = e.response?.statusCode;
  const reason = e.message ?? String(error);
  if (status === undefined) {
    return new ServiceUnavailableError(
      `${doing}: Vault is unreachable (${e.code ?? reason})`,
    );
  }
  if (status === 503) {
    return new ServiceUnavailableError(`${doing}: ${reason}`);
  }
  if (status === 403) {
    return new NotAllowedError(
      `${doing}: Vault refused the product's token (${reason
        .replace(/\s+/g, ' ')
        .trim()})`,
    );
  }
  if (status >= 500) {
    return new ServiceUnavailableError(
      `${doing}: Vault answered ${status}: ${reason}`,
    );
  }
  return new InputError(`${doing}: ${reason}`);
}
