import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  DbaasApiClient,
  InstanceStatus,
} from '@justmanage/plugin-dbaas-common';
import { act, renderHook, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ReactNode } from 'react';
import { dbaasApiRef, isNotFoundError } from '../../api';
import { BACKEND_URL, DBAAS_URL, errorResponse } from './__testUtils__/backend';
import { anInstance } from './__testUtils__/fixtures';
import { usePolledInstance } from './usePolledInstance';

const server = setupServer();
registerMswTestHooks(server);

const client = new DbaasApiClient({
  discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
  fetchApi: new MockFetchApi(),
});
const wrapper = ({ children }: { children: ReactNode }) => (
  <TestApiProvider apis={[[dbaasApiRef, client]]}>{children}</TestApiProvider>
);

describe('usePolledInstance', () => {
  it('picks up status changes on its own', async () => {
    // The server says provisioning until the test has seen it: a fixed
    // number of answers could pass between two looks of waitFor on a busy
    // machine.
    let status: InstanceStatus = 'provisioning';
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1`, () =>
        HttpResponse.json(anInstance({ status })),
      ),
    );
    const { result } = renderHook(() => usePolledInstance('inst-1', 20), {
      wrapper,
    });
    expect(result.current.loading).toBe(true);
    await waitFor(() =>
      expect(result.current.instance?.status).toBe('provisioning'),
    );
    status = 'running';
    await waitFor(() =>
      expect(result.current.instance?.status).toBe('running'),
    );
    expect(result.current.loading).toBe(false);
  });

  it('keeps the last instance when a poll fails, and recovers', async () => {
    let fail = false;
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1`, () =>
        fail
          ? errorResponse(503, 'ServiceUnavailableError', 'restarting')
          : HttpResponse.json(anInstance()),
      ),
    );
    const { result } = renderHook(() => usePolledInstance('inst-1', 20), {
      wrapper,
    });
    await waitFor(() => expect(result.current.instance).toBeDefined());
    fail = true;
    await waitFor(() => expect(result.current.error).toBeDefined());
    expect(result.current.instance?.name).toBe('orders-cache');
    fail = false;
    await waitFor(() => expect(result.current.error).toBeUndefined());
  });

  it('reports a missing instance as not found', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/gone`, () =>
        errorResponse(404, 'NotFoundError', 'no instance gone'),
      ),
    );
    const { result } = renderHook(() => usePolledInstance('gone', 20), {
      wrapper,
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.instance).toBeUndefined();
    expect(isNotFoundError(result.current.error)).toBe(true);
  });

  it('polls at once on refresh', async () => {
    let requests = 0;
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1`, () => {
        requests += 1;
        return HttpResponse.json(anInstance());
      }),
    );
    // An hour: only refresh can cause the second request.
    const { result } = renderHook(
      () => usePolledInstance('inst-1', 3_600_000),
      { wrapper },
    );
    await waitFor(() => expect(result.current.instance).toBeDefined());
    expect(requests).toBe(1);
    act(() => result.current.refresh());
    await waitFor(() => expect(requests).toBe(2));
  });
});
