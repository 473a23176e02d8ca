import type {
  Accepted,
  UpgradePreview,
  UpgradeRequest,
} from '@justmanage/plugin-dbaas-common';
import type { DbaasApi } from './DbaasApi';

/*
 * The spec has one upgrade operation whose answer is a preview for a dry
 * run and the accepted operation otherwise, so the generated method returns
 * either; these two ask for one and check that it came.
 */

type UpgradeTarget = Omit<UpgradeRequest, 'dryRun'>;

/** The exact steps of an upgrade; nothing changes. */
export async function previewUpgrade(
  api: Pick<DbaasApi, 'upgradeInstance'>,
  instanceId: string,
  target: UpgradeTarget,
): Promise<UpgradePreview> {
  const answer = await api.upgradeInstance(instanceId, {
    body: { ...target, dryRun: true },
  });
  if ('steps' in answer) return answer;
  throw new Error('The backend started the upgrade instead of previewing it');
}

/** Starts an upgrade or downgrade; needs the update permission. */
export async function startUpgrade(
  api: Pick<DbaasApi, 'upgradeInstance'>,
  instanceId: string,
  target: UpgradeTarget,
): Promise<Accepted> {
  const answer = await api.upgradeInstance(instanceId, { body: target });
  if ('operation' in answer) return answer;
  throw new Error('The backend previewed the upgrade instead of starting it');
}
