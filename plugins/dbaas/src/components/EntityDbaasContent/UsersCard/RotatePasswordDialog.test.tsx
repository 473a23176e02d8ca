import { registerMswTestHooks } from '@backstage/test-utils';
import { AclUser } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DBAAS_URL, errorResponse } from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import {
  ago,
  appUser,
  aUser,
  aUsersOperation,
  operationHandler,
  usersBackend,
} from './__testUtils__/usersBackend';
import { UsersCard } from './UsersCard';

const server = setupServer();
registerMswTestHooks(server);

const ID = 'rotate-1';

/** A moment as the viewer reads it, e.g. "Sat 5 Dec 14:02 UTC". */
const moment = (ms: number) =>
  DateTime.fromMillis(ms).toFormat('ccc d LLL HH:mm ZZZZ');

const keepsWorking = (until: string) =>
  `A new password is made and works at once; the old one keeps working until ${until}, then it is removed from every node. Open connections are not closed; clients must switch to the new password before then.`;

/**
 * The dialog's words for a grace period, as they read at any moment since
 * `since`: the minute may turn while the test runs.
 */
function wordsFor(dialog: HTMLElement, graceSeconds: number, since: number) {
  const expected = [since, Date.now()].map(at =>
    keepsWorking(moment(at + graceSeconds * 1000)),
  );
  return within(dialog).getByText(text => expected.includes(text));
}

async function openRotateDialog(
  username: string,
  onChange: () => void = () => {},
) {
  await renderWithApis(
    <UsersCard instance={anInstance({ id: ID })} onChange={onChange} />,
  );
  const table = await screen.findByRole('table', { name: 'users' });
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryByText(username))!;
  await userEvent.click(
    within(row).getByRole('button', { name: 'Rotate password' }),
  );
  return screen.findByRole('dialog');
}

describe('Rotate password', () => {
  it('says what a rotation does, with the moment the old password stops working, for the grace period chosen', async () => {
    server.use(...usersBackend(ID));
    const since = Date.now();
    const dialog = await openRotateDialog('app');
    expect(
      within(dialog).getByText('Rotate the password of app'),
    ).toBeVisible();
    expect(within(dialog).getByRole('radio', { name: '1 hour' })).toBeChecked();
    expect(wordsFor(dialog, 3600, since)).toBeVisible();

    await userEvent.click(within(dialog).getByRole('radio', { name: '1 day' }));
    expect(wordsFor(dialog, 86_400, since)).toBeVisible();
    await userEvent.click(
      within(dialog).getByRole('radio', { name: '7 days' }),
    );
    expect(wordsFor(dialog, 604_800, since)).toBeVisible();

    await userEvent.click(within(dialog).getByRole('radio', { name: 'None' }));
    expect(
      within(dialog).getByText(
        'A new password is made and works at once; the old one is removed from every node as soon as the new one is in place, so clients still using it cannot log in again. Open connections are not closed; clients must switch to the new password first.',
      ),
    ).toBeVisible();

    const rotate = within(dialog).getByRole('button', {
      name: 'Rotate password',
    });
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Another number of minutes' }),
    );
    const minutes = within(dialog).getByRole('textbox', { name: 'Minutes' });
    expect(within(dialog).getByText('0 to 10080 (7 days)')).toBeVisible();
    expect(rotate).toBeDisabled();
    await userEvent.type(minutes, '1.5');
    expect(within(dialog).getByText('a whole number of minutes')).toBeVisible();
    expect(rotate).toBeDisabled();
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '90');
    expect(wordsFor(dialog, 90 * 60, since)).toBeVisible();
    expect(rotate).toBeEnabled();
    await userEvent.clear(minutes);
    await userEvent.type(minutes, '10081');
    expect(
      within(dialog).getByText('at most 10080 minutes (7 days)'),
    ).toBeVisible();
    expect(rotate).toBeDisabled();
  });

  it('says when the password kept from a previous rotation stops working', async () => {
    const retiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
    server.use(
      ...usersBackend(ID, {
        users: () => [
          appUser,
          aUser({
            passwords: [
              { createdAt: ago(0.1) },
              { createdAt: ago(30 * 24), retiresAt },
            ],
          }),
        ],
      }),
    );
    const dialog = await openRotateDialog('reporting');
    expect(
      within(dialog).getByText(
        `The password kept from the previous rotation stops working at ${moment(
          Date.parse(retiresAt),
        )}, or with this one if that is sooner.`,
      ),
    ).toBeVisible();
  });

  it('rotates with the grace period chosen, shows the new password once with a copy button, and follows the rotation', async () => {
    const posts: unknown[] = [];
    const onChange = jest.fn();
    let users: AclUser[] = [appUser, aUser()];
    let retiresAt = '';
    const operation = aUsersOperation(ID);
    server.use(
      ...usersBackend(ID, { users: () => users }),
      http.post(
        `${DBAAS_URL}/instances/${ID}/users/app/rotate`,
        async ({ request }) => {
          const body = (await request.json()) as { graceSeconds: number };
          posts.push(body);
          retiresAt = new Date(
            Date.now() + body.graceSeconds * 1000,
          ).toISOString();
          const app = {
            ...appUser,
            passwords: [
              { createdAt: new Date().toISOString() },
              { createdAt: ago(48), retiresAt },
            ],
          };
          users = [app, aUser()];
          return HttpResponse.json(
            {
              user: app,
              password: 'rotated-once-7',
              instance: anInstance({ id: ID }),
              operation,
            },
            { status: 202 },
          );
        },
      ),
      operationHandler(operation),
    );
    const dialog = await openRotateDialog('app', onChange);
    await userEvent.click(
      within(dialog).getByRole('radio', { name: '5 minutes' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Rotate password' }),
    );

    expect(
      await within(dialog).findByText('New password for app'),
    ).toBeVisible();
    expect(posts).toEqual([{ graceSeconds: 300 }]);
    expect(within(dialog).getByLabelText('password')).toHaveTextContent(
      'rotated-once-7',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Copy password' }),
    ).toBeVisible();
    expect(
      within(dialog).getByText(
        /Copy the password now: it will not be shown here again. Later, "Connect" on app shows it/,
      ),
    ).toBeVisible();
    const until = moment(Date.parse(retiresAt));
    expect(
      within(dialog).getByText(
        `The card follows the new password onto every node. The old password works until ${until}.`,
      ),
    ).toBeVisible();

    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'I have copied the password',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('rotated-once-7')).toBeNull();
    expect(
      await screen.findByText(
        'The new password of app works on every node; the old one too until it retires, and open sessions stay connected.',
        undefined,
        { timeout: 3000 },
      ),
    ).toBeVisible();
    expect(
      screen.getByText(`old password works until ${until} (in 5 minutes)`),
    ).toBeVisible();
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  });

  it("shows the API's refusal in its own words, and no password", async () => {
    server.use(
      ...usersBackend(ID),
      http.post(`${DBAAS_URL}/instances/${ID}/users/reporting/rotate`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache is down; users can be changed while it is running',
        ),
      ),
    );
    const dialog = await openRotateDialog('reporting');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Rotate password' }),
    );
    expect(
      await within(dialog).findByText(
        'Instance orders-cache is down; users can be changed while it is running',
      ),
    ).toBeVisible();
    expect(within(dialog).queryByLabelText('password')).toBeNull();
    expect(
      within(dialog).getByRole('button', { name: 'Rotate password' }),
    ).toBeEnabled();
  });
});
