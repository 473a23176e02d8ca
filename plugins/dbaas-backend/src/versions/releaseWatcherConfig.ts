import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ENGINES, Engine } from '@justmanage/plugin-dbaas-common';

/** One upstream source of releases or advisories. */
export interface ReleaseFeed {
  id: string;
  engine: Engine;
  kind: 'releases' | 'advisories';
  url: string;
}

export interface ReleaseWatcherSettings {
  enabled: boolean;
  intervalMinutes: number;
  feeds: ReleaseFeed[];
  token?: string;
}

const DEFAULT_API = 'https://api.github.com';
const DEFAULT_REPOS: Record<Engine, string> = {
  redis: 'redis/redis',
  valkey: 'valkey-io/valkey',
};

function feedUrl(api: string, repo: string, kind: ReleaseFeed['kind']) {
  const path = kind === 'releases' ? 'releases' : 'security-advisories';
  return `${api.replace(/\/$/, '')}/repos/${repo}/${path}?per_page=100`;
}

/** The GitHub releases and advisories of redis/redis and valkey-io/valkey. */
export function defaultFeeds(api = DEFAULT_API): ReleaseFeed[] {
  return ENGINES.flatMap(engine =>
    (['releases', 'advisories'] as const).map(kind => ({
      id: `${engine}-${kind}`,
      engine,
      kind,
      url: feedUrl(api, DEFAULT_REPOS[engine], kind),
    })),
  );
}

/** Reads `dbaas.releaseWatcher`; see config.d.ts for the settings. */
export function readReleaseWatcherConfig(
  config: Config,
): ReleaseWatcherSettings {
  const c = config.getOptionalConfig('dbaas.releaseWatcher');
  const api = c?.getOptionalString('githubApiUrl') ?? DEFAULT_API;
  const configured = c?.getOptionalConfigArray('feeds');
  const feeds = configured
    ? configured.map((feed, i) => {
        const engine = feed.getString('engine') as Engine;
        const kind = feed.getString('kind') as ReleaseFeed['kind'];
        if (!ENGINES.includes(engine)) {
          throw new InputError(
            `dbaas.releaseWatcher.feeds[${i}].engine: must be one of ${ENGINES.join(
              ', ',
            )}`,
          );
        }
        if (kind !== 'releases' && kind !== 'advisories') {
          throw new InputError(
            `dbaas.releaseWatcher.feeds[${i}].kind: must be releases or advisories`,
          );
        }
        const url =
          feed.getOptionalString('url') ??
          feedUrl(
            api,
            feed.getOptionalString('repo') ?? DEFAULT_REPOS[engine],
            kind,
          );
        return {
          id: feed.getOptionalString('id') ?? `${engine}-${kind}`,
          engine,
          kind,
          url,
        };
      })
    : defaultFeeds(api);
  const intervalMinutes = c?.getOptionalNumber('intervalMinutes') ?? 360;
  if (!(intervalMinutes >= 1)) {
    throw new InputError(
      'dbaas.releaseWatcher.intervalMinutes: must be at least 1',
    );
  }
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    intervalMinutes,
    feeds,
    ...(c?.getOptionalString('token') ? { token: c.getString('token') } : {}),
  };
}
