/** Whether the catalog has the entity, asked the way the frontend asks. */
export async function catalogHasEntity(
  baseUrl: string,
  token: string,
  entityRef: { kind: string; name: string; namespace?: string },
): Promise<boolean> {
  const { kind, name, namespace = 'default' } = entityRef;
  const response = await fetch(
    `${baseUrl}/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  if (response.status !== 200 && response.status !== 404) {
    throw new Error(`catalog answered ${response.status}`);
  }
  return response.status === 200;
}

/** Polls `check` every 500 ms until it is true or `timeoutMs` passed. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`${what}: not true after ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/** The HTTP status of a dbaas API call made with `token`. */
export async function dbaasStatus(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
): Promise<number> {
  const response = await fetch(`${baseUrl}/api/dbaas${path}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  await response.body?.cancel();
  return response.status;
}
