import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { platforms } from '../../../__testUtils__/fixtures';
import { platformsHandler } from '../../../__testUtils__/handlers';
import { renderTemplateForm } from '../../../__testUtils__/renderTemplateForm';

const server = setupServer();
registerMswTestHooks(server);

const schema = {
  type: 'object',
  properties: {
    resources: {
      title: 'Size',
      type: 'object',
      'ui:field': 'DbaasResourcesPicker',
      'ui:options': {
        sizes: [
          { id: 'small', title: 'Small', memoryMb: 256 },
          { id: 'medium', title: 'Medium', memoryMb: 1024 },
        ],
      },
      default: { size: 'small', memoryMb: 256, cpu: 1, diskGb: 1 },
    },
  },
};

// The first platform, Local processes, allows 16-1024 MiB, 0.1-2 cores, 1-10 GiB.
const local = { placement: { platform: 'local', region: 'eu-1' } };

describe('DbaasResourcesPicker', () => {
  beforeEach(() => server.use(platformsHandler(platforms)));

  it("shows the chosen platform's limits of memory, CPU and disk", async () => {
    renderTemplateForm({ schema, initialState: local });
    expect(
      await screen.findByText(
        'Limits on Local processes: memory 16 to 1024 MiB, CPU 0.1 to 2 cores, disk 1 to 10 GiB.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('16 to 1024 MiB')).toBeInTheDocument();
    expect(screen.getByText('0.1 to 2 cores')).toBeInTheDocument();
    expect(screen.getByText('1 to 10 GiB')).toBeInTheDocument();
  });

  it('fills in memory and a matching disk for a preset', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, initialState: local, onCreate });
    await userEvent.click(
      await screen.findByRole('radio', { name: 'Medium (1024 MiB)' }),
    );
    expect(screen.getByLabelText('Memory (MiB)')).toHaveValue(1024);
    expect(screen.getByLabelText('Memory (MiB)')).toBeDisabled();
    expect(screen.getByLabelText('Disk (GiB)')).toHaveValue(2);
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({
        ...local,
        resources: { size: 'medium', memoryMb: 1024, cpu: 1, diskGb: 2 },
      }),
    );
  });

  it('says what the platform would refuse as it is typed, and refuses it before the review', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, initialState: local, onCreate });
    await userEvent.click(await screen.findByRole('radio', { name: 'Custom' }));
    const memory = screen.getByLabelText('Memory (MiB)');
    await userEvent.clear(memory);
    await userEvent.type(memory, '999999');
    const disk = screen.getByLabelText('Disk (GiB)');
    await userEvent.clear(disk);
    await userEvent.type(disk, '50');

    const memoryProblem =
      'Memory must be between 16 and 1024 MiB on Local processes';
    const diskProblem = 'Disk must be between 1 and 10 GiB on Local processes';
    expect(screen.getByText(memoryProblem)).toBeInTheDocument();
    expect(screen.getByText(diskProblem)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    // the error list at the top and the field's own errors
    await waitFor(() =>
      expect(screen.getAllByText(memoryProblem).length).toBeGreaterThan(1),
    );
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    expect(onCreate).not.toHaveBeenCalled();
  });
});
