import { registerMswTestHooks } from '@backstage/test-utils';
import {
  Backup,
  BackupPolicyView,
  dbaasInstanceBackupPermission,
  dbaasInstanceRestorePermission,
  dbaasInstanceUpdatePermission,
  Instance,
  Operation,
} from '@justmanage/plugin-dbaas-common';
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
import { BackupsCard } from './BackupsCard';

const server = setupServer();
registerMswTestHooks(server);

const OWNER = [
  dbaasInstanceBackupPermission.name,
  dbaasInstanceRestorePermission.name,
  dbaasInstanceUpdatePermission.name,
];
const REFUSAL =
  'version: redis 7.0.15 reads RDB format up to version 10, but backup b-1 (valkey 8.0.1+bpo12.1) is RDB format version 11; pick a version that reads it';

// Permission decisions are cached by resource across renders: each test
// has an instance of its own.
let tests = 0;
let ID: string;
let instance: Instance;
beforeEach(() => {
  tests += 1;
  ID = `backups-${tests}`;
  instance = anInstance({ id: ID, engine: 'valkey', version: '8.0.1' });
});

const POLICY: BackupPolicyView = {
  policy: {
    enabled: true,
    schedule: { dailyAt: '02:30', timeZone: 'Europe/Berlin' },
    retention: { count: 14, maxAgeDays: 30 },
  },
  isDefault: false,
  lastBackupAt: '2026-12-05T01:30:00.000Z',
  nextBackupAt: '2026-12-06T01:30:00.000Z',
};

function aBackup(overrides: Partial<Backup> = {}): Backup {
  return {
    id: 'b-1',
    instanceId: ID,
    instanceName: 'orders-cache',
    operationId: 'op-b-1',
    status: 'complete',
    trigger: 'policy',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    finishedAt: new Date(Date.now() - 3 * 3_600_000 + 1000).toISOString(),
    ageSeconds: 3 * 3600,
    sizeBytes: 3 * 1024 * 1024,
    storedBytes: 3 * 1024 * 1024 + 100,
    manifest: {
      engine: 'valkey',
      version: '8.0.1+bpo12.1',
      rdbVersion: 11,
      keyspace: {
        '0': { keys: 226, expires: 20 },
        '1': { keys: 6, expires: 0 },
      },
      digest: 'abc',
      nodeId: `${ID}-node-1`,
      nodeRole: 'replica',
      users: ['app'],
    },
    ...overrides,
  };
}

function aBackupOperation(status: Operation['status']): Operation {
  const done = status === 'succeeded';
  return anOperation({
    id: 'op-backup',
    instanceId: ID,
    type: 'backup',
    status,
    steps: [
      { name: 'save', status: 'succeeded', attempts: 1 },
      { name: 'store', status: done ? 'succeeded' : 'running', attempts: 1 },
      { name: 'finish', status: done ? 'succeeded' : 'pending', attempts: 0 },
    ],
    finishedAt: done ? new Date().toISOString() : undefined,
  });
}

/** The backend as the card asks it, with backups on. */
function backend(
  options: {
    allowed?: string[];
    asked?: string[];
    backups?: Backup[];
    restoreBodies?: unknown[];
  } = {},
) {
  let backups = options.backups ?? [];
  let polls = 0;
  return [
    permissionHandler(options.allowed ?? OWNER, options.asked),
    getJson(`/instances/${ID}/backup-policy`, POLICY),
    http.get(`${DBAAS_URL}/instances/${ID}/backups`, () =>
      HttpResponse.json({ items: backups }),
    ),
    getJson(`/instances/${ID}/operations`, { items: [] }),
    getJson('/platforms', {
      items: [
        {
          id: 'local',
          title: 'Local',
          regions: ['eu-1'],
          engines: [
            { engine: 'redis', versions: ['7.0.15'] },
            { engine: 'valkey', versions: ['8.0.1'] },
          ],
          ha: { replicas: true, maxReplicas: 2 },
          limits: {
            memoryMb: { min: 32, max: 1024 },
            cpu: { min: 0.1, max: 2 },
            diskGb: { min: 1, max: 10 },
          },
        },
      ],
    }),
    http.post(`${DBAAS_URL}/instances/${ID}/backups`, () => {
      const running = aBackup({
        id: 'b-new',
        status: 'running',
        trigger: 'manual',
        createdAt: new Date().toISOString(),
        sizeBytes: undefined,
        manifest: undefined,
      });
      backups = [running, ...backups];
      return HttpResponse.json(
        { backup: running, operation: aBackupOperation('running') },
        { status: 202 },
      );
    }),
    http.get(`${DBAAS_URL}/operations/op-backup`, () => {
      polls += 1;
      if (polls === 1) return HttpResponse.json(aBackupOperation('running'));
      backups = backups.map(b =>
        b.id === 'b-new' ? aBackup({ id: 'b-new', trigger: 'manual' }) : b,
      );
      return HttpResponse.json(aBackupOperation('succeeded'));
    }),
    http.post(
      `${DBAAS_URL}/instances/${ID}/backups/b-1/restore`,
      async ({ request }) => {
        options.restoreBodies?.push(await request.json());
        return errorResponse(400, 'InputError', REFUSAL);
      },
    ),
  ];
}

async function renderCard() {
  await renderWithApis(<BackupsCard instance={instance} onChange={() => {}} />);
}

describe('BackupsCard', () => {
  it('says backups are not turned on when the backend has no backup routes', async () => {
    server.use(
      permissionHandler(OWNER),
      getJson(`/instances/${ID}/operations`, { items: [] }),
      // what the backend answers for a route it does not have: no body
      http.get(
        `${DBAAS_URL}/instances/${ID}/backup-policy`,
        () => new HttpResponse(null, { status: 404 }),
      ),
    );
    await renderCard();
    expect(
      await screen.findByText(/Backups are not turned on in this JustManage/),
    ).toBeVisible();
    expect(
      screen.queryByRole('button', { name: 'Back up now' }),
    ).not.toBeInTheDocument();
  });

  it('shows the policy and an empty list', async () => {
    server.use(...backend());
    await renderCard();
    expect(
      await screen.findByText(
        'Backed up daily at 02:30 Europe/Berlin; keeps the newest 14, none older than 30 days.',
      ),
    ).toBeVisible();
    expect(
      await screen.findByText('No backups of orders-cache yet.'),
    ).toBeVisible();
  });

  it('lists backups with age, size, engine, RDB format, keys, trigger and status', async () => {
    server.use(
      ...backend({
        backups: [
          aBackup(),
          aBackup({
            id: 'b-0',
            status: 'failed',
            trigger: 'manual',
            sizeBytes: undefined,
            manifest: undefined,
            error: 'store: EACCES: permission denied',
          }),
        ],
      }),
    );
    await renderCard();
    const table = await screen.findByRole('table', { name: 'Backups' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('3 hours ago');
    expect(first).toHaveTextContent('3 MiB');
    expect(first).toHaveTextContent('valkey 8.0.1+bpo12.1, RDB format 11');
    expect(first).toHaveTextContent('232');
    expect(first).toHaveTextContent('by the policy');
    expect(first).toHaveTextContent('complete');
    expect(
      within(first).getByRole('button', { name: 'Restore to new instance' }),
    ).toBeVisible();
    expect(second).toHaveTextContent('by hand');
    expect(second).toHaveTextContent('failed');
    expect(second).toHaveTextContent('store: EACCES: permission denied');
    expect(
      within(second).queryByRole('button', { name: 'Restore in place' }),
    ).not.toBeInTheDocument();
  });

  it('backs up now and follows the backup to its end, then lists it complete', async () => {
    server.use(...backend());
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Back up now' }),
    );
    expect(
      await screen.findByText(
        'Backing up: saving the data and storing it encrypted.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeDisabled();
    expect(
      await screen.findByText(
        'Backed up. The new backup is at the top of the list.',
      ),
    ).toBeVisible();
    const table = await screen.findByRole('table', { name: 'Backups' });
    await waitFor(() =>
      expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
        /by hand.*complete/,
      ),
    );
  });

  it("shows the backend's refusal of a restore target that cannot read the backup", async () => {
    const restoreBodies: unknown[] = [];
    server.use(...backend({ backups: [aBackup()], restoreBodies }));
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Restore to new instance' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/The backup is RDB format 11 \(valkey/),
    ).toBeVisible();
    const name = within(dialog).getByLabelText('Name of the new instance');
    await userEvent.clear(name);
    await userEvent.type(name, 'orders-old-redis');
    await userEvent.click(within(dialog).getByLabelText('Engine and version'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'redis 7.0.15' }),
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Restore' }),
    );
    expect(await within(dialog).findByText(REFUSAL)).toBeVisible();
    expect(restoreBodies).toEqual([
      { name: 'orders-old-redis', engine: 'redis', version: '7.0.15' },
    ]);
  });

  it('asks for the typed name before a restore in place, says a safety backup comes first, and follows it to the end', async () => {
    server.use(...backend({ backups: [aBackup()] }));
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Restore in place' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/A safety backup of the data as it is now/),
    ).toBeVisible();
    const replace = within(dialog).getByRole('button', {
      name: 'Replace the data',
    });
    expect(replace).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Type orders-cache to confirm'),
      'orders-cache',
    );
    expect(replace).toBeEnabled();

    const bodies: unknown[] = [];
    server.use(
      http.post(
        `${DBAAS_URL}/instances/${ID}/backups/b-1/restore-in-place`,
        async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json(
            {
              instance: { ...instance, status: 'updating' },
              operation: anOperation({
                id: 'op-in-place',
                instanceId: ID,
                type: 'restore-in-place',
                status: 'running',
                steps: [
                  { name: 'safety-backup', status: 'running', attempts: 1 },
                ],
                finishedAt: undefined,
              }),
            },
            { status: 202 },
          );
        },
      ),
      http.get(`${DBAAS_URL}/operations/op-in-place`, () =>
        HttpResponse.json(
          anOperation({
            id: 'op-in-place',
            instanceId: ID,
            type: 'restore-in-place',
            status: 'succeeded',
          }),
        ),
      ),
    );
    await userEvent.click(replace);
    expect(
      await screen.findByText(
        "orders-cache holds the backup's data again; the data it replaced is in the safety backup.",
      ),
    ).toBeVisible();
    expect(bodies).toEqual([{ confirm: 'orders-cache' }]);
  });

  it('deletes a backup after asking once more', async () => {
    let deleted = 0;
    let backups = [aBackup()];
    server.use(...backend());
    // later handlers come first: this list loses the deleted backup
    server.use(
      http.get(`${DBAAS_URL}/instances/${ID}/backups`, () =>
        HttpResponse.json({ items: backups }),
      ),
      http.delete(`${DBAAS_URL}/instances/${ID}/backups/b-1`, () => {
        deleted += 1;
        backups = [];
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/cannot be restored afterwards/),
    ).toBeVisible();
    expect(deleted).toBe(0);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete backup' }),
    );
    expect(
      await screen.findByText('No backups of orders-cache yet.'),
    ).toBeVisible();
    expect(deleted).toBe(1);
  });

  it('sets the policy from the dialog, telling a bad field before saving and the backend refusal after', async () => {
    const saved: unknown[] = [];
    const PLATFORM_REFUSAL =
      'platform: nomad cannot copy data out or in, which backups and restores need';
    server.use(
      ...backend(),
      http.put(
        `${DBAAS_URL}/instances/${ID}/backup-policy`,
        async ({ request }) => {
          const body = (await request.json()) as BackupPolicyView['policy'];
          saved.push(body);
          if (saved.length === 1) {
            return errorResponse(400, 'InputError', PLATFORM_REFUSAL);
          }
          return HttpResponse.json({ ...POLICY, policy: body });
        },
      ),
    );
    await renderCard();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Edit policy' }),
    );
    const dialog = await screen.findByRole('dialog');
    const save = within(dialog).getByRole('button', { name: 'Save policy' });
    await userEvent.click(within(dialog).getByLabelText('Every N hours'));
    const hours = within(dialog).getByLabelText('Hours between backups');
    await userEvent.clear(hours);
    await userEvent.type(hours, '200');
    expect(
      within(dialog).getByText(
        'schedule.everyHours: a whole number of hours from 1 to 168',
      ),
    ).toBeVisible();
    expect(save).toBeDisabled();

    await userEvent.click(within(dialog).getByLabelText('Daily at a time'));
    const zone = within(dialog).getByLabelText('Time zone');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    expect(
      within(dialog).getByText(
        /^schedule.timeZone: 'Mars\/Olympus' is not an IANA time zone/,
      ),
    ).toBeVisible();
    expect(save).toBeDisabled();

    await userEvent.clear(zone);
    await userEvent.type(zone, 'Asia/Kolkata');
    await userEvent.click(save);
    expect(await within(dialog).findByText(PLATFORM_REFUSAL)).toBeVisible();
    await userEvent.click(save);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(saved).toHaveLength(2);
    expect(saved[1]).toEqual({
      enabled: true,
      schedule: { dailyAt: '02:30', timeZone: 'Asia/Kolkata' },
      retention: { count: 14, maxAgeDays: 30 },
    });
  });

  it('shows a non-owner the policy and the list, and no change', async () => {
    const asked: string[] = [];
    server.use(...backend({ allowed: [], asked, backups: [aBackup()] }));
    await renderCard();
    await screen.findByRole('table', { name: 'Backups' });
    await permissionAnswered(asked, dbaasInstanceBackupPermission.name);
    expect(
      screen.getByText(/Only the instance's owners may back it up/),
    ).toBeVisible();
    for (const name of [
      'Back up now',
      'Edit policy',
      'Restore to new instance',
      'Restore in place',
      'Delete',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
  });
});
