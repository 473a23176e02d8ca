import { BackendProcess, DbaasApiClient } from '../../src/harness';

/**
 * Deletes every instance the guest can delete, so that a failed test
 * leaves no redis-server behind (the local driver's servers outlive the
 * backend on purpose, to be re-adopted).
 */
export async function deleteAllInstances(app: BackendProcess): Promise<void> {
  const api = await DbaasApiClient.asGuest(app.baseUrl);
  const instances = await api.listInstances();
  await Promise.all(
    instances
      .filter(i => i.status !== 'deleting')
      .map(async i => {
        const accepted = await api.deleteInstance(i.id);
        await api.waitForOperation(accepted.operation.id);
      }),
  );
  for (const i of instances.filter(x => x.status === 'deleting')) {
    const [latest] = await api.listOperations(i.id);
    if (latest) await api.waitForOperation(latest.id);
  }
}
