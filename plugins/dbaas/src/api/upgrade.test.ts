import type { Accepted, UpgradePreview } from '@justmanage/plugin-dbaas-common';
import type { DbaasApi } from './DbaasApi';
import { previewUpgrade, startUpgrade } from './upgrade';

const target = { engine: 'redis' as const, version: '7.4.2' };
const preview = { candidate: {}, steps: [] } as unknown as UpgradePreview;
const accepted = { instance: {}, operation: { id: 'op-1' } } as Accepted;

function answering(answer: UpgradePreview | Accepted) {
  const upgradeInstance = jest.fn(async () => answer);
  return {
    api: { upgradeInstance } as Pick<DbaasApi, 'upgradeInstance'>,
    upgradeInstance,
  };
}

describe('previewUpgrade and startUpgrade', () => {
  it('asks for a dry run and gives the preview', async () => {
    const { api, upgradeInstance } = answering(preview);
    await expect(previewUpgrade(api, 'i1', target)).resolves.toBe(preview);
    expect(upgradeInstance).toHaveBeenCalledWith('i1', {
      body: { ...target, dryRun: true },
    });
  });

  it('starts the upgrade and gives the accepted operation', async () => {
    const { api, upgradeInstance } = answering(accepted);
    await expect(startUpgrade(api, 'i1', target)).resolves.toBe(accepted);
    expect(upgradeInstance).toHaveBeenCalledWith('i1', { body: target });
  });

  it('refuses an answer of the other shape', async () => {
    await expect(
      previewUpgrade(answering(accepted).api, 'i1', target),
    ).rejects.toThrow(/started the upgrade/);
    await expect(
      startUpgrade(answering(preview).api, 'i1', target),
    ).rejects.toThrow(/previewed the upgrade/);
  });
});
