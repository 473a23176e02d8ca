import { BackendProcess, guestApi, waitForOperation } from '../../src/harness';

/**
 * Deletes every instance the guest owns, so that a failed test
 * leaves no redis-server behind (the local driver's servers outlive the
 * backend on purpose, to be re-adopted).
 */
export async function deleteAllInstances(app: BackendProcess): Promise<void> {
  const api = await guestApi(app.baseUrl);
  const instances = (await api.listInstances()).items;
  // every deletion is tried even when one fails, then the failures are told
  const results = await Promise.allSettled(
    instances
      .filter(i => i.status !== 'deleting')
      .map(async i => {
        const accepted = await api.deleteInstance(i.id);
        // many deletions queue behind each other: be patient
        await waitForOperation(api, accepted.operation.id, {
          longPollMs: 30_000,
          timeoutMs: 600_000,
        });
      }),
  );
  const failures = results.flatMap(r =>
    r.status === 'rejected' ? [String(r.reason)] : [],
  );
  for (const i of instances.filter(x => x.status === 'deleting')) {
    const [latest] = (await api.listOperations(i.id)).items;
    if (latest) await waitForOperation(api, latest.id);
  }
  if (failures.length) {
    throw new Error(
      `${failures.length} instances could not be deleted: ${failures[0]}`,
    );
  }
}
