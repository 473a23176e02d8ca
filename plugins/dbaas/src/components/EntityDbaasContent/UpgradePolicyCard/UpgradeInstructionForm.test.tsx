import { registerMswTestHooks } from '@backstage/test-utils';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import {
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
const SENTENCE =
  'Upgrade patch versions automatically only on Sundays from 2 am IST to 3 am IST';
const NORMAL = 'Sun 02:00-03:00 Asia/Kolkata (IST)';

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

const instructionBox = () =>
  screen.getByRole('textbox', { name: 'Upgrade instruction' });

describe('UpgradeInstructionForm', () => {
  it('reads the instruction as typed, shows the policy to confirm, and saves it only when confirmed', async () => {
    const backend = await renderCard('i-1');
    await userEvent.type(instructionBox(), SENTENCE);

    const instruction = screen.getByRole('form', {
      name: 'Upgrade instruction',
    });
    expect(within(instruction).getByRole('status')).toHaveTextContent(
      `Reads as: auto-patch in ${NORMAL}`,
    );
    const preview = within(instruction).getByRole('group', {
      name: 'Policy to confirm',
    });
    expect(preview).toHaveTextContent(
      'Mode: auto-patch: patch upgrades apply automatically inside the windows; minor and major upgrades stay manual',
    );
    expect(preview).toHaveTextContent(`Windows: ${NORMAL}`);
    expect(preview).toHaveTextContent(
      'IST is read as India Standard Time (Asia/Kolkata)',
    );
    const openings = within(
      within(preview).getByRole('list', {
        name: 'Next openings of the policy to confirm',
      }),
    ).getAllByRole('listitem');
    expect(openings).toHaveLength(3);
    for (const opening of openings) {
      expect(opening).toHaveTextContent(
        /^Sun \d{1,2} \w{3} 02:00-03:00 Asia\/Kolkata \(IST\)Your time: Sat \d{1,2} \w{3} 20:30-21:30 UTC$/,
      );
    }
    expect(backend.requests).toEqual([]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm and save this policy' }),
    );
    expect(
      await screen.findByText(`Upgrade policy saved: auto-patch in ${NORMAL}.`),
    ).toBeInTheDocument();
    expect(backend.requests).toEqual([
      {
        method: 'PUT',
        path: '',
        body: {
          mode: 'auto-patch',
          securityOnly: false,
          windows: [NORMAL],
          blackoutDates: [],
        },
      },
    ]);
    // The policy form below now shows what was kept.
    await waitFor(() =>
      expect(
        screen.getByRole('textbox', { name: 'Maintenance window 1' }),
      ).toHaveValue(NORMAL),
    );
    expect(
      screen.getByRole('radio', { name: /Automatic patch upgrades/ }),
    ).toBeChecked();
    expect(instructionBox()).toHaveValue('');
  });

  it('says which part it cannot read, and offers nothing to save', async () => {
    const backend = await renderCard('i-2');
    await userEvent.type(
      instructionBox(),
      'Upgrade minor versions automatically on Sundays 2-3am IST',
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Minor and major upgrades are never automatic ("Upgrade minor versions automatically"): only patch versions are upgraded automatically; start minor and major upgrades from the Upgrades card',
    );
    expect(
      screen.queryByRole('group', { name: 'Policy to confirm' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Confirm and save this policy' }),
    ).not.toBeInTheDocument();

    await userEvent.clear(instructionBox());
    await userEvent.type(instructionBox(), 'whenever it is quiet');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Cannot read "whenever it is quiet"',
    );
    expect(backend.requests).toEqual([]);
  });

  it('saves a manual policy, keeping the blackout dates', async () => {
    const backend = await renderCard('i-3');
    await userEvent.type(screen.getByLabelText('Blackout date'), '2026-12-27');
    await userEvent.click(
      screen.getByRole('button', { name: 'Add blackout date' }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Save upgrade policy' }),
    );
    await screen.findByText('Upgrade policy saved.');
    backend.requests.length = 0;

    await userEvent.type(instructionBox(), 'Never upgrade automatically');
    expect(
      screen.getByRole('group', { name: 'Policy to confirm' }),
    ).toHaveTextContent(
      'Mode: manual: upgrades happen only when someone starts themWindows: none',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Confirm and save this policy' }),
    );
    await screen.findByText('Upgrade policy saved: manual.');
    expect(backend.requests.map(r => r.body)).toEqual([
      {
        mode: 'manual',
        securityOnly: false,
        windows: [],
        blackoutDates: ['2026-12-27'],
      },
    ]);
  });

  it('is not offered without the update permission', async () => {
    await renderCard('i-4', []);
    expect(
      screen.queryByRole('textbox', { name: 'Upgrade instruction' }),
    ).not.toBeInTheDocument();
  });
});
