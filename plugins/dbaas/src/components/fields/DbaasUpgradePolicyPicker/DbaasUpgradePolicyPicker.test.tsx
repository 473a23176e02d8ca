import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderTemplateForm } from '../../../__testUtils__/renderTemplateForm';

const schema = {
  type: 'object',
  properties: {
    upgrades: {
      title: 'Engine upgrades',
      type: 'object',
      'ui:field': 'DbaasUpgradePolicyPicker',
      default: { mode: 'manual' },
    },
  },
};

describe('DbaasUpgradePolicyPicker', () => {
  it('reads the window as it is typed and passes the phrase on', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, onCreate });
    await userEvent.click(
      await screen.findByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    expect(
      screen.getByText('Reads as: Sun 02:00-03:00 UTC'),
    ).toBeInTheDocument();
    const window = screen.getByLabelText(/Maintenance window/);
    await userEvent.clear(window);
    await userEvent.type(window, 'weekdays 22:00-23:30 Europe/Berlin');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reads as: Mon-Fri 22:00-23:30 Europe/Berlin',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({
        upgrades: {
          mode: 'auto-patch',
          window: 'weekdays 22:00-23:30 Europe/Berlin',
          securityOnly: false,
        },
      }),
    );
  });

  it('refuses a window it cannot read before the review, with the reason', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, onCreate });
    await userEvent.click(
      await screen.findByRole('radio', { name: /Automatic patch upgrades/ }),
    );
    const window = screen.getByLabelText(/Maintenance window/);
    await userEvent.clear(window);
    await userEvent.type(window, 'whenever it is quiet');
    const reason = screen.getByRole('alert').textContent!;
    expect(reason).toMatch(/\S/);

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          `The maintenance window cannot be read: ${reason}`,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('drops the window when the user goes back to manual', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({
      schema,
      onCreate,
      initialState: {
        upgrades: { mode: 'auto-patch', window: 'whenever it is quiet' },
      },
    });
    await userEvent.click(await screen.findByRole('radio', { name: /Manual/ }));
    expect(screen.queryByLabelText(/Maintenance window/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({ upgrades: { mode: 'manual' } }),
    );
  });
});
