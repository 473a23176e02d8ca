import { registerMswTestHooks } from '@backstage/test-utils';
import {
  MetricName,
  MetricSeriesResponse,
} from '@justmanage/plugin-dbaas-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DBAAS_URL, errorResponse } from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { MetricsSection } from './MetricsSection';

const server = setupServer();
registerMswTestHooks(server);

const MiB = 1024 * 1024;

/** Three points a minute apart ending now, the last one with `last`. */
function series(
  from: number,
  to: number,
  values: Partial<Record<MetricName, [number, number, number]>>,
): MetricSeriesResponse {
  const times = [to - 120_000, to - 60_000, to];
  return {
    instanceId: 'inst-1',
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    stepSeconds: 15,
    resolution: 'raw',
    series: Object.entries(values).map(([metric, v]) => ({
      metric: metric as MetricName,
      points: v!.map((avg, i) => ({
        time: new Date(times[i]).toISOString(),
        min: avg,
        avg,
        max: avg,
      })),
    })),
  };
}

/** Answers like the backend, and records what was asked. */
function metricsHandler(
  asked: URLSearchParams[],
  values: Partial<Record<MetricName, [number, number, number]>>,
) {
  return http.get(`${DBAAS_URL}/instances/inst-1/metrics`, ({ request }) => {
    const query = new URL(request.url).searchParams;
    asked.push(query);
    return HttpResponse.json(
      series(
        Date.parse(query.get('from')!),
        Date.parse(query.get('to')!),
        values,
      ),
    );
  });
}

const figure = (name: string) => screen.getByRole('figure', { name });
/** The figures above a chart, apart from its axis labels. */
const caption = (name: string) =>
  within(figure(name).querySelector('figcaption')!);

describe('MetricsSection', () => {
  it('charts the last hour with the newest figures, and other ranges on request', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      metricsHandler(asked, {
        cpu_percent: [5, 20, 12.5],
        memory_used_bytes: [MiB, MiB, 1.5 * MiB],
        memory_max_bytes: [16 * MiB, 16 * MiB, 16 * MiB],
        ops_per_sec: [100, 2000, 1500],
        connected_clients: [3, 4, 4],
        keys: [10, 90, 100],
        expiring_keys: [0, 20, 40],
        hit_ratio: [0.5, 0.7, 0.75],
        evictions_per_sec: [0, 0, 2],
        net_in_bytes_per_sec: [512, 1024, 1024],
        net_out_bytes_per_sec: [1024, 2048, 2048],
      }),
    );
    await renderWithApis(<MetricsSection instance={anInstance()} />);

    await waitFor(() =>
      expect(caption('CPU').getByText('12.5 %')).toBeInTheDocument(),
    );
    expect(
      caption('Memory').getByText('1.5 MiB of 16 MiB'),
    ).toBeInTheDocument();
    expect(caption('Operations').getByText('1.5K/s')).toBeInTheDocument();
    expect(caption('Connected clients').getByText('4')).toBeInTheDocument();
    expect(
      caption('Keys').getByText('keys 100 · expiring 40'),
    ).toBeInTheDocument();
    expect(caption('Hit ratio').getByText('75 %')).toBeInTheDocument();
    expect(caption('Evictions').getByText('evicted 2/s')).toBeInTheDocument();
    expect(
      caption('Network').getByText('in 1 KiB/s · out 2 KiB/s'),
    ).toBeInTheDocument();
    // no disk figures came back: that chart says so instead of drawing zero
    expect(
      within(figure('Disk')).getByText('No data in this range'),
    ).toBeInTheDocument();
    // the lines are drawn: memory used, and maxmemory dashed
    expect(
      figure('Memory').querySelectorAll('path.recharts-line-curve'),
    ).toHaveLength(2);
    expect(
      figure('CPU')
        .querySelector('path.recharts-line-curve')
        ?.getAttribute('d'),
    ).toMatch(/^M/);

    const first = asked[0];
    expect(first.get('metric')!.split(',')).toEqual(
      expect.arrayContaining([
        'cpu_percent',
        'memory_used_bytes',
        'memory_max_bytes',
        'disk_used_bytes',
        'net_out_bytes_per_sec',
      ]),
    );
    const span = (q: URLSearchParams) =>
      Date.parse(q.get('to')!) - Date.parse(q.get('from')!);
    expect(span(first)).toBe(3_600_000);

    await userEvent.click(screen.getByRole('button', { name: '7 d' }));
    await waitFor(() => expect(asked.length).toBeGreaterThan(1));
    expect(span(asked.at(-1)!)).toBe(7 * 86_400_000);
    expect(screen.getByRole('button', { name: '7 d' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('says when nothing was collected yet', async () => {
    server.use(metricsHandler([], {}));
    await renderWithApis(<MetricsSection instance={anInstance()} />);
    expect(
      await screen.findByText(/No metrics collected in this range yet/),
    ).toBeInTheDocument();
  });

  it('shows the error when the series cannot be read', async () => {
    server.use(
      http.get(`${DBAAS_URL}/instances/inst-1/metrics`, () =>
        errorResponse(403, 'NotAllowedError', 'not allowed to read inst-1'),
      ),
    );
    await renderWithApis(<MetricsSection instance={anInstance()} />);
    expect(
      await screen.findByText('Error: Request failed with 403 Forbidden'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/not allowed to read inst-1/).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
