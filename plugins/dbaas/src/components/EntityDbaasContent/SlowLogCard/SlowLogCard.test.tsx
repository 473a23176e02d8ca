import { registerMswTestHooks } from '@backstage/test-utils';
import type { SlowLogEntry } from '@justmanage/plugin-dbaas-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DBAAS_URL, errorResponse } from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { SlowLogCard } from './SlowLogCard';

const server = setupServer();
registerMswTestHooks(server);

const now = () => new Date().toISOString();

function slowLog(entries: SlowLogEntry[]) {
  return {
    instanceId: 'sl-1',
    readAt: now(),
    slowerThanMicros: 10000,
    maxLength: 128,
    entries,
  };
}

const EVAL: SlowLogEntry = {
  id: 7,
  startedAt: now(),
  durationMicros: 52_300,
  command: 'EVAL',
  key: 'orders:slow',
  redactedArguments: 3,
  client: '127.0.0.1:50412',
};

describe('SlowLogCard', () => {
  it('lists the slow commands with their keys, says the latency monitor is off, and asks again on Refresh', async () => {
    const counts: Array<string | null> = [];
    let reads = 0;
    server.use(
      http.get(`${DBAAS_URL}/instances/sl-1/slowlog`, ({ request }) => {
        counts.push(new URL(request.url).searchParams.get('count'));
        reads += 1;
        return HttpResponse.json(
          slowLog(
            reads === 1
              ? [EVAL]
              : [
                  {
                    id: 8,
                    startedAt: now(),
                    durationMicros: 850,
                    command: 'CONFIG SET',
                    redactedArguments: 2,
                  },
                  EVAL,
                ],
          ),
        );
      }),
      http.get(`${DBAAS_URL}/instances/sl-1/latency`, () =>
        HttpResponse.json({
          instanceId: 'sl-1',
          readAt: now(),
          thresholdMs: 0,
          events: [],
        }),
      ),
    );
    await renderWithApis(<SlowLogCard instance={anInstance({ id: 'sl-1' })} />);
    const table = await screen.findByRole('table', { name: 'slow commands' });
    const row = within(table).getAllByRole('row')[1];
    expect(
      within(row)
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual([
      expect.stringMatching(/ago$/),
      '52.3 ms',
      'EVAL',
      'orders:slow',
      '3 not shown',
      '127.0.0.1:50412',
    ]);
    expect(
      screen.getByText(/Commands slower than 10.0 ms are logged/),
    ).toBeVisible();
    expect(screen.getByText(/The latency monitor is off/)).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('CONFIG SET')).toBeVisible();
    expect(
      within(screen.getByRole('table', { name: 'slow commands' })).getAllByRole(
        'row',
      ),
    ).toHaveLength(3);
    expect(counts).toEqual(['50', '50']);
  });

  it('lists latency events once the monitor is on', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/sl-2/slowlog`, () =>
        HttpResponse.json(slowLog([])),
      ),
      http.get(`${DBAAS_URL}/instances/sl-2/latency`, () =>
        HttpResponse.json({
          instanceId: 'sl-2',
          readAt: now(),
          thresholdMs: 5,
          events: [
            { event: 'command', latestAt: now(), latestMs: 52, maxMs: 61 },
          ],
        }),
      ),
    );
    await renderWithApis(<SlowLogCard instance={anInstance({ id: 'sl-2' })} />);
    const table = await screen.findByRole('table', { name: 'latency events' });
    expect(
      within(within(table).getAllByRole('row')[1])
        .getAllByRole('cell')
        .map(cell => cell.textContent),
    ).toEqual(['command', expect.stringMatching(/ago$/), '52 ms', '61 ms']);
    expect(screen.getByText('No slow commands.')).toBeVisible();
    expect(
      screen.getByText(/Events slower than 5 ms are recorded/),
    ).toBeVisible();
  });

  it('says why when the backend refuses', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/sl-3/slowlog`, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'Not allowed: dbaas.instance.read on instance orders-cache',
        ),
      ),
      http.get(`${DBAAS_URL}/instances/sl-3/latency`, () =>
        errorResponse(403, 'NotAllowedError', 'Not allowed'),
      ),
    );
    await renderWithApis(<SlowLogCard instance={anInstance({ id: 'sl-3' })} />);
    expect(
      (await screen.findAllByText(/Not allowed: dbaas.instance.read/))[0],
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'slow commands' }),
    ).not.toBeInTheDocument();
  });
});
