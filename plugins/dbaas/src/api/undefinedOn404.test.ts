import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { undefinedOn404 } from './undefinedOn404';

const BACKEND_URL = 'http://localhost:7007';
const LATEST_SCAN_URL = `${BACKEND_URL}/api/dbaas/instances/i1/key-scans/latest`;

const server = setupServer();
registerMswTestHooks(server);

const client = new DbaasApiClient({
  discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
  fetchApi: new MockFetchApi(),
});

function answer(status: number, name: string) {
  server.use(
    http.get(LATEST_SCAN_URL, () =>
      HttpResponse.json({ error: { name, message: 'm' } }, { status }),
    ),
  );
}

describe('undefinedOn404', () => {
  it('passes an answer through', async () => {
    server.use(
      http.get(LATEST_SCAN_URL, () =>
        HttpResponse.json({ instanceId: 'i1', keysScanned: 3 }),
      ),
    );
    await expect(
      undefinedOn404(client.getLatestKeyScan('i1')),
    ).resolves.toMatchObject({ keysScanned: 3 });
  });

  it('gives undefined for a 404, the answer before the first report', async () => {
    answer(404, 'NotFoundError');
    await expect(
      undefinedOn404(client.getLatestKeyScan('i1')),
    ).resolves.toBeUndefined();
  });

  it('throws any other failure as the backend answered it', async () => {
    answer(503, 'ServiceUnavailableError');
    await expect(
      undefinedOn404(client.getLatestKeyScan('i1')),
    ).rejects.toMatchObject({
      name: 'ResponseError',
      response: { status: 503 },
    });
  });
});
