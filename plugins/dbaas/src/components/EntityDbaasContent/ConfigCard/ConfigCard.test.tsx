import { registerMswTestHooks } from '@backstage/test-utils';
import {
  dbaasInstanceUpdatePermission,
  REDIS_CONF_DOCS_URL,
} from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DBAAS_URL,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance, anOperation } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { ConfigCard } from './ConfigCard';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;
const noop = () => {};

describe('ConfigCard', () => {
  it('shows every setting with what it does and its value, links to redis.conf, and refuses a bad value before asking anything', async () => {
    const posts: unknown[] = [];
    server.use(
      permissionHandler([UPDATE]),
      http.post(`${DBAAS_URL}/instances/cf-1/config/preview`, async r => {
        posts.push(await r.request.json());
        return HttpResponse.json({ changes: [], restartNeeded: false });
      }),
    );
    await renderWithApis(
      <ConfigCard
        instance={anInstance({ id: 'cf-1', config: { hz: '20' } })}
        onChange={noop}
      />,
    );
    const timeout = await screen.findByRole('textbox', { name: 'timeout' });
    expect(timeout).toHaveValue('0');
    expect(screen.getByRole('textbox', { name: 'hz' })).toHaveValue('20');
    expect(
      screen.getByText(
        /Seconds after which an idle client is disconnected; 0 never\./,
      ),
    ).toBeVisible();
    expect(
      screen.getByRole('link', { name: /redis\.conf on redis\.io/ }),
    ).toHaveAttribute('href', REDIS_CONF_DOCS_URL);

    const preview = screen.getByRole('button', { name: 'Preview changes' });
    expect(preview).toBeDisabled();
    await userEvent.clear(timeout);
    await userEvent.type(timeout, 'soon');
    expect(
      screen.getByText('must be a whole number of seconds from 0 to 999999'),
    ).toBeVisible();
    expect(preview).toBeDisabled();
    expect(posts).toEqual([]);
  });

  it('previews what applies live and what needs a restart, then applies and follows the operation', async () => {
    const previews: unknown[] = [];
    const patches: unknown[] = [];
    const onChange = jest.fn();
    const update = anOperation({
      id: 'op-config',
      instanceId: 'cf-2',
      type: 'update',
      status: 'running',
      steps: [{ name: 'apply', status: 'running', attempts: 1 }],
    });
    let polls = 0;
    server.use(
      permissionHandler([UPDATE]),
      http.post(`${DBAAS_URL}/instances/cf-2/config/preview`, async r => {
        previews.push(await r.request.json());
        return HttpResponse.json({
          restartNeeded: true,
          changes: [
            {
              parameter: 'timeout',
              from: '0',
              to: '300',
              applies: 'live',
              note: 'CONFIG SET timeout: applied to the running server, clients stay connected',
            },
            {
              parameter: 'notify-keyspace-events',
              from: '',
              to: 'Ex',
              applies: 'restart',
              note: 'takes effect when the server restarts',
            },
          ],
        });
      }),
      http.patch(`${DBAAS_URL}/instances/cf-2`, async r => {
        patches.push(await r.request.json());
        return HttpResponse.json(
          { instance: anInstance({ id: 'cf-2' }), operation: update },
          { status: 202 },
        );
      }),
      http.get(`${DBAAS_URL}/operations/op-config`, () => {
        polls += 1;
        return HttpResponse.json(
          polls === 1 ? update : { ...update, status: 'succeeded' },
        );
      }),
    );
    await renderWithApis(
      <ConfigCard
        instance={anInstance({ id: 'cf-2', config: { hz: '20' } })}
        onChange={onChange}
      />,
    );
    const timeout = await screen.findByRole('textbox', { name: 'timeout' });
    await userEvent.clear(timeout);
    await userEvent.type(timeout, '300');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'notify-keyspace-events' }),
      'Ex',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Preview changes' }),
    );

    const live = await screen.findByRole('list', {
      name: 'Applied live with CONFIG SET, no restart',
    });
    expect(within(live).getByText('timeout: 0 → 300')).toBeVisible();
    const restart = screen.getByRole('list', { name: 'Needs a restart' });
    expect(
      within(restart).getByText('notify-keyspace-events: (empty) → Ex'),
    ).toBeVisible();
    expect(
      screen.getByText(
        'Some changes take effect only when the server restarts.',
      ),
    ).toBeVisible();
    // the settings it had are kept, the edited ones added
    const body = {
      config: { hz: '20', timeout: '300', 'notify-keyspace-events': 'Ex' },
    };
    expect(previews).toEqual([body]);
    expect(patches).toEqual([]);

    await userEvent.click(
      screen.getByRole('button', { name: 'Apply changes' }),
    );
    expect(
      await screen.findByText('The settings were applied.', undefined, {
        timeout: 3000,
      }),
    ).toBeVisible();
    expect(patches).toEqual([body]);
    await waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
  });

  it('shows the settings read-only to those who may not change them', async () => {
    const asked: string[] = [];
    server.use(permissionHandler([], asked));
    await renderWithApis(
      <ConfigCard instance={anInstance({ id: 'cf-3' })} onChange={noop} />,
    );
    await permissionAnswered(asked, UPDATE);
    expect(screen.getByRole('textbox', { name: 'timeout' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Preview changes' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText("Only the instance's owners may change its settings."),
    ).toBeVisible();
  });
});
