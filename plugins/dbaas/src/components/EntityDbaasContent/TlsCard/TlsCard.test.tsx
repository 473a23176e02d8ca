import { registerMswTestHooks } from '@backstage/test-utils';
import {
  dbaasInstanceUpdatePermission,
  Instance,
  InstanceTls,
  Operation,
} from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { webcrypto } from 'node:crypto';
import {
  DBAAS_URL,
  errorResponse,
  getJson,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance, anOperation } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { ORDERS_CACHE_CA } from './__testUtils__/caFixtures';
import { TlsCard } from './TlsCard';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;
const DAY_MS = 86_400_000;
// Permission decisions are cached by resource across renders: each test
// has an instance of its own.
let tests = 0;
let ID: string;
let instance: Instance;
beforeEach(() => {
  tests += 1;
  ID = `tls-${tests}`;
  instance = anInstance({
    id: ID,
    tls: 'required',
    endpoints: [{ role: 'primary', host: '127.0.0.1', port: 7101, tls: true }],
  });
});

function tlsOf(generation: number, expiresInDays: number): InstanceTls {
  return {
    mode: 'required',
    caCertificate: ORDERS_CACHE_CA.pem,
    generation,
    certificatesExpireAt: new Date(
      Date.now() + expiresInDays * DAY_MS,
    ).toISOString(),
    renewsAt: new Date(
      Date.now() + (expiresInDays - 30) * DAY_MS,
    ).toISOString(),
  };
}

function aRotation(status: Operation['status'] = 'running'): Operation {
  return anOperation({
    id: 'op-rotate',
    instanceId: ID,
    type: 'certificates',
    status,
    params: { generation: 2 },
    steps: [
      {
        name: 'issue',
        status: 'succeeded',
        attempts: 1,
        startedAt: '2026-12-05T10:00:00Z',
        finishedAt: '2026-12-05T10:00:01Z',
      },
      { name: 'apply', status: 'running', attempts: 1 },
      { name: 'verify', status: 'pending', attempts: 0 },
      { name: 'finalize', status: 'pending', attempts: 0 },
    ],
    finishedAt: undefined,
  });
}

/**
 * The backend as the card asks it: GET /tls (the generation moves on once
 * a rotation was asked for), the operations, the permission, and a
 * rotation that runs for one poll and then succeeds.
 */
function backend(
  options: {
    allowed?: string[];
    /** Collects the permissions asked about. */
    asked?: string[];
    operations?: Operation[];
    rotations?: string[];
  } = {},
) {
  let rotated = false;
  let polls = 0;
  return [
    permissionHandler(options.allowed ?? [UPDATE], options.asked),
    http.get(`${DBAAS_URL}/instances/${ID}/tls`, () =>
      HttpResponse.json(rotated ? tlsOf(2, 90) : tlsOf(1, 41)),
    ),
    getJson(`/instances/${ID}/operations`, {
      items: options.operations ?? [],
    }),
    http.post(`${DBAAS_URL}/instances/${ID}/tls/rotate`, () => {
      rotated = true;
      options.rotations?.push(ID);
      return HttpResponse.json(
        { instance, operation: aRotation() },
        { status: 202 },
      );
    }),
    http.get(`${DBAAS_URL}/operations/op-rotate`, () => {
      polls += 1;
      const done = aRotation('succeeded');
      return HttpResponse.json(
        polls === 1
          ? aRotation()
          : {
              ...done,
              steps: done.steps.map(s => ({ ...s, status: 'succeeded' })),
            },
      );
    }),
  ];
}

function card() {
  return screen.findByText(
    /serve certificates signed by the instance's own CA/,
  );
}

async function renderCard(onChange = () => {}) {
  await renderWithApis(<TlsCard instance={instance} onChange={onChange} />);
  await card();
  return screen.findByLabelText('ca subject');
}

describe('TlsCard', () => {
  const original = globalThis.crypto;
  beforeEach(() =>
    // jsdom has no Web Crypto; a browser on HTTPS or localhost has
    Object.defineProperty(globalThis, 'crypto', {
      value: webcrypto,
      configurable: true,
    }),
  );
  afterEach(() =>
    Object.defineProperty(globalThis, 'crypto', {
      value: original,
      configurable: true,
    }),
  );

  it('shows the mode, the CA by subject, fingerprint and expiry, and the node certificates with their renewal', async () => {
    server.use(...backend());
    expect(await renderCard()).toHaveTextContent(
      'CN=JustManage orders-cache CA',
    );
    expect(screen.getByText(/saved as orders-cache-ca\.pem/)).toBeVisible();
    expect(screen.getByLabelText('tls mode')).toHaveTextContent(
      'required: TLS only, plain TCP is refused',
    );
    expect(await screen.findByLabelText('ca fingerprint')).toHaveTextContent(
      ORDERS_CACHE_CA.fingerprint,
    );
    expect(screen.getByText('CA fingerprint (SHA-256)')).toBeVisible();
    expect(screen.getByLabelText('ca expiry')).toHaveTextContent(
      /^Tue 2 Dec 2036 \d\d:\d\d .+ \(in 10 years\)$/,
    );
    expect(screen.getByLabelText('certificate generation')).toHaveTextContent(
      'generation 1',
    );
    expect(screen.getByLabelText('certificates expiry')).toHaveTextContent(
      /\d{4} \d\d:\d\d .+ \(in 41 days\)$/,
    );
    expect(screen.getByLabelText('next renewal')).toHaveTextContent(
      /\(in 11 days\)$/,
    );
  });

  it('says where the fingerprint can be computed when the page has no Web Crypto', async () => {
    Object.defineProperty(globalThis, 'crypto', {
      value: {},
      configurable: true,
    });
    server.use(...backend());
    await renderCard();
    await waitFor(() =>
      expect(screen.getByLabelText('ca fingerprint')).toHaveTextContent(
        'shown on pages served over HTTPS',
      ),
    );
  });

  it('downloads the CA as <instance>-ca.pem', async () => {
    server.use(...backend({ allowed: [] }));
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
      await renderCard();
      await userEvent.click(
        screen.getByRole('button', { name: 'Download CA' }),
      );
      expect(saved).toHaveLength(1);
      expect(saved[0].fileName).toBe('orders-cache-ca.pem');
      expect(await saved[0].blob.text()).toBe(ORDERS_CACHE_CA.pem);
    } finally {
      click.mockRestore();
    }
  });

  it('offers Rotate certificates to owners only, with the update permission the backend checks', async () => {
    const asked: string[] = [];
    server.use(...backend({ allowed: [], asked }));
    await renderCard();
    await permissionAnswered(asked, UPDATE);
    expect(
      screen.queryByRole('button', { name: 'Rotate certificates' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(
        "Only the instance's owners may rotate its certificates.",
      ),
    ).toBeVisible();
    // the CA is public to everyone who may read the instance
    expect(screen.getByRole('button', { name: 'Download CA' })).toBeEnabled();
  });

  it('asks before rotating, saying clients stay connected, then follows the rotation to the new generation', async () => {
    const rotations: string[] = [];
    const onChange = jest.fn();
    server.use(...backend({ rotations }));
    await renderCard(onChange);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Rotate certificates' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Rotate the certificates of orders-cache?'),
    ).toBeVisible();
    expect(
      within(dialog).getByText(
        /Every node gets a new certificate \(generation 2\), signed by the same CA, and loads it without a restart\. Connected clients stay connected/,
      ),
    ).toBeVisible();
    expect(
      within(dialog).getByText(
        'Clients change nothing: they keep trusting orders-cache-ca.pem.',
      ),
    ).toBeVisible();
    expect(rotations).toEqual([]);

    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Rotate certificates' }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(rotations).toEqual([ID]);
    expect(
      await screen.findByRole('table', { name: 'steps of the certificates' }),
    ).toBeVisible();

    expect(
      await screen.findByText(
        'Every node serves the new certificates of generation 2; clients keep trusting the same CA.',
      ),
    ).toBeVisible();
    await waitFor(() =>
      expect(screen.getByLabelText('certificate generation')).toHaveTextContent(
        'generation 2',
      ),
    );
    expect(screen.getByLabelText('certificates expiry')).toHaveTextContent(
      /\(in 90 days\)$/,
    );
    expect(onChange).toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(
      screen.getByRole('button', { name: 'Rotate certificates' }),
    ).toBeEnabled();
  });

  it('shows the refusal when the backend will not rotate', async () => {
    server.use(...backend());
    // used before the backend's own answer
    server.use(
      http.post(`${DBAAS_URL}/instances/${ID}/tls/rotate`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache is updating; certificates are rotated while it is running',
        ),
      ),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Rotate certificates' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Rotate certificates' }),
    );
    expect(
      await within(dialog).findByText(
        'Instance orders-cache is updating; certificates are rotated while it is running',
      ),
    ).toBeVisible();
  });

  it('says why it cannot rotate while another operation runs', async () => {
    server.use(
      ...backend({
        operations: [
          anOperation({ id: 'op-scan', type: 'scan-keys', status: 'running' }),
        ],
      }),
    );
    await renderCard();
    expect(
      await screen.findByText(
        'Another operation (scan-keys) is in progress; certificates can be rotated when it has finished.',
      ),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: 'Rotate certificates' }),
    ).toBeDisabled();
  });

  it('follows a rotation it did not start, such as the renewal task', async () => {
    server.use(...backend({ operations: [aRotation()] }));
    await renderCard();
    expect(
      await screen.findByText(
        /Giving every node new certificates of generation 2; connected clients stay connected/,
      ),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Rotate certificates' }),
    ).not.toBeInTheDocument();
  });
});
