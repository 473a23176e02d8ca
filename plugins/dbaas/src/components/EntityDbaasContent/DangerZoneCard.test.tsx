import { registerMswTestHooks } from '@backstage/test-utils';
import { dbaasInstanceDeletePermission } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DBAAS_URL,
  errorResponse,
  permissionAnswered,
  permissionHandler,
} from './__testUtils__/backend';
import { anInstance, anOperation } from './__testUtils__/fixtures';
import { renderWithApis } from './__testUtils__/renderWithApis';
import { DangerZoneCard } from './DangerZoneCard';

const server = setupServer();
registerMswTestHooks(server);

const DELETE = dbaasInstanceDeletePermission.name;
const noop = () => {};

describe('DangerZoneCard', () => {
  it('offers no delete button to users who may not delete, and says why', async () => {
    const asked: string[] = [];
    server.use(permissionHandler([], asked));
    await renderWithApis(
      <DangerZoneCard instance={anInstance({ id: 'dz-1' })} onChange={noop} />,
    );
    await permissionAnswered(asked, DELETE);
    expect(
      screen.queryByRole('button', { name: 'Delete instance' }),
    ).not.toBeInTheDocument();
    expect(
      await screen.findByText("Only the instance's owners may delete it."),
    ).toBeInTheDocument();
  });

  it('deletes only after the name is typed, then follows the deletion', async () => {
    const deleted: string[] = [];
    const waits: Array<string | null> = [];
    const onChange = jest.fn();
    const instance = anInstance({ id: 'dz-2', name: 'orders-cache' });
    const deletion = anOperation({
      id: 'op-del',
      instanceId: 'dz-2',
      type: 'delete',
      status: 'running',
      steps: [{ name: 'stop-server', status: 'running', attempts: 1 }],
    });
    let polls = 0;
    server.use(
      permissionHandler([DELETE]),
      http.delete(`${DBAAS_URL}/instances/dz-2`, () => {
        deleted.push('dz-2');
        return HttpResponse.json(
          {
            instance: { ...instance, status: 'deleting' },
            operation: deletion,
          },
          { status: 202 },
        );
      }),
      http.get(`${DBAAS_URL}/operations/op-del`, ({ request }) => {
        waits.push(new URL(request.url).searchParams.get('waitMs'));
        polls += 1;
        return HttpResponse.json(
          polls === 1 ? deletion : { ...deletion, status: 'succeeded' },
        );
      }),
    );
    await renderWithApis(
      <DangerZoneCard instance={instance} onChange={onChange} />,
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete instance' }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });
    expect(confirm).toBeDisabled();
    const name = within(dialog).getByLabelText('Instance name');
    await userEvent.type(name, 'orders-cach');
    expect(confirm).toBeDisabled();
    await userEvent.type(name, 'e');
    expect(confirm).toBeEnabled();
    expect(deleted).toEqual([]);

    await userEvent.click(confirm);
    expect(
      await screen.findByText(/Its entity will leave the catalog shortly/),
    ).toBeInTheDocument();
    expect(deleted).toEqual(['dz-2']);
    expect(
      await screen.findByText('Current step: stop-server'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/The instance has been deleted/, undefined, {
        timeout: 3000,
      }),
    ).toBeInTheDocument();
    expect(waits).toEqual(['10000', '10000']);
    // Once when the delete was accepted, once when it finished.
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the reason when the backend refuses', async () => {
    server.use(
      permissionHandler([DELETE]),
      http.delete(`${DBAAS_URL}/instances/dz-3`, () =>
        errorResponse(409, 'ConflictError', 'an update is still running'),
      ),
    );
    await renderWithApis(
      <DangerZoneCard instance={anInstance({ id: 'dz-3' })} onChange={noop} />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete instance' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Instance name'),
      'orders-cache',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete' }),
    );
    expect(
      await within(dialog).findByText('an update is still running'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/leave the catalog/)).not.toBeInTheDocument();
  });

  it('offers the button again with the reason when the deletion fails', async () => {
    const instance = anInstance({ id: 'dz-4' });
    const deletion = anOperation({
      id: 'op-fail',
      type: 'delete',
      status: 'running',
    });
    server.use(
      permissionHandler([DELETE]),
      http.delete(`${DBAAS_URL}/instances/dz-4`, () =>
        HttpResponse.json({ instance, operation: deletion }, { status: 202 }),
      ),
      http.get(`${DBAAS_URL}/operations/op-fail`, () =>
        HttpResponse.json({
          ...deletion,
          status: 'failed',
          error: 'driver could not stop the server',
        }),
      ),
    );
    await renderWithApis(
      <DangerZoneCard instance={instance} onChange={noop} />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete instance' }),
    );
    await userEvent.type(
      screen.getByLabelText('Instance name'),
      'orders-cache',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));

    expect(
      await screen.findByText(
        'The last deletion failed: driver could not stop the server',
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByRole('button', { name: 'Delete instance' }),
      ).toBeInTheDocument(),
    );
  });

  it('tells everyone that a deleting instance is going away', async () => {
    server.use(permissionHandler([]));
    await renderWithApis(
      <DangerZoneCard
        instance={anInstance({ id: 'dz-5', status: 'deleting' })}
        onChange={noop}
      />,
    );
    expect(screen.getByText(/The instance is being deleted/)).toHaveTextContent(
      'Its entity will leave the catalog shortly.',
    );
    expect(
      screen.queryByRole('button', { name: 'Delete instance' }),
    ).not.toBeInTheDocument();
  });
});
