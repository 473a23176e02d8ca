import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DEFAULT_TLS_SETTINGS, TlsSettings } from './InstanceTls';

/** `dbaas.tls`: how long node certificates live and when they are renewed. */
export function readTlsSettings(config: Config): TlsSettings {
  const tls = config.getOptionalConfig('dbaas.tls');
  const settings = {
    certificateValidityDays:
      tls?.getOptionalNumber('certificateValidityDays') ??
      DEFAULT_TLS_SETTINGS.certificateValidityDays,
    renewBeforeDays:
      tls?.getOptionalNumber('renewBeforeDays') ??
      DEFAULT_TLS_SETTINGS.renewBeforeDays,
  };
  if (
    !(settings.certificateValidityDays >= 1) ||
    !(settings.renewBeforeDays >= 0) ||
    settings.renewBeforeDays >= settings.certificateValidityDays
  ) {
    throw new InputError(
      `dbaas.tls: certificateValidityDays must be at least 1 and renewBeforeDays between 0 and less than it; got ${settings.certificateValidityDays} and ${settings.renewBeforeDays}`,
    );
  }
  return settings;
}
