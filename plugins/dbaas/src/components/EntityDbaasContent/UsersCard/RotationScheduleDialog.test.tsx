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
  usersBackend,
} from './__testUtils__/usersBackend';
import { UsersCard } from './UsersCard';

const server = setupServer();
registerMswTestHooks(server);

const ID = 'schedule-1';
const DAY = 86_400_000;

/** A moment as the viewer reads it, e.g. "Sat 5 Dec 14:02 UTC". */
const moment = (iso: string) =>
  DateTime.fromISO(iso).toFormat('ccc d LLL HH:mm ZZZZ');

async function openScheduleDialog(username: string) {
  await renderWithApis(
    <UsersCard instance={anInstance({ id: ID })} onChange={() => {}} />,
  );
  const table = await screen.findByRole('table', { name: 'users' });
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryByText(username))!;
  await userEvent.click(
    within(row).getByRole('button', { name: 'Schedule rotation' }),
  );
  return screen.findByRole('dialog');
}

/** The backend with a PUT that records its bodies and stores the schedule. */
function scheduleBackend(puts: unknown[]) {
  let reporting: AclUser = aUser();
  return [
    ...usersBackend(ID, { users: () => [appUser, reporting] }),
    http.put(
      `${DBAAS_URL}/instances/${ID}/users/reporting/rotation`,
      async ({ request }) => {
        const body = (await request.json()) as {
          everyDays: number | null;
          graceSeconds?: number;
        };
        puts.push(body);
        const last = reporting.passwords[0].createdAt;
        reporting = {
          ...reporting,
          rotation:
            body.everyDays === null
              ? null
              : {
                  everyDays: body.everyDays,
                  graceSeconds: body.graceSeconds!,
                  nextAt: new Date(
                    Date.parse(last) + body.everyDays * DAY,
                  ).toISOString(),
                },
        };
        return HttpResponse.json(reporting);
      },
    ),
  ];
}

describe('Scheduled rotation', () => {
  it('shows a user’s schedule in its row: every N days and the next date, or due now', async () => {
    const nextAt = new Date(Date.now() + 27 * DAY).toISOString();
    server.use(
      ...usersBackend(ID, {
        users: () => [
          aUser({
            username: 'app',
            default: true,
            rotation: { everyDays: 1, graceSeconds: 300, nextAt: ago(1) },
          }),
          aUser({ rotation: { everyDays: 30, graceSeconds: 3600, nextAt } }),
        ],
      }),
    );
    await renderWithApis(
      <UsersCard instance={anInstance({ id: ID })} onChange={() => {}} />,
    );
    expect(
      await screen.findByText(
        `rotates every 30 days, next on ${moment(nextAt)}`,
      ),
    ).toBeVisible();
    expect(screen.getByText('rotates every day, due now')).toBeVisible();
  });

  it('sets every N days with a grace shorter than the period, and the row shows it', async () => {
    const puts: unknown[] = [];
    server.use(...scheduleBackend(puts));
    const dialog = await openScheduleDialog('reporting');
    expect(
      within(dialog).getByText('Rotation schedule of reporting'),
    ).toBeVisible();
    expect(
      within(dialog).getByRole('radio', { name: 'Off: rotate on demand only' }),
    ).toBeChecked();

    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Rotate every N days' }),
    );
    const days = within(dialog).getByRole('textbox', { name: 'Days' });
    const save = within(dialog).getByRole('button', { name: 'Save schedule' });
    await userEvent.clear(days);
    await userEvent.type(days, '0');
    expect(
      within(dialog).getByText('a whole number of days, at least 1'),
    ).toBeVisible();
    expect(save).toBeDisabled();
    await userEvent.clear(days);
    await userEvent.type(days, '366');
    expect(within(dialog).getByText('at most 365 days')).toBeVisible();
    await userEvent.clear(days);
    await userEvent.type(days, '1');
    await userEvent.click(within(dialog).getByRole('radio', { name: '1 day' }));
    expect(
      within(dialog).getByText(
        'The old password must stop working before the next rotation: choose a grace shorter than 1 day(s).',
      ),
    ).toBeVisible();
    expect(save).toBeDisabled();
    await userEvent.clear(days);
    await userEvent.type(days, '7');
    expect(save).toBeEnabled();
    await userEvent.click(save);

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(puts).toEqual([{ everyDays: 7, graceSeconds: 86400 }]);
    expect(
      await screen.findByText(/^rotates every 7 days, next on /),
    ).toBeVisible();
  });

  it('turns a schedule off', async () => {
    const puts: unknown[] = [];
    server.use(...scheduleBackend(puts));
    let dialog = await openScheduleDialog('reporting');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Rotate every N days' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    );
    expect(
      await screen.findByText(/^rotates every 30 days, next on /),
    ).toBeVisible();

    const row = within(screen.getByRole('table', { name: 'users' }))
      .getAllByRole('row')
      .find(r => within(r).queryByText('reporting'))!;
    await userEvent.click(
      within(row).getByRole('button', { name: 'Schedule rotation' }),
    );
    dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByRole('radio', { name: 'Rotate every N days' }),
    ).toBeChecked();
    expect(within(dialog).getByRole('textbox', { name: 'Days' })).toHaveValue(
      '30',
    );
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Off: rotate on demand only' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    );
    await waitFor(() =>
      expect(screen.queryByText(/^rotates every/)).toBeNull(),
    );
    expect(puts).toEqual([
      { everyDays: 30, graceSeconds: 3600 },
      { everyDays: null },
    ]);
  });

  it("shows the API's refusal in its own words and stays open", async () => {
    server.use(
      ...usersBackend(ID),
      http.put(`${DBAAS_URL}/instances/${ID}/users/reporting/rotation`, () =>
        errorResponse(
          409,
          'ConflictError',
          'everyDays: reporting is managed by vault, which sets its passwords; schedule its rotation there',
        ),
      ),
    );
    const dialog = await openScheduleDialog('reporting');
    await userEvent.click(
      within(dialog).getByRole('radio', { name: 'Rotate every N days' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    );
    expect(
      await within(dialog).findByText(
        'everyDays: reporting is managed by vault, which sets its passwords; schedule its rotation there',
      ),
    ).toBeVisible();
    expect(
      within(dialog).getByRole('button', { name: 'Save schedule' }),
    ).toBeEnabled();
  });
});
