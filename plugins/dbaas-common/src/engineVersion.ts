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
