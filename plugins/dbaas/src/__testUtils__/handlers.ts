import { http, HttpResponse } from 'msw';
import type { Instance, Platform } from '@justmanage/plugin-dbaas-common';
import { BACKEND_URL, DBAAS_URL } from './fixtures';

/**
 * The backend's list endpoint, filtering like the real one does, and
 * recording the query of every request.
 */
export function instancesHandler(
  instances: Instance[],
  queries: URLSearchParams[] = [],
) {
  return http.get(`${DBAAS_URL}/instances`, ({ request }) => {
    const query = new URL(request.url).searchParams;
    queries.push(query);
    const owner = query.get('owner');
    const status = query.get('status');
    return HttpResponse.json({
      items: instances.filter(
        i => (!owner || i.owner === owner) && (!status || i.status === status),
      ),
    });
  });
}

export function platformsHandler(items: Platform[]) {
  return http.get(`${DBAAS_URL}/platforms`, () => HttpResponse.json({ items }));
}

/**
 * The permission backend, answering every request with one decision. The
 * `calls` array lets a test wait until the frontend has asked.
 */
export function permissionHandler(
  result: 'ALLOW' | 'DENY',
  calls: string[][] = [],
) {
  return http.post(
    `${BACKEND_URL}/api/permission/authorize`,
    async ({ request }) => {
      const body = (await request.json()) as {
        items: Array<{ id: string; permission: { name: string } }>;
      };
      calls.push(body.items.map(item => item.permission.name));
      return HttpResponse.json({
        items: body.items.map(item => ({ id: item.id, result })),
      });
    },
  );
}
