import { registerMswTestHooks } from '@backstage/test-utils';
import {
  ACL_PRESETS,
  ACL_USERNAME_RULE,
} from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DBAAS_URL, errorResponse } from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import {
  appUser,
  aUser,
  aUsersOperation,
  operationHandler,
  usersBackend,
} from './__testUtils__/usersBackend';
import { UsersCard } from './UsersCard';

const server = setupServer();
registerMswTestHooks(server);

const ID = 'add-1';

async function openAddDialog(onChange: () => void = () => {}) {
  await renderWithApis(
    <UsersCard instance={anInstance({ id: ID })} onChange={onChange} />,
  );
  await screen.findByRole('table', { name: 'users' });
  await userEvent.click(screen.getByRole('button', { name: 'Add user' }));
  return screen.findByRole('dialog');
}

function field(dialog: HTMLElement, name: string) {
  return within(dialog).getByRole('textbox', { name });
}

describe('Add user', () => {
  it('checks the username as it is typed, with the rule in words', async () => {
    server.use(...usersBackend(ID));
    const dialog = await openAddDialog();
    const create = within(dialog).getByRole('button', { name: 'Create user' });
    expect(within(dialog).getByText(`${ACL_USERNAME_RULE}.`)).toBeVisible();
    expect(create).toBeDisabled();

    await userEvent.type(field(dialog, 'Username'), 'Reporting');
    expect(
      within(dialog).getByText(`must be ${ACL_USERNAME_RULE}`),
    ).toBeVisible();
    expect(create).toBeDisabled();

    await userEvent.clear(field(dialog, 'Username'));
    await userEvent.type(field(dialog, 'Username'), 'jm-monitor');
    expect(
      within(dialog).getByText(
        "'jm-monitor' is reserved (default, app and names starting with jm- belong to Redis and the product)",
      ),
    ).toBeVisible();

    await userEvent.clear(field(dialog, 'Username'));
    await userEvent.type(field(dialog, 'Username'), 'reporting');
    expect(
      within(dialog).getByText(
        'this instance already has a user named reporting',
      ),
    ).toBeVisible();
    expect(create).toBeDisabled();

    await userEvent.clear(field(dialog, 'Username'));
    await userEvent.type(field(dialog, 'Username'), 'reporting-2');
    expect(within(dialog).getByText(`${ACL_USERNAME_RULE}.`)).toBeVisible();
    expect(create).toBeEnabled();
  });

  it('describes each preset and shows the rules it gives; custom rules are checked as typed', async () => {
    server.use(...usersBackend(ID));
    const dialog = await openAddDialog();
    for (const preset of ACL_PRESETS) {
      expect(within(dialog).getByText(preset.title)).toBeVisible();
      expect(within(dialog).getByText(preset.description)).toBeVisible();
    }
    expect(
      within(dialog).getByRole('radio', { name: /^Read-only/ }),
    ).toBeChecked();
    expect(within(dialog).getByLabelText('effective rules')).toHaveTextContent(
      '~* &* -@all +@read +@connection -@dangerous -@admin',
    );
    await userEvent.type(field(dialog, 'Key patterns'), 'reports:* cache:*');
    expect(within(dialog).getByLabelText('effective rules')).toHaveTextContent(
      '~reports:* ~cache:* &* -@all +@read +@connection -@dangerous -@admin',
    );

    await userEvent.type(field(dialog, 'Username'), 'worker');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: /^Custom rules/ }),
    );
    expect(
      within(dialog).queryByRole('textbox', { name: 'Key patterns' }),
    ).toBeNull();
    const create = within(dialog).getByRole('button', { name: 'Create user' });
    expect(create).toBeDisabled();

    await userEvent.type(field(dialog, 'Rules'), '~jobs:* +@read on');
    expect(
      within(dialog).getByText(
        "'on' is not allowed: the product turns users on and off: delete the user to revoke it",
      ),
    ).toBeVisible();
    expect(create).toBeDisabled();

    await userEvent.clear(field(dialog, 'Rules'));
    await userEvent.type(field(dialog, 'Rules'), '+@read');
    expect(
      within(dialog).getByText(
        'give the keys the user may use, e.g. ~app:* or allkeys',
      ),
    ).toBeVisible();

    await userEvent.clear(field(dialog, 'Rules'));
    await userEvent.type(field(dialog, 'Rules'), '%R~jobs:* +@read +lpop');
    expect(within(dialog).getByLabelText('effective rules')).toHaveTextContent(
      '%R~jobs:* +@read +lpop -@admin',
    );
    expect(create).toBeEnabled();
  });

  it('creates the user, shows its password once with a copy button, and follows it onto every node', async () => {
    const posts: unknown[] = [];
    const onChange = jest.fn();
    let users = [appUser];
    const operation = aUsersOperation(ID);
    server.use(
      ...usersBackend(ID, { users: () => users }),
      http.post(`${DBAAS_URL}/instances/${ID}/users`, async ({ request }) => {
        posts.push(await request.json());
        const user = aUser({ keys: ['*'] });
        users = [appUser, user];
        return HttpResponse.json(
          {
            user,
            password: 'generated-once-42',
            instance: anInstance({ id: ID }),
            operation,
          },
          { status: 202 },
        );
      }),
      operationHandler(operation),
    );
    const dialog = await openAddDialog(onChange);
    await userEvent.type(field(dialog, 'Username'), 'reporting');
    await userEvent.type(field(dialog, 'Key patterns'), '*');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create user' }),
    );

    expect(
      await within(dialog).findByText('User reporting created'),
    ).toBeVisible();
    expect(within(dialog).getByLabelText('password')).toHaveTextContent(
      'generated-once-42',
    );
    expect(
      within(dialog).getByRole('button', { name: 'Copy password' }),
    ).toBeVisible();
    expect(
      within(dialog).getByText(
        /Copy the password now: it will not be shown here again. Later, "Connect" on reporting shows it .* recorded in the audit log/,
      ),
    ).toBeVisible();
    expect(posts).toEqual([
      { username: 'reporting', preset: 'read-only', keys: ['*'] },
    ]);

    await userEvent.click(
      within(dialog).getByRole('button', {
        name: 'I have copied the password',
      }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('generated-once-42')).toBeNull();
    expect(
      await screen.findByText(
        'reporting can log in on every node.',
        undefined,
        {
          timeout: 3000,
        },
      ),
    ).toBeVisible();
    const table = screen.getByRole('table', { name: 'users' });
    expect(within(table).getByText('reporting')).toBeVisible();
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  });

  it("shows the API's refusal in its own words and keeps what was typed", async () => {
    server.use(
      ...usersBackend(ID),
      http.post(`${DBAAS_URL}/instances/${ID}/users`, () =>
        errorResponse(
          400,
          'InputError',
          "rules: '+nosuchcommand' is not a command of redis 7.0.15",
        ),
      ),
    );
    const dialog = await openAddDialog();
    await userEvent.type(field(dialog, 'Username'), 'worker');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: /^Custom rules/ }),
    );
    await userEvent.type(field(dialog, 'Rules'), '~jobs:* +nosuchcommand');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Create user' }),
    );
    expect(
      await within(dialog).findByText(
        "rules: '+nosuchcommand' is not a command of redis 7.0.15",
      ),
    ).toBeVisible();
    expect(field(dialog, 'Rules')).toHaveValue('~jobs:* +nosuchcommand');
    expect(within(dialog).queryByLabelText('password')).toBeNull();
  });
});
