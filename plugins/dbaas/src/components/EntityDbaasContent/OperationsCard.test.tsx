import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { useState } from 'react';
import type { InstanceStatus } from '@justmanage/plugin-dbaas-common';
import { DBAAS_URL, errorResponse } from './__testUtils__/backend';
import { anInstance, anOperation } from './__testUtils__/fixtures';
import { renderWithApis } from './__testUtils__/renderWithApis';
import { OperationsCard } from './OperationsCard';

const server = setupServer();
registerMswTestHooks(server);

function operationsHandler(items: unknown[]) {
  return http.get(`${DBAAS_URL}/instances/inst-1/operations`, () =>
    HttpResponse.json({ items }),
  );
}

describe('OperationsCard', () => {
  it('lists operations newest first with type, status, who, when and duration', async () => {
    server.use(
      operationsHandler([
        anOperation({
          id: 'op-old',
          type: 'create',
          createdAt: '2025-03-01T10:00:00Z',
        }),
        anOperation({
          id: 'op-new',
          type: 'update',
          status: 'failed',
          createdBy: 'user:default/bob',
          createdAt: '2025-03-02T10:00:00Z',
          startedAt: '2025-03-02T10:00:00Z',
          finishedAt: '2025-03-02T10:03:05Z',
        }),
      ]),
    );
    await renderWithApis(<OperationsCard instance={anInstance()} />);

    const table = await screen.findByRole('table', { name: 'operations' });
    const rows = within(table)
      .getAllByRole('row')
      .filter(row => within(row).queryByRole('button'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(
      /update\s*failed\s*user:default\/bob.*ago\s*3m 5s/,
    );
    expect(rows[1]).toHaveTextContent(
      /create\s*succeeded\s*user:default\/alice.*ago\s*42s/,
    );
  });

  it('expands an operation to its steps and error', async () => {
    server.use(
      operationsHandler([
        anOperation({
          type: 'update',
          status: 'failed',
          error: 'restart timed out after 30s',
          steps: [
            { name: 'write-config', status: 'succeeded', attempts: 1 },
            {
              name: 'restart',
              status: 'failed',
              attempts: 3,
              error: 'port 7101 still in use',
            },
          ],
        }),
      ]),
    );
    await renderWithApis(<OperationsCard instance={anInstance()} />);

    expect(
      screen.queryByText('port 7101 still in use'),
    ).not.toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Show steps of the update operation',
      }),
    );
    const steps = await screen.findByRole('table', {
      name: 'steps of the update',
    });
    const restart = within(steps).getByText('restart').closest('tr')!;
    expect(restart).toHaveTextContent(
      /restart\s*failed\s*3.*port 7101 still in use/,
    );
    expect(screen.getByLabelText('operation error')).toHaveTextContent(
      'restart timed out after 30s',
    );
  });

  it('says when there are no operations', async () => {
    server.use(operationsHandler([]));
    await renderWithApis(<OperationsCard instance={anInstance()} />);
    expect(await screen.findByText('No operations yet.')).toBeInTheDocument();
  });

  it('shows the backend error', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1/operations`, () =>
        errorResponse(500, 'Error', 'database is locked'),
      ),
    );
    await renderWithApis(<OperationsCard instance={anInstance()} />);
    expect(await screen.findByText('database is locked')).toBeInTheDocument();
  });

  it('shows a loading bar until the operations arrive', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1/operations`, async () => {
        await held;
        return HttpResponse.json({ items: [] });
      }),
    );
    await renderWithApis(<OperationsCard instance={anInstance()} />);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    release();
    expect(await screen.findByText('No operations yet.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('reloads when the instance changes', async () => {
    let items = [anOperation({ id: 'op-1', type: 'create' })];
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1/operations`, () =>
        HttpResponse.json({ items }),
      ),
    );
    // Stands in for the instance poll, which hands the card a new instance.
    const Harness = () => {
      const [status, setStatus] = useState<InstanceStatus>('running');
      return (
        <>
          <button onClick={() => setStatus('deleting')}>poll</button>
          <OperationsCard instance={anInstance({ status })} />
        </>
      );
    };
    await renderWithApis(<Harness />);
    await screen.findByRole('button', {
      name: 'Show steps of the create operation',
    });

    items = [
      anOperation({
        id: 'op-2',
        type: 'delete',
        status: 'running',
        createdAt: '2025-03-05T00:00:00Z',
      }),
      ...items,
    ];
    await userEvent.click(screen.getByRole('button', { name: 'poll' }));
    expect(
      await screen.findByRole('button', {
        name: 'Show steps of the delete operation',
      }),
    ).toBeInTheDocument();
  });
});
