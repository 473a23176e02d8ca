import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DBAAS_URL,
  errorResponse,
  permissionAnswered,
} from '../__testUtils__/backend';
import { anInstance, anOperation } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import {
  ago,
  appUser,
  aUser,
  aUsersOperation,
  CREDENTIALS,
  MANAGE,
  operationHandler,
  READ,
  usersBackend,
} from './__testUtils__/usersBackend';
import { UsersCard } from './UsersCard';

const server = setupServer();
registerMswTestHooks(server);

const noop = () => {};

// usePermission keeps answers per resource across tests: one id per test
// that is asked other permissions than an owner's.
async function renderCard(id: string, status: 'running' | 'down' = 'running') {
  await renderWithApis(
    <UsersCard instance={anInstance({ id, status })} onChange={noop} />,
  );
  return screen.findByRole('table', { name: 'users' });
}

function rowOf(table: HTMLElement, username: string) {
  return within(table)
    .getAllByRole('row')
    .find(row => within(row).queryByText(username))!;
}

describe('UsersCard', () => {
  it('lists the users: access, keys, who created them when, and how old their passwords are', async () => {
    const retiresAt = ago(-2);
    server.use(
      ...usersBackend('us-1', {
        users: () => [
          appUser,
          aUser(),
          aUser({
            username: 'rotating',
            preset: 'read-write',
            keys: [],
            passwords: [
              { createdAt: ago(30 * 24), retiresAt },
              { createdAt: ago(1) },
            ],
          }),
          aUser({
            username: 'retiring',
            passwords: [
              { createdAt: ago(0.1) },
              { createdAt: ago(30 * 24), retiresAt: ago(0.01) },
            ],
          }),
          aUser({
            username: 'queue-worker',
            preset: 'custom',
            keys: [],
            rules: '%R~jobs:* +@read +lpop -@admin',
          }),
        ],
      }),
    );
    const table = await renderCard('us-1');

    const app = rowOf(table, 'app');
    expect(within(app).getByText('default')).toBeVisible();
    expect(
      within(app).getByText('Everything but administration'),
    ).toBeVisible();
    expect(within(app).getByText('every key')).toBeVisible();
    expect(within(app).getByText('2 days ago')).toBeVisible();
    expect(app).toHaveTextContent('by justmanage');
    expect(within(app).getByText('set 2 days ago')).toBeVisible();

    const reporting = rowOf(table, 'reporting');
    expect(within(reporting).getByText('Read-only')).toBeVisible();
    expect(within(reporting).getByText('reports:*')).toBeVisible();
    expect(within(reporting).getByText('alice')).toBeVisible();
    expect(within(reporting).getByText('set 3 hours ago')).toBeVisible();
    expect(within(reporting).queryByText('default')).not.toBeInTheDocument();

    const rotating = rowOf(table, 'rotating');
    const until = DateTime.fromISO(retiresAt).toFormat('ccc d LLL HH:mm ZZZZ');
    expect(
      within(rotating).getByText(
        `old password works until ${until} (in 2 hours)`,
      ),
    ).toBeVisible();
    expect(within(rotating).getByText('set 1 hour ago')).toBeVisible();
    // its grace period over, it waits for the next round of the retirement
    expect(
      within(rowOf(table, 'retiring')).getByText(
        'old password being removed from every node',
      ),
    ).toBeVisible();

    const custom = rowOf(table, 'queue-worker');
    expect(within(custom).getByText('Custom rules')).toBeVisible();
    expect(
      within(custom).getByText('%R~jobs:* +@read +lpop -@admin'),
    ).toBeVisible();
    expect(within(custom).getByText('in its rules')).toBeVisible();
  });

  it('offers Connect on every user and Rotate password on those the product manages (the default one too), but neither change nor revoke on the default one', async () => {
    server.use(
      ...usersBackend('us-2', {
        users: () => [
          appUser,
          aUser(),
          aUser({ username: 'from-vault', managedBy: 'vault' }),
        ],
      }),
    );
    const table = await renderCard('us-2');
    const app = rowOf(table, 'app');
    expect(within(app).getByRole('button', { name: 'Connect' })).toBeEnabled();
    expect(
      within(app).getByRole('button', { name: 'Rotate password' }),
    ).toBeEnabled();
    expect(
      within(app).queryByRole('button', { name: 'Change access' }),
    ).toBeNull();
    expect(within(app).queryByRole('button', { name: 'Revoke' })).toBeNull();
    const reporting = rowOf(table, 'reporting');
    for (const name of [
      'Connect',
      'Rotate password',
      'Change access',
      'Revoke',
    ]) {
      expect(within(reporting).getByRole('button', { name })).toBeEnabled();
    }
    expect(
      within(rowOf(table, 'from-vault'))
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Connect']);
  });

  it("reveals a user's own connection details on Connect, as one audited read", async () => {
    const reads: string[] = [];
    server.use(
      ...usersBackend('us-3'),
      http.get(
        `${DBAAS_URL}/instances/us-3/users/:username/connection`,
        ({ params }) => {
          reads.push(params.username as string);
          return HttpResponse.json({
            host: 'orders-cache.redis.local',
            port: 7101,
            tls: false,
            username: 'reporting',
            password: 'pw-of-reporting',
            url: 'redis://reporting@orders-cache.redis.local:7101',
          });
        },
      ),
    );
    const table = await renderCard('us-3');
    await userEvent.click(
      within(rowOf(table, 'reporting')).getByRole('button', {
        name: 'Connect',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Credentials of reporting and how to connect'),
    ).toBeVisible();
    expect(
      within(dialog).getByText(/records it in the audit log with your name/),
    ).toBeVisible();
    expect(await within(dialog).findByLabelText('password')).toHaveTextContent(
      'pw-of-reporting',
    );
    expect(within(dialog).getByLabelText('connection url')).toHaveTextContent(
      'redis://reporting:pw-of-reporting@orders-cache.redis.local:7101',
    );
    expect(within(dialog).getByLabelText('redis-cli')).toHaveTextContent(
      'redis-cli -u redis://reporting:pw-of-reporting@orders-cache.redis.local:7101',
    );
    // the snippet's highlighting arrives a moment later
    await waitFor(() =>
      expect(
        within(dialog).getByRole('region', { name: 'env snippet' }),
      ).toHaveTextContent('REDIS_PASSWORD=pw-of-reporting'),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(reads).toEqual(['reporting']);
  });

  it('revokes a user after a confirmation that says its live sessions are closed, and follows the revoke', async () => {
    const deleted: string[] = [];
    const onChange = jest.fn();
    let users = [appUser, aUser()];
    const operation = aUsersOperation('us-4');
    server.use(
      ...usersBackend('us-4', { users: () => users }),
      http.delete(
        `${DBAAS_URL}/instances/us-4/users/:username`,
        ({ params }) => {
          deleted.push(params.username as string);
          users = [appUser];
          return HttpResponse.json(
            { instance: anInstance({ id: 'us-4' }), operation },
            { status: 202 },
          );
        },
      ),
      operationHandler(operation),
    );
    await renderWithApis(
      <UsersCard instance={anInstance({ id: 'us-4' })} onChange={onChange} />,
    );
    const table = await screen.findByRole('table', { name: 'users' });
    const revoke = () =>
      userEvent.click(
        within(rowOf(table, 'reporting')).getByRole('button', {
          name: 'Revoke',
        }),
      );

    await revoke();
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Revoke reporting?')).toBeVisible();
    expect(
      within(dialog).getByText(
        /its live sessions are closed: clients logged in as reporting are disconnected now and cannot log in again/,
      ),
    ).toBeVisible();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Cancel' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(deleted).toEqual([]);

    await revoke();
    dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke reporting' }),
    );
    expect(
      await screen.findByText(
        'reporting was revoked: it is gone from every node and its sessions were closed.',
        undefined,
        { timeout: 3000 },
      ),
    ).toBeVisible();
    expect(deleted).toEqual(['reporting']);
    expect(
      screen.getByRole('table', { name: 'steps of the users' }),
    ).toBeVisible();
    await waitFor(() =>
      expect(screen.queryByText('reporting', { selector: 'code' })).toBeNull(),
    );
    // accepted, then finished
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  });

  it('changes the access of a user, starting from the access it has', async () => {
    const patches: unknown[] = [];
    const operation = aUsersOperation('us-5');
    server.use(
      ...usersBackend('us-5'),
      http.patch(
        `${DBAAS_URL}/instances/us-5/users/reporting`,
        async ({ request }) => {
          patches.push(await request.json());
          return HttpResponse.json(
            {
              user: aUser({
                preset: 'read-write',
                keys: ['reports:*', 'tmp:*'],
              }),
              instance: anInstance({ id: 'us-5' }),
              operation,
            },
            { status: 202 },
          );
        },
      ),
      operationHandler(operation),
    );
    const table = await renderCard('us-5');
    await userEvent.click(
      within(rowOf(table, 'reporting')).getByRole('button', {
        name: 'Change access',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('radio', { name: /^Read-only/ }),
    ).toBeChecked();
    expect(
      within(dialog).getByRole('textbox', { name: 'Key patterns' }),
    ).toHaveValue('reports:*');
    expect(
      within(dialog).getByText('This is the access reporting has already.'),
    ).toBeVisible();
    const save = within(dialog).getByRole('button', { name: 'Change access' });
    expect(save).toBeDisabled();
    expect(
      within(dialog).getByText(/stay connected and follow the new rules/),
    ).toBeVisible();

    await userEvent.click(
      within(dialog).getByRole('radio', { name: /^Read-write Reads/ }),
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: 'Key patterns' }),
      ' tmp:*',
    );
    expect(within(dialog).getByLabelText('effective rules')).toHaveTextContent(
      '~reports:* ~tmp:* &* -@all +@read +@write +@transaction +@pubsub +@scripting +@connection -@admin',
    );
    await userEvent.click(save);
    expect(
      await screen.findByText(
        'reporting has its new access on every node; its open sessions follow it.',
        undefined,
        { timeout: 3000 },
      ),
    ).toBeVisible();
    expect(patches).toEqual([
      { preset: 'read-write', keys: ['reports:*', 'tmp:*'] },
    ]);
  });

  it("shows the API's refusal of a revoke in its own words", async () => {
    server.use(
      ...usersBackend('us-6'),
      http.delete(`${DBAAS_URL}/instances/us-6/users/reporting`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache has an operation in progress',
        ),
      ),
    );
    const table = await renderCard('us-6');
    await userEvent.click(
      within(rowOf(table, 'reporting')).getByRole('button', { name: 'Revoke' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Revoke reporting' }),
    );
    expect(
      await within(dialog).findByText(
        'Instance orders-cache has an operation in progress',
      ),
    ).toBeVisible();
  });

  it('waits for another operation to finish, and says so', async () => {
    server.use(
      ...usersBackend('us-7', {
        operations: [
          anOperation({
            instanceId: 'us-7',
            type: 'scan-keys',
            status: 'running',
          }),
        ],
      }),
    );
    const table = await renderCard('us-7');
    expect(
      await screen.findByText(
        'Another operation (scan-keys) is in progress; users can be changed when it has finished.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add user' })).toBeDisabled();
    const reporting = rowOf(table, 'reporting');
    expect(
      within(reporting).getByRole('button', { name: 'Revoke' }),
    ).toBeDisabled();
    expect(
      within(reporting).getByRole('button', { name: 'Change access' }),
    ).toBeDisabled();
    expect(
      within(reporting).getByRole('button', { name: 'Rotate password' }),
    ).toBeDisabled();
    expect(
      within(reporting).getByRole('button', { name: 'Connect' }),
    ).toBeEnabled();
  });

  it('adds, changes and rotates users only while the instance runs, but still revokes', async () => {
    server.use(...usersBackend('us-8'));
    const table = await renderCard('us-8', 'down');
    expect(
      await screen.findByText(
        'Users can be added and changed while the instance is running; it is down.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add user' })).toBeDisabled();
    const reporting = rowOf(table, 'reporting');
    expect(
      within(reporting).getByRole('button', { name: 'Change access' }),
    ).toBeDisabled();
    expect(
      within(rowOf(table, 'app')).getByRole('button', {
        name: 'Rotate password',
      }),
    ).toBeDisabled();
    expect(
      within(reporting).getByRole('button', { name: 'Revoke' }),
    ).toBeEnabled();
  });

  it('lists users without offering changes or passwords to those who may only read, and says why', async () => {
    const asked: string[] = [];
    server.use(...usersBackend('us-9', { allowed: [READ], asked }));
    const table = await renderCard('us-9');
    await permissionAnswered(asked, MANAGE);
    await permissionAnswered(asked, CREDENTIALS);
    expect(within(table).queryAllByRole('button')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Add user' })).toBeNull();
    expect(
      screen.getByText(
        "Only the instance's owners may add users, change their access, rotate their passwords or revoke them.",
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        "You may not see the users' passwords, so Connect is not offered; the instance's owners can give you access.",
      ),
    ).toBeVisible();
  });

  it('neither lists nor asks for the users of those who may not see them', async () => {
    const asked: string[] = [];
    const listed: string[] = [];
    server.use(...usersBackend('us-10', { allowed: [], asked, listed }));
    await renderWithApis(
      <UsersCard instance={anInstance({ id: 'us-10' })} onChange={noop} />,
    );
    await permissionAnswered(asked, READ);
    expect(
      screen.getByText(
        "You may not see this instance's users; its owners can give you access.",
      ),
    ).toBeVisible();
    expect(screen.queryByRole('table')).toBeNull();
    expect(listed).toEqual([]);
  });
});
