import { act, waitFor } from '@testing-library/react';
import { http, HttpResponse, JsonBodyType } from 'msw';

export const BACKEND_URL = 'http://localhost:7007';
export const DBAAS_URL = `${BACKEND_URL}/api/dbaas`;

/** The body @backstage/errors' ResponseError expects from a backend. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );
}

/**
 * The permission backend's /authorize, answering ALLOW for the permission
 * names given and DENY for the rest, as a policy would.
 */
export function permissionHandler(allowed: string[], asked: string[] = []) {
  return http.post(
    `${BACKEND_URL}/api/permission/authorize`,
    async ({ request }) => {
      const body = (await request.json()) as {
        items: Array<{ id: string; permission: { name: string } }>;
      };
      asked.push(...body.items.map(item => item.permission.name));
      return HttpResponse.json({
        items: body.items.map(item => ({
          id: item.id,
          result: allowed.includes(item.permission.name) ? 'ALLOW' : 'DENY',
        })),
      });
    },
  );
}

/** A GET handler that answers with the given JSON. */
export function getJson(path: string, body: JsonBodyType) {
  return http.get(`${DBAAS_URL}${path}`, () => HttpResponse.json(body));
}

/**
 * Waits until the permission backend was asked about `name`, plus a moment
 * for the answer to reach the screen. Needed before asserting that
 * something stays hidden, since hidden is also how it looks while asking.
 */
export async function permissionAnswered(asked: string[], name: string) {
  await waitFor(() => expect(asked).toContain(name));
  await act(() => new Promise(resolve => setTimeout(resolve, 200)));
}
