import { registerMswTestHooks } from '@backstage/test-utils';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http } from 'msw';
import {
  DBAAS_URL,
  errorResponse,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { policyBackend } from './__testUtils__/policyBackend';
import { UpgradePolicyCard } from './UpgradePolicyCard';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;
const IST_OPENING = /^Sun \d{1,2} \w{3} 02:00-03:00 Asia\/Kolkata \(IST\)$/;

async function renderCard(id: string, allowed = [UPDATE]) {
  const asked: string[] = [];
  const backend = policyBackend(id);
  server.use(permissionHandler(allowed, asked), ...backend.handlers);
  await renderWithApis(
    <UpgradePolicyCard instance={anInstance({ id })} viewerZone="UTC" />,
  );
  await screen.findByRole('form', { name: 'Upgrade policy' });
  await permissionAnswered(asked, UPDATE);
  return backend;
}

const openingTexts = () =>
  within(screen.getByRole('list', { name: 'Next openings' }))
    .getAllByRole('listitem')
    .map(item => item.textContent);

describe('UpgradePolicyCard', () => {
  it('reads a phrase as it is typed: normal form, how IST was read, the next three openings', async () => {
    await renderCard('p-1');
    expect(screen.getByText('No windows, so no openings.')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add window' }));
    const box = screen.getByRole('textbox', { name: 'Maintenance window 1' });
    await userEvent.type(box, 'Sundays 02:00-03:00 IST');

    expect(screen.getByRole('status')).toHaveTextContent(
      'Reads as: Sun 02:00-03:00 Asia/Kolkata (IST). IST is read as India Standard Time (Asia/Kolkata), not Irish Standard Time (Europe/Dublin) or Israel Standard Time (Asia/Jerusalem); name the zone to choose another',
    );
    const openings = within(
      screen.getByRole('list', { name: 'Next openings' }),
    ).getAllByRole('listitem');
    expect(openings).toHaveLength(3);
    for (const opening of openings) {
      const [inZone, inViewer] = [
        opening.querySelector('.MuiListItemText-primary')!.textContent!,
        opening.querySelector('.MuiListItemText-secondary')!.textContent!,
      ];
      expect(inZone).toMatch(IST_OPENING);
      expect(inViewer).toMatch(
        /^Your time: Sat \d{1,2} \w{3} 20:30-21:30 UTC$/,
      );
    }
  });

  it('names what is wrong with a phrase and will not save it', async () => {
    const backend = await renderCard('p-2');
    await userEvent.click(
      screen.getByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add window' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Maintenance window 1' }),
      'Sonday 02:00-03:00 UTC',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Unknown day "sonday": use mon..sun, a range such as "mon-fri", "weekdays", "weekends" or "daily"',
    );
    expect(
      screen.getByRole('button', { name: 'Save upgrade policy' }),
    ).toBeDisabled();
    expect(backend.requests).toEqual([]);
  });

  it('saves the policy and shows what the backend kept', async () => {
    const backend = await renderCard('p-3');
    await userEvent.click(
      screen.getByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    await userEvent.click(
      screen.getByRole('checkbox', { name: /security advisory/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add window' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Maintenance window 1' }),
      'weekdays 22:00-23:30 Europe/Berlin',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save upgrade policy' }),
    );

    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: 'Maintenance window 1' }),
      ).toHaveValue('Mon-Fri 22:00-23:30 Europe/Berlin'),
    );
    expect(backend.requests).toEqual([
      {
        method: 'PUT',
        path: '',
        body: {
          mode: 'auto-patch',
          securityOnly: true,
          windows: ['weekdays 22:00-23:30 Europe/Berlin'],
          blackoutDates: [],
        },
      },
    ]);
    expect(backend.current().mode).toBe('auto-patch');
    expect(
      screen.getByRole('button', { name: 'Save upgrade policy' }),
    ).toBeDisabled();
  });

  it('skips the next window, marks blackout dates, and undoes the snooze', async () => {
    const backend = await renderCard('p-4');
    await userEvent.click(
      screen.getByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add window' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Maintenance window 1' }),
      'Sundays 02:00-03:00 IST',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save upgrade policy' }),
    );
    await screen
      .findByText('Upgrade policy saved.', {}, { timeout: 3000 })
      .catch(() => undefined);
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Skip the next window' }),
      ).toBeEnabled(),
    );

    await userEvent.click(
      screen.getByRole('button', { name: 'Skip the next window' }),
    );
    await screen.findByText(/^Snoozed: openings before /);
    expect(openingTexts()[0]).toContain('skipped: snoozed');
    expect(openingTexts()[1]).not.toContain('skipped');

    // The second opening's date, by the window's clock, as a blackout date.
    const second = backend.current().nextOpenings[1];
    const istDate = new Date(Date.parse(second.start) + 5.5 * 3600_000)
      .toISOString()
      .slice(0, 10);
    const dateBox = screen.getByLabelText('Blackout date');
    await userEvent.type(dateBox, istDate);
    await userEvent.click(
      screen.getByRole('button', { name: 'Add blackout date' }),
    );
    expect(openingTexts()[1]).toContain('skipped: blackout date');
    expect(screen.getByText(istDate)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Undo snooze' }));
    await waitFor(() =>
      expect(screen.queryByText(/^Snoozed:/)).not.toBeInTheDocument(),
    );
    expect(
      backend.requests.map(
        r => `${r.method} ${r.path} ${JSON.stringify(r.body)}`,
      ),
    ).toEqual([
      expect.stringMatching(/^PUT /),
      'POST /snooze {"cancel":false}',
      'POST /snooze {"cancel":true}',
    ]);
  });

  it('says so when no patch is pending to apply now', async () => {
    const backend = await renderCard('p-5');
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply pending patch now' }),
    );
    expect(
      await screen.findByText(
        'No patch upgrade of redis 7.0.15+deb12u10 is pending for orders-cache',
      ),
    ).toBeInTheDocument();
    expect(backend.requests.map(r => r.path)).toEqual(['/apply-now']);
  });

  it('shows the backend refusing a policy in its own words', async () => {
    const backend = await renderCard('p-7');
    await userEvent.click(
      screen.getByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add window' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Maintenance window 1' }),
      'Sun 02:00-03:00 UTC',
    );
    await userEvent.type(screen.getByLabelText('Blackout date'), '2026-12-24');
    await userEvent.click(
      screen.getByRole('button', { name: 'Add blackout date' }),
    );
    // More blackout dates than the backend takes.
    backend.requests.length = 0;
    server.use(
      http.put(`${DBAAS_URL}/instances/p-7/upgrade-policy`, () =>
        errorResponse(
          400,
          'InputError',
          'blackoutDates: must hold at most 100 dates',
        ),
      ),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save upgrade policy' }),
    );
    expect(
      await screen.findByText('blackoutDates: must hold at most 100 dates'),
    ).toBeInTheDocument();
    expect(backend.current().mode).toBe('manual');
  });

  it('lists the automatic decisions with their reasons, and applies the pending patch now', async () => {
    const backend = policyBackend('p-8', {
      applyNow: 'ok',
      decisions: [
        {
          id: 2,
          instanceId: 'p-8',
          at: '2026-12-05T20:40:00.000Z',
          outcome: 'skipped',
          reason: 'too-little-time',
          message:
            'Only 14 min of the opening Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST) are left; an automatic upgrade needs at least 15 min',
        },
        {
          id: 1,
          instanceId: 'p-8',
          at: '2026-12-04T21:00:00.000Z',
          outcome: 'notified',
          reason: 'window-ahead',
          message:
            'Told the owners that redis 7.0.15+deb12u10 will be applied Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST)',
        },
      ],
    });
    const asked: string[] = [];
    server.use(permissionHandler([UPDATE], asked), ...backend.handlers);
    await renderWithApis(
      <UpgradePolicyCard
        instance={anInstance({ id: 'p-8' })}
        viewerZone="UTC"
      />,
    );
    const table = await screen.findByRole('table', {
      name: 'Automatic decisions',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r =>
        within(r)
          .getAllByRole('cell')
          .map(c => c.textContent),
      ),
    ).toEqual([
      [
        'Sat 5 Dec 20:40',
        'skipped',
        'Only 14 min of the opening Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST) are left; an automatic upgrade needs at least 15 min',
      ],
      [
        'Fri 4 Dec 21:00',
        'notified',
        'Told the owners that redis 7.0.15+deb12u10 will be applied Sun 6 Dec 02:00-03:00 Asia/Kolkata (IST)',
      ],
    ]);
    await permissionAnswered(asked, UPDATE);
    await userEvent.click(
      screen.getByRole('button', { name: 'Apply pending patch now' }),
    );
    expect(
      await screen.findByText(
        'Started the patch upgrade to 7.0.15+deb12u10; follow it under Operations.',
      ),
    ).toBeInTheDocument();
  });

  it('is read-only without the update permission', async () => {
    await renderCard('p-6', []);
    expect(screen.getByRole('radio', { name: /Manual/ })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Save upgrade policy' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add window' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Skip the next window' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'Only those who may change this instance can edit its upgrade policy.',
      ),
    ).toBeInTheDocument();
  });
});
