import {
  DbaasApiClient,
  Instance,
  redisProcesses,
  redisSetGet,
} from '../harness';

/**
 * What a user must find after any crash: every instance is `running` and
 * serves with its credentials, or `failed` with the reason on its last
 * operation (nothing stuck half-way); and the live server processes under
 * `dataDir` are exactly one per running instance, with none the API does
 * not know.
 */
export async function expectFleetConsistent(
  api: DbaasApiClient,
  dataDir: string,
): Promise<Instance[]> {
  const instances = (await api.listInstances()).items;
  for (const instance of instances) {
    expect({ name: instance.name, status: instance.status }).toEqual({
      name: instance.name,
      status: expect.stringMatching(/^(running|failed)$/),
    });
    if (instance.status === 'failed') {
      const [last] = (await api.listOperations(instance.id)).items;
      expect(last.status).toBe('failed');
      expect(last.error).toEqual(expect.any(String));
    } else {
      const connection = await api.getConnection(instance.id);
      const value = `value-of-${instance.name}`;
      await expect(
        redisSetGet(connection, 'consistency-check', value),
      ).resolves.toBe(value);
    }
  }
  const running = instances.filter(i => i.status === 'running').map(i => i.id);
  const processes = await redisProcesses(dataDir);
  expect(Object.fromEntries(processes)).toEqual(
    Object.fromEntries(running.map(id => [id, [expect.any(Number)]])),
  );
  return instances;
}
