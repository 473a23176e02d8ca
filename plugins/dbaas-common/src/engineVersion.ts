import { parseEngineVersion } from './versionLogic';

/**
 * Whether a platform offering `offered` can run a request for `requested`:
 * the same version, or a plain upstream version one of its builds carries
 * (instances created before builds were told apart say "7.0.15"; the local
 * driver runs such a version on the machine's own build of it).
 * @public
 */
export function offersEngineVersion(
  offered: readonly string[],
  requested: string,
): boolean {
  if (offered.includes(requested)) return true;
  const wanted = parseEngineVersion(requested);
  return (
    wanted !== undefined &&
    wanted.build === undefined &&
    offered.some(v => parseEngineVersion(v)?.upstream === wanted.upstream)
  );
}

/**
 * The upstream release and build of a version; a version that does not
 * parse is taken as an upstream release without a build.
 * @public
 */
export function splitEngineVersion(version: string): {
  upstream: string;
  build?: string;
} {
  const parsed = parseEngineVersion(version);
  if (!parsed) return { upstream: version };
  return parsed.build === undefined
    ? { upstream: parsed.upstream }
    : { upstream: parsed.upstream, build: parsed.build };
}

const ENGINE_TITLES: Record<string, string> = {
  redis: 'Redis',
  valkey: 'Valkey',
};

/** "Redis" for redis, "Valkey" for valkey: how people write them. @public */
export function engineTitle(engine: string): string {
  return ENGINE_TITLES[engine] ?? engine;
}

/**
 * "Redis 7.0.15 (build deb12u10)": the release people know first, the
 * platform's build after it, since two builds of one release can differ
 * in their security fixes. The one way the portal and the API's texts
 * name a version.
 * @public
 */
export function engineVersionLabel(target: {
  engine: string;
  version: string;
}): string {
  const { upstream, build } = splitEngineVersion(target.version);
  const engine = engineTitle(target.engine);
  return build
    ? `${engine} ${upstream} (build ${build})`
    : `${engine} ${upstream}`;
}
