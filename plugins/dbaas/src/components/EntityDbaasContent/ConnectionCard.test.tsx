import { registerMswTestHooks } from '@backstage/test-utils';
import { dbaasInstanceCredentialsReadPermission } from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  DBAAS_URL,
  errorResponse,
  permissionHandler,
} from './__testUtils__/backend';
import { anInstance } from './__testUtils__/fixtures';
import { renderWithApis } from './__testUtils__/renderWithApis';
import { ConnectionCard } from './ConnectionCard';

const server = setupServer();
registerMswTestHooks(server);

const CREDENTIALS = dbaasInstanceCredentialsReadPermission.name;

const DETAILS = {
  host: 'orders-cache.redis.local',
  port: 7101,
  tls: false,
  username: 'app',
  password: 's3cret-from-backend',
  url: 'redis://app@orders-cache.redis.local:7101',
};

function connectionHandler(
  instanceId: string,
  calls: string[] = [],
  details: object = DETAILS,
) {
  return http.get(`${DBAAS_URL}/instances/${instanceId}/connection`, () => {
    calls.push(instanceId);
    return HttpResponse.json(details);
  });
}

async function reveal(instanceId: string) {
  await renderWithApis(
    <ConnectionCard instance={anInstance({ id: instanceId })} />,
  );
  await userEvent.click(
    await screen.findByRole('button', { name: 'Show credentials' }),
  );
  const dialog = await screen.findByRole('dialog');
  await within(dialog).findByLabelText('password');
  return dialog;
}

describe('ConnectionCard', () => {
  it('shows host, port, TLS and a URL with the app user but no password, with copy buttons', async () => {
    server.use(permissionHandler([]));
    await renderWithApis(
      <ConnectionCard
        instance={anInstance({
          id: 'conn-1',
          endpoints: [
            { role: 'replica', host: 'replica.local', port: 7200, tls: true },
            { role: 'primary', host: 'primary.local', port: 7201, tls: true },
          ],
        })}
      />,
    );
    expect(screen.getByLabelText('host')).toHaveTextContent('primary.local');
    expect(screen.getByLabelText('port')).toHaveTextContent('7201');
    expect(screen.getByLabelText('tls')).toHaveTextContent('yes');
    expect(screen.getByLabelText('url')).toHaveTextContent(
      'rediss://app@primary.local:7201',
    );
    expect(
      screen.getByRole('button', { name: 'Copy host' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy port' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Copy url' }),
    ).toBeInTheDocument();
  });

  it('hides Show credentials without the credentials permission', async () => {
    server.use(permissionHandler([]));
    await renderWithApis(
      <ConnectionCard instance={anInstance({ id: 'conn-2' })} />,
    );
    expect(
      await screen.findByText(/You may not see this instance's credentials/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Show credentials' }),
    ).not.toBeInTheDocument();
  });

  it('reveals the credentials from the API, once per opening, and completes the URL', async () => {
    const calls: string[] = [];
    server.use(
      permissionHandler([CREDENTIALS]),
      connectionHandler('conn-3', calls),
    );
    await renderWithApis(
      <ConnectionCard instance={anInstance({ id: 'conn-3' })} />,
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Show credentials' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/records it in the audit log/),
    ).toBeInTheDocument();
    expect(await within(dialog).findByLabelText('password')).toHaveTextContent(
      's3cret-from-backend',
    );
    expect(within(dialog).getByLabelText('username')).toHaveTextContent('app');
    expect(
      within(dialog).getByRole('button', { name: 'Copy password' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('url')).toHaveTextContent(
      'redis://app@orders-cache.redis.local:7101',
    );
    expect(screen.getByLabelText('url')).not.toHaveTextContent('s3cret');

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Show credentials' }),
    );
    expect(await screen.findByLabelText('password')).toBeInTheDocument();
    expect(calls).toEqual(['conn-3', 'conn-3']);
  });

  it('gives a URL and a redis-cli line with the password, environment variables and client code, once revealed', async () => {
    server.use(permissionHandler([CREDENTIALS]), connectionHandler('conn-7'));
    const dialog = await reveal('conn-7');

    expect(within(dialog).getByLabelText('connection url')).toHaveTextContent(
      'redis://app:s3cret-from-backend@orders-cache.redis.local:7101',
    );
    expect(within(dialog).getByLabelText('redis-cli')).toHaveTextContent(
      'redis-cli -u redis://app:s3cret-from-backend@orders-cache.redis.local:7101',
    );
    expect(
      within(dialog).queryByLabelText('sentinel lookup'),
    ).not.toBeInTheDocument();
    expect(
      within(dialog).queryByLabelText('ca certificate'),
    ).not.toBeInTheDocument();
    const env = within(dialog).getByRole('region', { name: 'env snippet' });
    expect(env).toHaveTextContent('REDIS_HOST=orders-cache.redis.local');
    expect(env).toHaveTextContent('REDIS_PASSWORD=s3cret-from-backend');

    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Python: redis-py' }),
    );
    const python = within(dialog).getByRole('region', {
      name: 'redis-py snippet',
    });
    expect(python).toHaveTextContent(
      'redis.Redis.from_url(os.environ["REDIS_URL"])',
    );
    expect(python).not.toHaveTextContent('s3cret');
    expect(
      within(dialog).queryByRole('checkbox', { name: /Sentinels/ }),
    ).not.toBeInTheDocument();
  });

  it('offers the CA certificate of a TLS instance, and a redis-cli line that trusts it', async () => {
    const pem = `-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n`;
    server.use(
      permissionHandler([CREDENTIALS]),
      connectionHandler('conn-9', [], {
        ...DETAILS,
        tls: true,
        url: 'rediss://app@orders-cache.redis.local:7101',
        caCertificate: pem,
      }),
    );
    const saved: Array<{ blob: Blob; fileName?: string }> = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push({ blob });
      return 'blob:ca';
    });
    URL.revokeObjectURL = jest.fn();
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        saved[saved.length - 1].fileName = this.download;
      });

    try {
      const dialog = await reveal('conn-9');

      expect(within(dialog).getByLabelText('ca certificate')).toHaveTextContent(
        'orders-cache-ca.pem',
      );
      expect(
        within(dialog).getByRole('button', { name: 'Copy ca certificate' }),
      ).toBeInTheDocument();
      expect(within(dialog).getByLabelText('redis-cli')).toHaveTextContent(
        'redis-cli --tls --cacert orders-cache-ca.pem -u rediss://app:s3cret-from-backend@orders-cache.redis.local:7101',
      );

      await userEvent.click(
        within(dialog).getByRole('button', { name: 'Download' }),
      );
      expect(saved).toHaveLength(1);
      expect(saved[0].fileName).toBe('orders-cache-ca.pem');
      expect(await saved[0].blob.text()).toBe(pem);
    } finally {
      click.mockRestore();
    }
  });

  it('gives client code that trusts the CA file of a TLS instance', async () => {
    server.use(
      permissionHandler([CREDENTIALS]),
      connectionHandler('conn-10', [], {
        ...DETAILS,
        tls: true,
        url: 'rediss://app@orders-cache.redis.local:7101',
        caCertificate: `-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n`,
      }),
    );
    const dialog = await reveal('conn-10');

    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Node.js: ioredis' }),
    );
    const node = within(dialog).getByRole('region', {
      name: 'ioredis snippet',
    });
    expect(node).toHaveTextContent(
      'new Redis(process.env.REDIS_URL, { tls: { ca: readFileSync("orders-cache-ca.pem") }, });',
    );
    expect(node).not.toHaveTextContent('s3cret');
    expect(
      within(dialog).getByText(
        /and trusts the CA certificate saved as orders-cache-ca\.pem \(Download above\)\./,
      ),
    ).toBeVisible();

    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Node.js: node-redis' }),
    );
    expect(
      within(dialog).getByRole('region', { name: 'node-redis snippet' }),
    ).toHaveTextContent(
      'socket: { tls: true, ca: readFileSync("orders-cache-ca.pem") }',
    );

    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Python: redis-py' }),
    );
    expect(
      within(dialog).getByRole('region', { name: 'redis-py snippet' }),
    ).toHaveTextContent(
      'redis.Redis.from_url(os.environ["REDIS_URL"], ssl_ca_certs="orders-cache-ca.pem")',
    );

    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Go: go-redis' }),
    );
    expect(
      within(dialog).getByRole('region', { name: 'go-redis snippet' }),
    ).toHaveTextContent('os.ReadFile("orders-cache-ca.pem")');
  });

  it('connects a replicated instance through its Sentinels, or to the primary on request', async () => {
    server.use(
      permissionHandler([CREDENTIALS]),
      connectionHandler('conn-8', [], {
        ...DETAILS,
        tls: true,
        url: 'rediss://app@orders-cache.redis.local:7101',
        sentinel: {
          masterName: 'orders-cache',
          endpoints: [
            { host: 's1.local', port: 7201 },
            { host: 's2.local', port: 7202 },
          ],
        },
      }),
    );
    const dialog = await reveal('conn-8');

    expect(within(dialog).getByLabelText('redis-cli')).toHaveTextContent(
      'redis-cli --tls -u rediss://app:s3cret-from-backend@orders-cache.redis.local:7101',
    );
    expect(within(dialog).getByLabelText('sentinel lookup')).toHaveTextContent(
      'SENTINEL GET-MASTER-ADDR-BY-NAME orders-cache',
    );
    expect(
      within(dialog).getByRole('region', { name: 'env snippet' }),
    ).toHaveTextContent('REDIS_SENTINELS=s1.local:7201,s2.local:7202');

    await userEvent.click(
      within(dialog).getByRole('tab', { name: 'Go: go-redis' }),
    );
    const go = () =>
      within(dialog).getByRole('region', { name: 'go-redis snippet' });
    expect(go()).toHaveTextContent('redis.NewFailoverClient');
    expect(go()).toHaveTextContent('MasterName: "orders-cache"');
    expect(go()).toHaveTextContent('TLSConfig: &tls.Config{}');

    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: /Through the Sentinels/ }),
    );
    expect(go()).toHaveTextContent('redis.ParseURL(os.Getenv("REDIS_URL"))');
    expect(go()).not.toHaveTextContent('NewFailoverClient');
  });

  it('shows the error when the backend refuses the credentials', async () => {
    server.use(
      permissionHandler([CREDENTIALS]),
      http.get(`${DBAAS_URL}/instances/conn-4/connection`, () =>
        errorResponse(403, 'NotAllowedError', 'policy said no'),
      ),
    );
    await renderWithApis(
      <ConnectionCard instance={anInstance({ id: 'conn-4' })} />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show credentials' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('policy said no'),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('password')).not.toBeInTheDocument();
  });

  it('shows a loading bar while the credentials load', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>(resolve => {
      release = resolve;
    });
    server.use(
      permissionHandler([CREDENTIALS]),
      http.get(`${DBAAS_URL}/instances/conn-5/connection`, async () => {
        await held;
        return errorResponse(500, 'Error', 'gave up');
      }),
    );
    await renderWithApis(
      <ConnectionCard instance={anInstance({ id: 'conn-5' })} />,
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show credentials' }),
    );
    expect(
      await within(screen.getByRole('dialog')).findByRole('progressbar'),
    ).toBeInTheDocument();
    release();
    expect(await screen.findByText('gave up')).toBeInTheDocument();
  });

  it('says there is no endpoint yet while provisioning', async () => {
    server.use(permissionHandler([CREDENTIALS]));
    await renderWithApis(
      <ConnectionCard
        instance={anInstance({
          id: 'conn-6',
          status: 'provisioning',
          endpoints: [],
        })}
      />,
    );
    expect(screen.getByText('No endpoint yet')).toBeInTheDocument();
    expect(screen.queryByLabelText('host')).not.toBeInTheDocument();
  });
});
