import type { ConfigChange, Instance } from '../generated';
import {
  ConfigParameter,
  MAXMEMORY_POLICY_PARAMETER,
  TUNABLE_PARAMETERS,
} from './configParameters';

/** The settings a configuration change may touch. @public */
export type ConfigSettings = Pick<Instance, 'maxmemoryPolicy' | 'config'>;

function changeOf(
  parameter: ConfigParameter,
  from: string,
  to: string,
): ConfigChange {
  return {
    parameter: parameter.name,
    from,
    to,
    applies: parameter.applies,
    note:
      parameter.applies === 'live'
        ? `CONFIG SET ${parameter.name}: applied to the running server, clients stay connected`
        : 'takes effect when the server restarts',
  };
}

/**
 * What a PATCH with these settings would change, setting by setting, and
 * how each change reaches the running server. `config` replaces the whole
 * map, so a setting left out goes back to its default, but only at the
 * next restart: drivers CONFIG SET what the map holds and rewrite the
 * config file, and nothing resets what the map no longer names.
 * @public
 */
export function previewConfigChange(
  current: ConfigSettings,
  requested: Partial<ConfigSettings>,
): ConfigChange[] {
  const changes: ConfigChange[] = [];
  if (
    requested.maxmemoryPolicy !== undefined &&
    requested.maxmemoryPolicy !== current.maxmemoryPolicy
  ) {
    changes.push(
      changeOf(
        MAXMEMORY_POLICY_PARAMETER,
        current.maxmemoryPolicy,
        requested.maxmemoryPolicy,
      ),
    );
  }
  if (requested.config === undefined) return changes;
  for (const parameter of TUNABLE_PARAMETERS) {
    const before = current.config[parameter.name];
    const after = requested.config[parameter.name];
    if (after !== undefined) {
      const from = before ?? parameter.default;
      if (after !== from) changes.push(changeOf(parameter, from, after));
    } else if (before !== undefined && before !== parameter.default) {
      changes.push({
        parameter: parameter.name,
        from: before,
        to: parameter.default,
        applies: 'restart',
        note: `no longer set: the running server keeps ${
          before === '' ? 'the empty value' : before
        } until it restarts, then uses the default`,
      });
    }
  }
  return changes;
}
