import { registerMswTestHooks } from '@backstage/test-utils';
import { dbaasInstanceUpdatePermission } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DBAAS_URL,
  errorResponse,
  getJson,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance, anOperation } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { VersionsCard } from './VersionsCard';
import {
  advisoriesOf,
  aPlan,
  aPreview,
  luaUaf,
  patch,
  tlsUaf,
  toOld,
} from './versionFixtures';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;
const noop = () => {};

/** The backend of one instance, recording every upgrade request body. */
function backendFor(id: string, bodies: unknown[] = []) {
  return [
    getJson(
      `/instances/${id}/advisories`,
      advisoriesOf(id, '7.0.15+deb12u7', [tlsUaf, luaUaf]),
    ),
    getJson(`/instances/${id}/upgrade-plan`, aPlan(id)),
    http.post(`${DBAAS_URL}/instances/${id}/upgrade`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      bodies.push(body);
      const candidate = body.version === toOld.version ? toOld : patch;
      if (body.dryRun) {
        return HttpResponse.json(
          aPreview(
            candidate,
            candidate === toOld
              ? 'Restoring snapshot s-1, taken at 2026-11-21T10:00:00Z on redis 6.0.16+deb11u2, puts orders-cache back to its data of that moment: every write made after 2026-11-21T10:00:00Z is lost.'
              : undefined,
          ),
        );
      }
      return HttpResponse.json(
        {
          instance: anInstance({ id, status: 'updating' }),
          operation: anOperation({
            id: `op-${id}`,
            instanceId: id,
            type: 'upgrade' as any,
            status: 'running',
            params: { to: { engine: 'redis', version: body.version } },
            steps: [{ name: 'snapshot', status: 'running', attempts: 1 }],
          }),
        },
        { status: 202 },
      );
    }),
  ];
}

describe('VersionsCard', () => {
  it('shows the version, its advisories with severity and links, and the candidates by kind', async () => {
    const asked: string[] = [];
    server.use(permissionHandler([UPDATE], asked), ...backendFor('v-1'));
    await renderWithApis(
      <VersionsCard
        instance={anInstance({ id: 'v-1', version: '7.0.15+deb12u7' })}
        onChange={noop}
      />,
    );

    expect(
      await screen.findByText('Redis 7.0.15 (build deb12u7)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('2 open advisories, worst critical'),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'advisories' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(
        r =>
          within(within(r).getAllByRole('cell')[0]).getByRole('link')
            .textContent,
      ),
    ).toEqual([
      expect.stringMatching(/^CVE-2026-81934/),
      expect.stringMatching(/^CVE-2026-23631/),
    ]);
    expect(
      within(rows[0]).getByText('published 2026-08-27'),
    ).toBeInTheDocument();
    expect(within(rows[0]).getByText('critical 9.8')).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: /CVE-2026-23631/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/redis/redis/security/advisories/GHSA-8ghh-qpmp-7826',
    );

    await permissionAnswered(asked, UPDATE);
    const groups = screen.getAllByRole('group');
    expect(groups.map(g => g.getAttribute('aria-label'))).toEqual([
      'Patch versions',
      'Major versions',
      'Downgrade versions',
    ]);
    expect(
      within(groups[0]).getByRole('button', {
        name: 'Upgrade to Redis 7.0.15 (build deb12u10)',
      }),
    ).toBeEnabled();
    expect(
      within(groups[0]).getByText('fixes 2 advisories'),
    ).toBeInTheDocument();
    expect(
      within(groups[2]).getByText(
        'fixes no known advisory, introduces 1 · needs a snapshot restore',
      ),
    ).toBeInTheDocument();
    // the release the platform does not run is listed on request only
    expect(screen.queryByText(/Minor: Redis 7.2.13/)).not.toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', {
        name: '1 more release this platform does not run',
      }),
    );
    expect(
      screen.getByText('Minor: Redis 7.2.13, fixes 2 advisories'),
    ).toBeInTheDocument();
  });

  it('previews a patch through a dry run, upgrades on confirmation and follows the operation', async () => {
    const bodies: unknown[] = [];
    const onChange = jest.fn();
    let polls = 0;
    server.use(
      permissionHandler([UPDATE]),
      ...backendFor('v-2', bodies),
      http.get(`${DBAAS_URL}/operations/op-v-2`, () => {
        polls += 1;
        return HttpResponse.json(
          anOperation({
            id: 'op-v-2',
            instanceId: 'v-2',
            type: 'upgrade' as any,
            status: polls === 1 ? 'running' : 'succeeded',
            params: { to: { engine: 'redis', version: '7.0.15+deb12u10' } },
          }),
        );
      }),
    );
    await renderWithApis(
      <VersionsCard
        instance={anInstance({ id: 'v-2', version: '7.0.15+deb12u7' })}
        onChange={onChange}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Upgrade to Redis 7.0.15 (build deb12u10)',
      }),
    );

    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Upgrade to Redis 7.0.15 (build deb12u10) for orders-cache?',
      ),
    ).toBeInTheDocument();
    const steps = await within(dialog).findByRole('list', { name: 'steps' });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'preflight: Check that the platform runs redis 7.0.15+deb12u10',
      'snapshot: Pause writes, SAVE, and copy the RDB file into a snapshot',
      'switch: Stop the old server and start the new one on the same data',
      'verify: Check INFO and the key count',
    ]);
    expect(
      within(dialog).getByText('CVE-2026-81934, CVE-2026-23631'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        'Restart on the same data; expected downtime about 2 s while the server restarts.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('None on record.')).toBeInTheDocument();
    expect(
      within(dialog).queryByLabelText('data loss warning'),
    ).not.toBeInTheDocument();
    expect(bodies).toEqual([
      { engine: 'redis', version: '7.0.15+deb12u10', dryRun: true },
    ]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Upgrade' }),
    );
    expect(bodies[1]).toEqual({ engine: 'redis', version: '7.0.15+deb12u10' });
    expect(
      await screen.findByText(
        'The instance now runs Redis 7.0.15 (build deb12u10).',
        undefined,
        {
          timeout: 4000,
        },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // once when the upgrade started, once when it finished
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    // the candidates of the version now running are offered again
    expect(
      await screen.findByRole('button', {
        name: 'Upgrade to Redis 7.0.15 (build deb12u10)',
      }),
    ).toBeEnabled();
  });

  it('needs the instance name typed before a downgrade that restores a snapshot, and warns of lost writes', async () => {
    const bodies: Array<Record<string, unknown>> = [];
    server.use(
      permissionHandler([UPDATE]),
      ...backendFor('v-3', bodies),
      getJson(
        '/operations/op-v-3',
        anOperation({ id: 'op-v-3', status: 'running' }),
      ),
    );
    await renderWithApis(
      <VersionsCard
        instance={anInstance({ id: 'v-3', name: 'orders-cache' })}
        onChange={noop}
      />,
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Downgrade to Redis 6.0.16 (build deb11u2)',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByLabelText('data loss warning'),
    ).toHaveTextContent('every write made after 2026-11-21T10:00:00Z is lost');
    // the dry run of a restore is asked as such, or the backend refuses it
    expect(bodies[0]).toEqual({
      engine: 'redis',
      version: '6.0.16+deb11u2',
      dryRun: true,
      restoreSnapshot: true,
      confirm: 'orders-cache',
    });
    const confirm = within(dialog).getByRole('button', { name: 'Downgrade' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Instance name'),
      'orders-cach',
    );
    expect(confirm).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText('Instance name'), 'e');
    expect(bodies).toHaveLength(1);
    await userEvent.click(confirm);
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({
      engine: 'redis',
      version: '6.0.16+deb11u2',
      restoreSnapshot: true,
      confirm: 'orders-cache',
    });
  });

  it('says plainly when an upgrade failed and was rolled back', async () => {
    server.use(
      permissionHandler([UPDATE]),
      ...backendFor('v-6'),
      getJson(
        '/operations/op-v-6',
        anOperation({
          id: 'op-v-6',
          type: 'upgrade' as any,
          status: 'failed',
          error: 'verify: 99999 keys after the switch, 100000 before',
          params: { to: { engine: 'redis', version: '7.0.15+deb12u10' } },
          steps: [
            { name: 'switch', status: 'succeeded', attempts: 1 },
            {
              name: 'verify',
              status: 'failed',
              attempts: 1,
              error: 'key count differs',
            },
          ],
        }),
      ),
    );
    await renderWithApis(
      <VersionsCard instance={anInstance({ id: 'v-6' })} onChange={noop} />,
    );
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Upgrade to Redis 7.0.15 (build deb12u10)',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await within(dialog).findByRole('list', { name: 'steps' });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Upgrade' }),
    );
    expect(
      await screen.findByText(
        'The move to Redis 7.0.15 (build deb12u10) failed and was rolled back: verify: 99999 keys after the switch, 100000 before',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('key count differs')).toBeInTheDocument();
  });

  it('keeps the dialog open with the backend’s reason when the request is refused', async () => {
    server.use(
      permissionHandler([UPDATE]),
      getJson('/instances/v-4/advisories', advisoriesOf('v-4', '7.0.15', [])),
      getJson('/instances/v-4/upgrade-plan', aPlan('v-4', [patch])),
      http.post(`${DBAAS_URL}/instances/v-4/upgrade`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache has an operation in progress',
        ),
      ),
    );
    await renderWithApis(
      <VersionsCard instance={anInstance({ id: 'v-4' })} onChange={noop} />,
    );
    expect(await screen.findByText('No known advisories.')).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Upgrade to Redis 7.0.15 (build deb12u10)',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText(
        'Instance orders-cache has an operation in progress',
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Upgrade' }),
    ).toBeDisabled();
  });

  it('offers no version change to users who may not update, and says why', async () => {
    const asked: string[] = [];
    server.use(permissionHandler([], asked), ...backendFor('v-5'));
    await renderWithApis(
      <VersionsCard instance={anInstance({ id: 'v-5' })} onChange={noop} />,
    );
    await permissionAnswered(asked, UPDATE);
    expect(
      await screen.findByText(
        "Only the instance's owners may change its version.",
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Upgrade to Redis 7.0.15 (build deb12u10)',
      }),
    ).toBeDisabled();
  });
});
