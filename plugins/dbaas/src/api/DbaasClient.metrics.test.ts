import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DbaasClient } from './DbaasClient';

const BACKEND_URL = 'http://localhost:7007';
const DBAAS_URL = `${BACKEND_URL}/api/dbaas`;

const server = setupServer();
registerMswTestHooks(server);

function client() {
  return new DbaasClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: new MockFetchApi(),
  });
}

describe('DbaasClient metrics methods', () => {
  it('asks for the series with the metrics, range and step given', async () => {
    let asked: URLSearchParams | undefined;
    server.use(
      http.get(`${DBAAS_URL}/instances/a%2Fb/metrics`, ({ request }) => {
        asked = new URL(request.url).searchParams;
        return HttpResponse.json({ instanceId: 'a/b', series: [] });
      }),
    );
    await client().getMetricSeries('a/b', {
      metrics: ['cpu_percent', 'keys'],
      from: '2026-11-21T10:00:00.000Z',
      to: '2026-11-21T11:00:00.000Z',
      stepSeconds: 60,
    });
    expect(Object.fromEntries(asked!)).toEqual({
      metric: 'cpu_percent,keys',
      from: '2026-11-21T10:00:00.000Z',
      to: '2026-11-21T11:00:00.000Z',
      step: '60',
    });
  });

  it('gives undefined for the latest snapshot before the first collection', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/i1/metrics/latest`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'none yet' } },
          { status: 404 },
        ),
      ),
    );
    await expect(client().getLatestMetrics('i1')).resolves.toBeUndefined();
  });

  it('reads keyspace and replication, and throws what the backend answers', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/i1/keyspace`, () =>
        HttpResponse.json({
          instanceId: 'i1',
          readAt: 'x',
          databases: [{ db: 0, keys: 3, expiringKeys: 1 }],
        }),
      ),
      http.get(`${DBAAS_URL}/instances/i1/replication`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'ServiceUnavailableError',
              message: 'did not answer INFO replication',
            },
          },
          { status: 503 },
        ),
      ),
    );
    expect((await client().getKeyspace('i1')).databases[0].keys).toBe(3);
    await expect(client().getReplication('i1')).rejects.toMatchObject({
      response: { status: 503 },
    });
  });
});
