import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { platforms } from '../../__testUtils__/fixtures';
import { platformsHandler } from '../../__testUtils__/handlers';
import { renderTemplateForm } from '../../__testUtils__/renderTemplateForm';

const server = setupServer();
registerMswTestHooks(server);

/*
 * "Start over" on a task page opens the template with the task's values.
 * The scaffolder's form keeps every key it was ever given, so a value the
 * user switched away from (a custom memory, a window) used to stay in the
 * form and on the review page. The fields hold one object each and replace
 * it whole, so the review lists what the user chose last.
 */
const steps = [
  {
    title: 'Size',
    schema: {
      type: 'object',
      properties: {
        resources: {
          title: 'Size',
          type: 'object',
          'ui:field': 'DbaasResourcesPicker',
          'ui:options': {
            sizes: [{ id: 'small', title: 'Small', memoryMb: 256 }],
          },
          properties: {
            size: {
              title: 'Preset',
              type: 'string',
              enum: ['small', 'custom'],
              enumNames: ['Small (256 MiB)', 'Custom'],
            },
            memoryMb: { title: 'Memory (MiB)', type: 'integer' },
            cpu: { title: 'CPU (cores)', type: 'number' },
            diskGb: { title: 'Disk (GiB)', type: 'integer' },
          },
        },
      },
    },
  },
  {
    title: 'Upgrades',
    schema: {
      type: 'object',
      properties: {
        upgrades: {
          title: 'Engine upgrades',
          type: 'object',
          'ui:field': 'DbaasUpgradePolicyPicker',
          properties: {
            mode: {
              title: 'Engine upgrades',
              type: 'string',
              enum: ['manual', 'auto-patch'],
              enumNames: ['Manual', 'Automatic patches'],
            },
            window: { title: 'Maintenance window', type: 'string' },
          },
        },
      },
    },
  },
];

describe('the review after "Start over"', () => {
  beforeEach(() => server.use(platformsHandler(platforms)));

  it('lists the values chosen last, not those of the task started over', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({
      steps,
      onCreate,
      initialState: {
        placement: { platform: 'local', region: 'eu-1' },
        resources: { size: 'custom', memoryMb: 999999, cpu: 1, diskGb: 1 },
        upgrades: { mode: 'auto-patch', window: 'whenever it is quiet' },
      },
    });
    await userEvent.click(
      await screen.findByRole('radio', { name: 'Small (256 MiB)' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    await userEvent.click(await screen.findByRole('radio', { name: /Manual/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    const create = await screen.findByRole('button', { name: 'Create' });
    const review = within(screen.getByRole('table'));
    expect(review.getByText('Small (256 MiB)')).toBeInTheDocument();
    expect(review.getByText('256')).toBeInTheDocument();
    expect(review.getByText('Manual')).toBeInTheDocument();
    expect(review.queryByText('999999')).toBeNull();
    expect(review.queryByText('whenever it is quiet')).toBeNull();
    expect(review.queryByText('Maintenance window')).toBeNull();

    await userEvent.click(create);
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({
        placement: { platform: 'local', region: 'eu-1' },
        resources: { size: 'small', memoryMb: 256, cpu: 1, diskGb: 1 },
        upgrades: { mode: 'manual' },
      }),
    );
  });
});
