import {
  engineTitle,
  splitEngineVersion,
} from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';

/**
 * "Redis 7.0.15 (build deb12u7)": the platform's build after the release, as a
 * detail: people know releases by their upstream number, and the build
 * matters only to tell two packages of one release apart.
 */
export function EngineVersion(props: { engine: string; version: string }) {
  const { upstream, build } = splitEngineVersion(props.version);
  return (
    <>
      {engineTitle(props.engine)} {upstream}
      {build && (
        <Typography
          component="span"
          variant="caption"
          color="textSecondary"
          title={`Build ${props.version}`}
        >
          {' '}
          (build {build})
        </Typography>
      )}
    </>
  );
}
