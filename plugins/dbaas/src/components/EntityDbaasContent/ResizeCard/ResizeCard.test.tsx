import { registerMswTestHooks } from '@backstage/test-utils';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { platforms } from '../../../__testUtils__/fixtures';
import {
  DBAAS_URL,
  errorResponse,
  getJson,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance, anOperation } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { ResizeCard } from './ResizeCard';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;
const noop = () => {};
// platform local: memory 16-1024 MiB, cpu 0.1-2, disk 1-10 GiB
const instance = anInstance({
  id: 'rs-1',
  platform: 'local',
  resources: { memoryMb: 256, cpu: 0.5, diskGb: 2 },
});

function memoryField() {
  return screen.findByRole('textbox', { name: 'Memory (MiB)' });
}

describe('ResizeCard', () => {
  it("shows the platform's limits next to each field and refuses a size beyond them before sending anything", async () => {
    const patches: unknown[] = [];
    server.use(
      permissionHandler([UPDATE]),
      getJson('/platforms', { items: platforms }),
      http.patch(`${DBAAS_URL}/instances/rs-1`, async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    await renderWithApis(<ResizeCard instance={instance} onChange={noop} />);
    expect(
      await screen.findByText('16 to 1024 MiB on Local processes'),
    ).toBeInTheDocument();
    expect(screen.getByText('0.1 to 2 cores on Local processes')).toBeVisible();
    expect(screen.getByText('1 to 10 GiB on Local processes')).toBeVisible();

    const memory = await memoryField();
    await userEvent.clear(memory);
    await userEvent.type(memory, '2048');
    expect(
      screen.getByText('must be between 16 and 1024 MiB on Local processes'),
    ).toBeVisible();
    const resize = screen.getByRole('button', { name: 'Resize' });
    expect(resize).toBeDisabled();

    await userEvent.clear(memory);
    await userEvent.type(memory, '100.5');
    expect(screen.getByText('must be a whole number of MiB')).toBeVisible();
    await userEvent.type(memory, '{enter}');
    expect(patches).toEqual([]);
  });

  it('resizes memory and follows the operation to its end', async () => {
    const patches: unknown[] = [];
    const onChange = jest.fn();
    const update = anOperation({
      id: 'op-resize',
      instanceId: 'rs-1',
      type: 'update',
      status: 'running',
      steps: [
        { name: 'apply', status: 'running', attempts: 1 },
        { name: 'wait-ready', status: 'pending', attempts: 0 },
        { name: 'finalize', status: 'pending', attempts: 0 },
      ],
    });
    let polls = 0;
    server.use(
      permissionHandler([UPDATE]),
      getJson('/platforms', { items: platforms }),
      http.patch(`${DBAAS_URL}/instances/rs-1`, async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json(
          { instance: { ...instance, status: 'updating' }, operation: update },
          { status: 202 },
        );
      }),
      http.get(`${DBAAS_URL}/operations/op-resize`, () => {
        polls += 1;
        return HttpResponse.json(
          polls === 1
            ? update
            : {
                ...update,
                status: 'succeeded',
                steps: update.steps.map(s => ({
                  ...s,
                  status: 'succeeded',
                  attempts: 1,
                })),
              },
        );
      }),
    );
    await renderWithApis(
      <ResizeCard instance={instance} onChange={onChange} />,
    );
    await screen.findByText('16 to 1024 MiB on Local processes');
    const resize = screen.getByRole('button', { name: 'Resize' });
    // nothing changed yet
    expect(resize).toBeDisabled();
    const memory = await memoryField();
    await userEvent.clear(memory);
    await userEvent.type(memory, '512');
    await userEvent.click(resize);

    expect(
      await screen.findByText(
        'Resized to 512 MiB memory, 0.5 CPU cores, 2 GiB disk.',
        undefined,
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
    expect(patches).toEqual([{ resources: { memoryMb: 512 } }]);
    const steps = screen.getByRole('table', { name: 'steps of the update' });
    expect(within(steps).getByText('wait-ready')).toBeVisible();
    // accepted, then finished
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  });

  it("shows the backend's refusal in its own words", async () => {
    server.use(
      permissionHandler([UPDATE]),
      getJson('/platforms', { items: platforms }),
      http.patch(`${DBAAS_URL}/instances/rs-1`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache is updating; it can be changed when it is running or down',
        ),
      ),
    );
    await renderWithApis(<ResizeCard instance={instance} onChange={noop} />);
    await screen.findByText('16 to 1024 MiB on Local processes');
    const disk = screen.getByRole('textbox', { name: 'Disk (GiB)' });
    await userEvent.clear(disk);
    await userEvent.type(disk, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Resize' }));
    expect(
      await screen.findByText(
        'Instance orders-cache is updating; it can be changed when it is running or down',
      ),
    ).toBeInTheDocument();
  });

  it('offers no resize to those who may not change the instance, and says why', async () => {
    const asked: string[] = [];
    server.use(
      permissionHandler([], asked),
      getJson('/platforms', { items: platforms }),
    );
    await renderWithApis(
      <ResizeCard instance={{ ...instance, id: 'rs-4' }} onChange={noop} />,
    );
    await permissionAnswered(asked, UPDATE);
    expect(
      screen.queryByRole('button', { name: 'Resize' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText("Only the instance's owners may resize it."),
    ).toBeVisible();
    expect(await memoryField()).toBeDisabled();
  });
});
