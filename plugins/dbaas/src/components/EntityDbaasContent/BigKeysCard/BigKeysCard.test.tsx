import { registerMswTestHooks } from '@backstage/test-utils';
import {
  dbaasInstanceUpdatePermission,
  KeyScanReport,
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
import { BigKeysCard } from './BigKeysCard';

const server = setupServer();
registerMswTestHooks(server);

const UPDATE = dbaasInstanceUpdatePermission.name;

function aReport(overrides: Partial<KeyScanReport> = {}): KeyScanReport {
  const key = (
    k: string,
    type: string,
    memoryBytes: number,
    elements?: number,
  ) => ({
    db: 0,
    key: k,
    type,
    memoryBytes,
    ...(elements !== undefined ? { elements } : {}),
  });
  return {
    instanceId: 'bk-1',
    operationId: 'op-old',
    startedAt: new Date(Date.now() - 125_000).toISOString(),
    finishedAt: new Date(Date.now() - 120_000).toISOString(),
    durationMs: 4200,
    topN: 10,
    separator: ':',
    keysScanned: 1_000_000,
    memoryBytes: 180 * 1024 * 1024,
    databases: [{ db: 0, keys: 1_000_000 }],
    topByMemory: [
      key('session:blob', 'string', 3 * 1024 * 1024, 3_000_000),
      key('leaderboard:global', 'zset', 2 * 1024 * 1024, 40_000),
    ],
    topByElements: [
      {
        type: 'string',
        keys: [key('session:blob', 'string', 3 * 1024 * 1024, 3_000_000)],
      },
      {
        type: 'zset',
        keys: [key('leaderboard:global', 'zset', 2 * 1024 * 1024, 40_000)],
      },
    ],
    types: [],
    patterns: [
      { pattern: 'session:*', keys: 700_000, memoryBytes: 120 * 1024 * 1024 },
      { pattern: 'user:*', keys: 299_000, memoryBytes: 50 * 1024 * 1024 },
    ],
    otherPatterns: { groups: 12, keys: 1000, memoryBytes: 10 * 1024 * 1024 },
    latency: {
      baselineMs: 0.2,
      limitMs: 10,
      p99Ms: 0.9,
      maxMs: 2.1,
      backoffs: 0,
    },
    ...overrides,
  };
}

function aScan(overrides: Partial<Operation> = {}): Operation {
  return anOperation({
    id: 'op-scan',
    instanceId: 'bk-1',
    type: 'scan-keys',
    status: 'running',
    steps: [{ name: 'scan', status: 'running', attempts: 1 }],
    progress: {
      done: 500,
      total: 2000,
      unit: 'keys',
      updatedAt: '2025-03-01T10:00:01Z',
    },
    ...overrides,
  });
}

// usePermission caches answers by resource: each test has its own instance
let id = 'bk-0';
let instance = anInstance({ id });

beforeEach(() => {
  id = `bk-${Number(id.slice(3)) + 1}`;
  instance = anInstance({ id });
});

describe('BigKeysCard', () => {
  it('shows the last report: top keys by memory, by elements per type, and patterns', async () => {
    server.use(
      permissionHandler([]),
      getJson(`/instances/${id}/key-scans/latest`, aReport()),
      getJson(`/instances/${id}/operations`, { items: [] }),
    );
    await renderWithApis(<BigKeysCard instance={instance} />);

    expect(await screen.findByText(/Last scan/)).toHaveTextContent(
      'Last scan 2 minutes ago: 1,000,000 keys, 180 MiB, in 4.2 s. PING p99 during the scan 0.9 ms.',
    );
    const byMemory = screen.getByRole('table', { name: 'Top keys by memory' });
    const rows = within(byMemory).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('session:blobstring03 MiB3,000,000');
    expect(rows[2]).toHaveTextContent('leaderboard:globalzset02 MiB40,000');

    await userEvent.click(screen.getByRole('tab', { name: 'By elements' }));
    const strings = screen.getByRole('table', { name: 'Top string keys' });
    expect(within(strings).getByText('Length (bytes)')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Top zset keys' })).getByText(
        '40,000',
      ),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Key patterns' }));
    const patterns = within(
      screen.getByRole('table', { name: 'Key patterns' }),
    );
    expect(patterns.getAllByRole('row').map(r => r.textContent)).toEqual([
      'PatternKeysMemoryShare of memory',
      'session:*700,000120 MiB66.7 %',
      'user:*299,00050 MiB27.8 %',
      '12 other patterns1,00010 MiB5.6 %',
    ]);
  });

  it('lets an owner start a scan and follows its progress to the new report', async () => {
    const started: unknown[] = [];
    let polls = 0;
    let done = false;
    server.use(
      permissionHandler([UPDATE]),
      http.get(`${DBAAS_URL}/instances/${id}/key-scans/latest`, () =>
        done
          ? HttpResponse.json(
              aReport({ keysScanned: 2000, operationId: 'op-scan' }),
            )
          : errorResponse(
              404,
              'NotFoundError',
              'Instance orders-cache has no key scan yet',
            ),
      ),
      http.get(`${DBAAS_URL}/instances/${id}/operations`, () =>
        HttpResponse.json({
          items: done ? [aScan({ status: 'succeeded' })] : [],
        }),
      ),
      http.post(
        `${DBAAS_URL}/instances/${id}/key-scans`,
        async ({ request }) => {
          started.push(await request.json());
          return HttpResponse.json(
            { operation: aScan({ progress: undefined, status: 'pending' }) },
            { status: 202 },
          );
        },
      ),
      http.get(`${DBAAS_URL}/operations/op-scan`, () => {
        polls += 1;
        if (polls >= 2) done = true;
        return HttpResponse.json(
          done
            ? aScan({
                status: 'succeeded',
                progress: {
                  done: 2000,
                  total: 2000,
                  unit: 'keys',
                  updatedAt: 'x',
                },
              })
            : aScan(),
        );
      }),
    );
    await renderWithApis(<BigKeysCard instance={instance} />);

    expect(await screen.findByText(/No scan yet/)).toBeInTheDocument();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan keys' }),
    );
    expect(started).toEqual([{}]);
    expect(await screen.findByText('Waiting to start')).toBeInTheDocument();
    expect(
      await screen.findByText('Scanned 500 of 2,000 keys', undefined, {
        timeout: 3000,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Key scan progress' }),
    ).toHaveAttribute('aria-valuenow', '25');
    expect(
      await screen.findByText(/Last scan .*: 2,000 keys/, undefined, {
        timeout: 4000,
      }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('progressbar', { name: 'Key scan progress' }),
    ).toBeNull();
    expect(screen.getByRole('button', { name: 'Scan keys' })).toBeEnabled();
  });

  it('cancels a running scan and says who cancelled it', async () => {
    let cancelled = false;
    let ended = false;
    server.use(
      permissionHandler([UPDATE]),
      getJson(`/instances/${id}/key-scans/latest`, aReport()),
      http.get(`${DBAAS_URL}/instances/${id}/operations`, () =>
        HttpResponse.json({
          items: [
            ended
              ? aScan({
                  status: 'failed',
                  error: 'Cancelled by user:default/alice',
                })
              : aScan(),
          ],
        }),
      ),
      http.post(`${DBAAS_URL}/operations/op-scan/cancel`, () => {
        cancelled = true;
        return HttpResponse.json(
          aScan({ cancelRequestedBy: 'user:default/alice' }),
          {
            status: 202,
          },
        );
      }),
      http.get(`${DBAAS_URL}/operations/op-scan`, () => {
        if (cancelled) ended = true;
        return HttpResponse.json(
          ended
            ? aScan({
                status: 'failed',
                error: 'Cancelled by user:default/alice',
              })
            : aScan(),
        );
      }),
    );
    await renderWithApis(<BigKeysCard instance={instance} />);

    // a scan started elsewhere shows with its progress, beside the old report
    expect(
      await screen.findByText('Scanned 500 of 2,000 keys'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Last scan/)).toHaveTextContent(
      /^Last scan 2 minutes ago/,
    );
    expect(screen.queryByRole('button', { name: 'Scan keys' })).toBeNull();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Cancel scan' }),
    );
    expect(
      await screen.findByText('Cancelling (asked by user:default/alice)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel scan' })).toBeDisabled();
    expect(
      await screen.findByText(
        'The last scan did not finish: Cancelled by user:default/alice',
        undefined,
        { timeout: 3000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Scan keys' }),
    ).toBeInTheDocument();
  });

  it('shows readers the report and the progress, but no scan or cancel button', async () => {
    const asked: string[] = [];
    server.use(
      permissionHandler([], asked),
      getJson(`/instances/${id}/key-scans/latest`, aReport()),
      getJson(`/instances/${id}/operations`, { items: [aScan()] }),
      getJson('/operations/op-scan', aScan()),
    );
    await renderWithApis(<BigKeysCard instance={instance} />);

    expect(
      await screen.findByText('Scanned 500 of 2,000 keys'),
    ).toBeInTheDocument();
    await permissionAnswered(asked, UPDATE);
    expect(screen.queryByRole('button', { name: 'Cancel scan' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Scan keys' })).toBeNull();
    expect(
      screen.getByRole('table', { name: 'Top keys by memory' }),
    ).toBeInTheDocument();
  });

  it('shows why a scan could not start', async () => {
    server.use(
      permissionHandler([UPDATE]),
      ...errorHandlers(),
      http.post(`${DBAAS_URL}/instances/${id}/key-scans`, () =>
        errorResponse(
          409,
          'ConflictError',
          'Instance orders-cache has an operation in progress',
        ),
      ),
    );
    await renderWithApis(<BigKeysCard instance={instance} />);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan keys' }),
    );
    expect(
      await screen.findByText(
        /Instance orders-cache has an operation in progress/,
      ),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Scan keys' })).toBeEnabled(),
    );
  });
});

function errorHandlers() {
  return [
    http.get(`${DBAAS_URL}/instances/${id}/key-scans/latest`, () =>
      errorResponse(
        404,
        'NotFoundError',
        'Instance orders-cache has no key scan yet',
      ),
    ),
    getJson(`/instances/${id}/operations`, { items: [] }),
  ];
}
