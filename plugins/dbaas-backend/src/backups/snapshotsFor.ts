import { NotAllowedError } from '@backstage/errors';
import { DriverSnapshots } from '@justmanage/plugin-dbaas-node';
import { StepContext } from '../operations/types';

/** Data leaves and enters a platform through its snapshots; without them, no backups. */
export function snapshotsFor(ctx: StepContext): DriverSnapshots {
  const snapshots = ctx.driver.snapshots;
  if (!snapshots) {
    throw new NotAllowedError(
      `Platform ${ctx.driver.id} cannot copy data out or in, which backups and restores need`,
    );
  }
  return snapshots;
}
