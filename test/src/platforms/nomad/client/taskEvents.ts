import { Json, nowNs } from '../model';

/** A task event in the shape of the allocation API, every field present as Nomad sends it. */
export function taskEvent(
  type: string,
  displayMessage: string,
  fields: Json = {},
): Json {
  return {
    Type: type,
    Time: nowNs(),
    DisplayMessage: displayMessage,
    Details: fields.Details ?? {},
    Message: fields.Message ?? '',
    FailsTask: false,
    RestartReason: '',
    SetupError: '',
    DriverError: '',
    DriverMessage: '',
    DownloadError: '',
    ValidationError: '',
    ExitCode: 0,
    Signal: 0,
    KillTimeout: 0,
    KillError: '',
    KillReason: '',
    StartDelay: 0,
    DiskLimit: 0,
    FailedSibling: '',
    VaultError: '',
    TaskSignalReason: '',
    TaskSignal: '',
    GenericSource: '',
    ...fields,
  };
}

/** Go's rendering of a duration, as Nomad puts it in messages ("1s", "30m0s"). */
export function goDuration(ns: number): string {
  const ms = ns / 1e6;
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${Number.isInteger(s) ? s : s.toFixed(3)}s`;
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  if (m < 60) return `${m}m${rest}s`;
  return `${Math.floor(m / 60)}h${m % 60}m${rest}s`;
}
