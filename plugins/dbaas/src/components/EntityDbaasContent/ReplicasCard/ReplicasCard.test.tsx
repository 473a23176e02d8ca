import { registerMswTestHooks } from '@backstage/test-utils';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
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
import { ReplicasCard } from './ReplicasCard';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;
const noop = () => {};
// platform k8s: replicas up to 2; platform local: standalone only
const standalone = anInstance({ id: 'rs-1', platform: 'k8s', replicas: 0 });
const replicated = anInstance({
  id: 'rs-1',
  platform: 'k8s',
  replicas: 2,
  endpoints: [
    { role: 'primary', host: 'redis.local', port: 7101, tls: false },
    { role: 'replica', host: 'redis.local', port: 7102, tls: false },
    { role: 'replica', host: 'redis.local', port: 7103, tls: false },
    { role: 'sentinel', host: 'redis.local', port: 7104, tls: false },
    { role: 'sentinel', host: 'redis.local', port: 7105, tls: false },
    { role: 'sentinel', host: 'redis.local', port: 7106, tls: false },
  ],
});

/** The backend as the card asks it: platforms, operations, permission. */
function backend(
  options: { allowed?: string[]; operations?: Operation[] } = {},
) {
  return [
    permissionHandler(options.allowed ?? [UPDATE]),
    getJson('/platforms', { items: platforms }),
    getJson('/instances/rs-1/operations', { items: options.operations ?? [] }),
  ];
}

function countField() {
  return screen.findByRole('textbox', { name: 'Replicas' });
}

async function typeCount(count: string) {
  const field = await countField();
  await userEvent.clear(field);
  await userEvent.type(field, count);
}

async function confirmationOf(instance: Instance, count: string) {
  server.use(...backend());
  await renderWithApis(<ReplicasCard instance={instance} onChange={noop} />);
  await screen.findByText('0 to 2 on Kubernetes');
  await typeCount(count);
  await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
  return screen.findByRole('dialog');
}

describe('ReplicasCard', () => {
  it("shows the count, the platform's limit, and refuses a count beyond it before sending anything", async () => {
    const puts: unknown[] = [];
    server.use(
      ...backend(),
      http.put(`${DBAAS_URL}/instances/rs-1/replicas`, async ({ request }) => {
        puts.push(await request.json());
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    await renderWithApis(
      <ReplicasCard instance={standalone} onChange={noop} />,
    );
    expect(await screen.findByText('0 to 2 on Kubernetes')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Standalone: the primary alone, without replicas or Sentinels.',
      ),
    ).toBeVisible();
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    expect(
      screen.getByText('It has 0 replicas already; enter another count.'),
    ).toBeVisible();

    await typeCount('3');
    expect(
      screen.getByText('must be between 0 and 2 on Kubernetes'),
    ).toBeVisible();
    expect(apply).toBeDisabled();
    await typeCount('1.5');
    expect(screen.getByText('must be a whole number')).toBeVisible();
    await userEvent.type(await countField(), '{enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(puts).toEqual([]);
  });

  it('says the replicas and the Sentinels an instance has, and that clients should connect through them', async () => {
    server.use(...backend());
    await renderWithApis(
      <ReplicasCard instance={replicated} onChange={noop} />,
    );
    expect(
      await screen.findByText(
        'The primary with 2 replicas and 3 Sentinels. Clients should connect through the Sentinels, which point them to the primary after a failover.',
      ),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Sentinels at redis.local:7104, redis.local:7105, redis.local:7106.',
      ),
    ).toBeVisible();
    expect(await countField()).toHaveValue('2');
  });

  it.each([
    [
      0,
      '2',
      'Change orders-cache to 2 replicas?',
      'Adds 2 replicas and 3 Sentinels; the primary keeps serving. Connect through the Sentinels to follow failovers.',
    ],
    [
      2,
      '0',
      'Change orders-cache to 0 replicas?',
      'Removes the 2 replicas and the 3 Sentinels. If a replica is the primary now, the primary role moves to the first node first, with writes held for a moment.',
    ],
    [
      1,
      '2',
      'Change orders-cache to 2 replicas?',
      'Adds 1 replica (2 replicas in all); the primary keeps serving.',
    ],
    [
      2,
      '1',
      'Change orders-cache to 1 replica?',
      'Removes 1 replica (1 replica stays). If one of them is the primary now, the primary role moves to a node that stays first, with writes held for a moment.',
    ],
  ])(
    'from %i to %s replicas: asks before it changes, in words',
    async (from, count, title, text) => {
      const instance =
        from === 0 ? standalone : { ...replicated, replicas: from };
      const dialog = await confirmationOf(instance, count);
      expect(within(dialog).getByText(title)).toBeVisible();
      expect(within(dialog).getByText(text)).toBeVisible();
    },
  );

  it('sends the count once confirmed, and follows the operation to its end', async () => {
    const puts: unknown[] = [];
    const onChange = jest.fn();
    const change = anOperation({
      id: 'op-replicas',
      instanceId: 'rs-1',
      type: 'replicas',
      status: 'running',
      steps: [
        { name: 'add-nodes', status: 'running', attempts: 1 },
        { name: 'wait-replicated', status: 'pending', attempts: 0 },
      ],
    });
    let polls = 0;
    server.use(
      ...backend(),
      http.put(`${DBAAS_URL}/instances/rs-1/replicas`, async ({ request }) => {
        puts.push(await request.json());
        return HttpResponse.json(
          {
            instance: { ...standalone, status: 'updating' },
            operation: change,
          },
          { status: 202 },
        );
      }),
      http.get(`${DBAAS_URL}/operations/op-replicas`, () => {
        polls += 1;
        return HttpResponse.json(
          polls === 1
            ? change
            : {
                ...change,
                status: 'succeeded',
                steps: change.steps.map(s => ({ ...s, status: 'succeeded' })),
              },
        );
      }),
    );
    await renderWithApis(
      <ReplicasCard instance={standalone} onChange={onChange} />,
    );
    await screen.findByText('0 to 2 on Kubernetes');
    await typeCount('2');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    // cancelled: nothing is sent
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Cancel',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(puts).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Change replicas',
      }),
    );
    expect(
      await screen.findByText('Now 2 replicas and 3 Sentinels.', undefined, {
        timeout: 3000,
      }),
    ).toBeInTheDocument();
    expect(puts).toEqual([{ replicas: 2 }]);
    const steps = screen.getByRole('table', { name: 'steps of the replicas' });
    expect(within(steps).getByText('wait-replicated')).toBeVisible();
    // accepted, then finished
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  });

  it("shows the backend's refusal in its own words", async () => {
    server.use(
      ...backend(),
      http.put(`${DBAAS_URL}/instances/rs-1/replicas`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache has an operation in progress',
        ),
      ),
    );
    await renderWithApis(
      <ReplicasCard instance={standalone} onChange={noop} />,
    );
    await screen.findByText('0 to 2 on Kubernetes');
    await typeCount('1');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await userEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Change replicas',
      }),
    );
    expect(
      await screen.findByText(
        'Instance orders-cache has an operation in progress',
      ),
    ).toBeInTheDocument();
  });

  it('offers no change on a platform that runs standalone instances only', async () => {
    server.use(...backend());
    await renderWithApis(
      <ReplicasCard
        instance={{ ...standalone, platform: 'local' }}
        onChange={noop}
      />,
    );
    expect(
      await screen.findByText(
        'Local processes runs standalone instances only.',
      ),
    ).toBeVisible();
    expect(await countField()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('waits for another operation to finish, and says so', async () => {
    server.use(
      ...backend({
        operations: [
          anOperation({
            instanceId: 'rs-1',
            type: 'scan-keys',
            status: 'running',
          }),
        ],
      }),
    );
    await renderWithApis(
      <ReplicasCard instance={standalone} onChange={noop} />,
    );
    await typeCount('2');
    expect(
      await screen.findByText(
        'Another operation (scan-keys) is in progress; replicas can be changed when it has finished.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('waits for the instance to be running, and says so', async () => {
    server.use(...backend());
    await renderWithApis(
      <ReplicasCard
        instance={{ ...standalone, status: 'down' }}
        onChange={noop}
      />,
    );
    await typeCount('2');
    expect(
      await screen.findByText(
        'Replicas can be changed when the instance is running; it is down.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeDisabled();
  });

  it('offers no change to those who may not change the instance, and says why', async () => {
    const asked: string[] = [];
    server.use(
      permissionHandler([], asked),
      getJson('/platforms', { items: platforms }),
      getJson('/instances/rs-4/operations', { items: [] }),
    );
    // another id: usePermission keeps answers per resource across tests
    await renderWithApis(
      <ReplicasCard instance={{ ...standalone, id: 'rs-4' }} onChange={noop} />,
    );
    await permissionAnswered(asked, UPDATE);
    expect(
      screen.queryByRole('button', { name: 'Apply' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText("Only the instance's owners may change its replicas."),
    ).toBeVisible();
    expect(await countField()).toBeDisabled();
  });
});
