import { registerMswTestHooks } from '@backstage/test-utils';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DBAAS_URL,
  errorResponse,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import {
  aUser,
  appUser,
  CREDENTIALS,
  MANAGE,
  OWNER,
  READ,
} from '../UsersCard/__testUtils__/usersBackend';
import {
  aLease,
  aVaultStatus,
  inMinutes,
  vaultStatusHandler,
} from './__testUtils__/vaultBackend';
import { VaultCard } from './VaultCard';

const server = setupServer();
registerMswTestHooks(server);
// Owners unless a test says otherwise.
beforeEach(() => server.use(permissionHandler(OWNER)));

const LEASE = aLease();

function renderCard(id = 'inst-1') {
  return renderWithApis(<VaultCard instance={anInstance({ id })} />);
}

function leaseRow(username: string) {
  return within(screen.getByRole('table', { name: 'leases' }))
    .getAllByRole('row')
    .find(row => within(row).queryByText(username))!;
}

describe('VaultCard', () => {
  it('is not there at all when the backend has no Vault', async () => {
    let asked = false;
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1/vault`, () => {
        asked = true;
        return errorResponse(404, 'NotFoundError', 'Vault is not configured');
      }),
    );
    await renderCard();
    await waitFor(() => expect(asked).toBe(true));
    await act(() => new Promise(resolve => setTimeout(resolve, 200)));
    expect(screen.queryByText('Vault credentials')).not.toBeInTheDocument();
    expect(screen.queryByText(/Vault/)).not.toBeInTheDocument();
  });

  it("says the instance is waiting for Vault, in Vault's words, and offers no credentials yet", async () => {
    server.use(
      vaultStatusHandler('inst-1', () =>
        aVaultStatus({
          status: 'pending',
          roles: [],
          message:
            'Writing database/config/inst-1 to Vault failed: Vault is sealed',
        }),
      ),
    );
    await renderCard();
    expect(
      await screen.findByText(
        'Not registered with Vault yet: the product tries again every few seconds.',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Vault said: Writing database/config/inst-1 to Vault failed: Vault is sealed',
      ),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Get credentials' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Hand a user to Vault' }),
    ).not.toBeInTheDocument();
  });

  it('issues read-only credentials and shows them once with lease and expiry, renews the lease and revokes it after asking', async () => {
    let status = aVaultStatus();
    const asked: string[] = [];
    server.use(
      vaultStatusHandler('inst-1', () => status),
      http.post(
        `${DBAAS_URL}/instances/inst-1/vault/credentials`,
        async ({ request }) => {
          const { role } = (await request.json()) as { role: string };
          asked.push(`issue ${role}`);
          status = { ...status, leases: [LEASE] };
          return HttpResponse.json(
            {
              username: LEASE.username,
              password: 'vault-made-password-1234',
              lease: { ...LEASE, leaseDurationSeconds: 3600 },
            },
            { status: 201 },
          );
        },
      ),
      http.post(
        `${DBAAS_URL}/instances/inst-1/vault/leases/:leaseId/renew`,
        ({ params }) => {
          asked.push(`renew ${params.leaseId}`);
          return HttpResponse.json({ ...LEASE, expiresAt: inMinutes(120) });
        },
      ),
      http.delete(
        `${DBAAS_URL}/instances/inst-1/vault/leases/:leaseId`,
        ({ params }) => {
          asked.push(`revoke ${params.leaseId}`);
          status = {
            ...status,
            leases: [{ ...LEASE, revokedAt: new Date().toISOString() }],
          };
          return new HttpResponse(null, { status: 204 });
        },
      ),
    );
    await renderCard();
    expect(
      await screen.findByText(
        'Registered: Vault issues credentials for this instance.',
      ),
    ).toBeVisible();
    expect(
      screen.getByText('No credentials issued through the product yet.'),
    ).toBeVisible();

    await userEvent.click(
      screen.getByRole('button', { name: 'Get credentials' }),
    );
    const issued = await screen.findByLabelText('issued credentials');
    expect(within(issued).getByLabelText('username')).toHaveTextContent(
      LEASE.username,
    );
    expect(within(issued).getByLabelText('password')).toHaveTextContent(
      'vault-made-password-1234',
    );
    expect(within(issued).getByLabelText('lease id')).toHaveTextContent(
      LEASE.leaseId,
    );
    expect(within(issued).getByLabelText('expires')).toHaveTextContent(
      /\(in 55 minutes\)$/,
    );
    // the connection snippet carries the Vault user, not the app user
    expect(within(issued).getByLabelText('connection url')).toHaveTextContent(
      `redis://${LEASE.username}:vault-made-password-1234@orders-cache.redis.local:7101`,
    );
    expect(asked).toEqual(['issue read-only']);

    await userEvent.click(
      within(issued).getByRole('button', { name: 'Done, I copied it' }),
    );
    expect(
      screen.queryByText('vault-made-password-1234'),
    ).not.toBeInTheDocument();

    const row = await waitFor(() => leaseRow(LEASE.username));
    expect(within(row).getByText('Read-only')).toBeVisible();
    expect(row).toHaveTextContent('alice');
    await userEvent.click(within(row).getByRole('button', { name: 'Renew' }));
    expect(
      await screen.findByText(
        new RegExp(
          `^Renewed ${LEASE.username}: it now expires .*\\(in 2 hours\\)\\.$`,
        ),
      ),
    ).toBeVisible();
    expect(asked[1]).toBe(`renew ${LEASE.leaseId}`);

    await userEvent.click(within(row).getByRole('button', { name: 'Revoke' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      /deletes it on every node of orders-cache: its live sessions end now/,
    );
    expect(asked).toHaveLength(2);
    await userEvent.click(
      within(dialog).getByRole('button', { name: `Revoke ${LEASE.username}` }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(asked[2]).toBe(`revoke ${LEASE.leaseId}`);
    const revoked = await waitFor(() => {
      const r = leaseRow(LEASE.username);
      expect(r).toHaveTextContent(/revoked /);
      return r;
    });
    expect(
      within(revoked).queryByRole('button', { name: 'Renew' }),
    ).not.toBeInTheDocument();
  });

  it("says a sealed Vault's 503 in words and keeps the rest of the card", async () => {
    server.use(
      vaultStatusHandler('inst-1', () => aVaultStatus({ leases: [LEASE] })),
      http.post(`${DBAAS_URL}/instances/inst-1/vault/credentials`, () =>
        errorResponse(
          503,
          'ServiceUnavailableError',
          'Issuing credentials from Vault: Vault is sealed',
        ),
      ),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Get credentials' }),
    );
    expect(
      await screen.findByText(
        /^Vault cannot answer, so no credentials can be issued or changed now; users already issued keep working\. Issuing credentials from Vault: Vault is sealed$/,
      ),
    ).toBeVisible();
    expect(
      screen.queryByLabelText('issued credentials'),
    ).not.toBeInTheDocument();
    expect(leaseRow(LEASE.username)).toBeVisible();
  });

  it('shows others the leases and the users Vault rotates, without a button that changes them, and says why', async () => {
    const asked: string[] = [];
    // usePermission keeps answers per resource: an id of its own.
    server.use(
      permissionHandler([READ], asked),
      vaultStatusHandler('inst-reader', () =>
        aVaultStatus({ leases: [LEASE], staticRoles: ['billing'] }),
      ),
    );
    await renderCard('inst-reader');
    await permissionAnswered(asked, CREDENTIALS);
    await permissionAnswered(asked, MANAGE);
    expect(leaseRow(LEASE.username)).toBeVisible();
    expect(screen.getByText('billing')).toBeVisible();
    expect(
      screen.getByText(
        "Only the instance's owners may get credentials from Vault, renew or revoke them, or read the password of a user Vault rotates.",
      ),
    ).toBeVisible();
    for (const name of [
      'Get credentials',
      'Renew',
      'Revoke',
      'Show password',
      'End static role',
      'Hand a user to Vault',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });

  it('tells someone who is not an owner that only owners may get credentials', async () => {
    server.use(
      vaultStatusHandler('inst-1', () => aVaultStatus()),
      http.post(`${DBAAS_URL}/instances/inst-1/vault/credentials`, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'You may not read the credentials of orders-cache',
        ),
      ),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Get credentials' }),
    );
    expect(
      await screen.findByText(
        "Only the instance's owners may do this. The backend said: You may not read the credentials of orders-cache",
      ),
    ).toBeVisible();
  });

  it('shows a static role password, hands a product user to Vault and ends a static role after asking', async () => {
    let status = aVaultStatus({ staticRoles: ['billing'] });
    const asked: unknown[] = [];
    server.use(
      vaultStatusHandler('inst-1', () => status),
      http.get(
        `${DBAAS_URL}/instances/inst-1/vault/static-roles/billing/credentials`,
        () =>
          HttpResponse.json({
            username: 'billing',
            password: 'rotated-by-vault-5678',
            ttlSeconds: 1800,
            rotationPeriodSeconds: 3600,
          }),
      ),
      http.get(`${DBAAS_URL}/instances/inst-1/users`, () =>
        HttpResponse.json({
          items: [
            appUser,
            aUser({ username: 'reporting' }),
            aUser({ username: 'billing', managedBy: 'vault' }),
          ],
        }),
      ),
      http.post(
        `${DBAAS_URL}/instances/inst-1/vault/static-roles`,
        async ({ request }) => {
          const body = (await request.json()) as { username: string };
          asked.push(body);
          status = {
            ...status,
            staticRoles: [...status.staticRoles, body.username],
          };
          return HttpResponse.json(body, { status: 201 });
        },
      ),
      http.delete(
        `${DBAAS_URL}/instances/inst-1/vault/static-roles/:username`,
        ({ params }) => {
          asked.push(`end ${params.username}`);
          status = {
            ...status,
            staticRoles: status.staticRoles.filter(u => u !== params.username),
          };
          return new HttpResponse(null, { status: 204 });
        },
      ),
    );
    await renderCard();
    const list = await screen.findByRole('list', { name: 'static roles' });
    await userEvent.click(
      within(list).getByRole('button', { name: 'Show password' }),
    );
    let dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByLabelText('password')).toHaveTextContent(
      'rotated-by-vault-5678',
    );
    expect(within(dialog).getByLabelText('next rotation')).toHaveTextContent(
      'in 30m, then every 1h',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Hand a user to Vault' }),
    );
    dialog = await screen.findByRole('dialog');
    await userEvent.click(await within(dialog).findByLabelText('User'));
    const options = screen.getAllByRole('option').map(o => o.textContent);
    // neither the default user nor one Vault has already
    expect(options).toEqual(['reporting']);
    await userEvent.click(screen.getByRole('option', { name: 'reporting' }));
    const period = within(dialog).getByRole('textbox', {
      name: 'Rotation period (minutes)',
    });
    await userEvent.clear(period);
    await userEvent.type(period, '0.05');
    expect(
      within(dialog).getByText('Rotation period: at least 5 seconds'),
    ).toBeVisible();
    expect(
      within(dialog).getByRole('button', { name: 'Hand reporting to Vault' }),
    ).toBeDisabled();
    await userEvent.clear(period);
    await userEvent.type(period, '30');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Hand reporting to Vault' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(asked).toEqual([
      { username: 'reporting', rotationPeriodSeconds: 1800 },
    ]);
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'static roles' })).getByText(
          'reporting',
        ),
      ).toBeVisible(),
    );

    const billing = within(screen.getByRole('list', { name: 'static roles' }))
      .getAllByRole('listitem')
      .find(item => within(item).queryByText('billing'))!;
    await userEvent.click(
      within(billing).getByRole('button', { name: 'End static role' }),
    );
    dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(
      /the user is deleted on every node of orders-cache: its live sessions end now/,
    );
    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'End static role of billing',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByText('billing')).not.toBeInTheDocument(),
    );
    expect(asked[1]).toBe('end billing');
  });
});
