/**
 * A Backstage token for user:default/guest (who owns group:default/team-a
 * in the example app), from the guest provider's refresh endpoint.
 */
export async function guestToken(baseUrl: string): Promise<string> {
  const response = await fetch(
    `${baseUrl}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(
      `Guest sign-in at ${baseUrl} answered ${
        response.status
      }: ${await response.text()}`,
    );
  }
  const body = (await response.json()) as {
    backstageIdentity?: { token?: string };
  };
  const token = body.backstageIdentity?.token;
  if (!token) {
    throw new Error(`Guest sign-in at ${baseUrl} returned no token`);
  }
  return token;
}
