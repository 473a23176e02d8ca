import { screen, within } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { monitoringHandlers } from '../../StatusPage/__testUtils__/monitoringHandlers';
import { anIncident } from '../../StatusPage/__testUtils__/monitoringFixtures';
import { AvailabilityCard } from './AvailabilityCard';

const server = setupServer();
registerMswTestHooks(server);

const rowOf = (title: string) => screen.getByText(title).closest('tr')!;

describe('AvailabilityCard', () => {
  it('shows down now, the uptimes and the incidents with their start, end and duration', async () => {
    const ended = anIncident({
      id: '1',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:04:30.000Z',
      durationSeconds: 270,
      failedChecks: 27,
      error: 'connect ECONNREFUSED',
    });
    const open = anIncident({
      id: '2',
      startedAt: new Date(Date.now() - 125_000).toISOString(),
      durationSeconds: 125,
      failedChecks: 12,
      error: 'Connection is closed.',
    });
    server.use(
      ...monitoringHandlers({
        availability: {
          up: false,
          since: open.startedAt,
          uptime24h: 99.5,
          uptime7d: 99.9285,
          openIncident: open,
          incidents: [open, ended],
        },
      }),
    );
    await renderWithApis(<AvailabilityCard instance={anInstance()} />);

    expect(await screen.findByText('Uptime 24 h')).toBeInTheDocument();
    expect(rowOf('Now')).toHaveTextContent(/Down for 2m \d+s/);
    expect(rowOf('Now')).toHaveTextContent(
      `Failing the health checks since ${new Date(
        open.startedAt,
      ).toLocaleString()}.`,
    );
    expect(rowOf('Uptime 24 h')).toHaveTextContent('99.50 %');
    expect(rowOf('Uptime 7 d')).toHaveTextContent('99.92 %');

    const rows = within(screen.getByRole('table', { name: 'Incidents' }))
      .getAllByRole('row')
      .slice(1);
    expect(rows[0]).toHaveTextContent(
      /ongoing\s*2m 5s\s*12\s*Connection is closed\./,
    );
    expect(rows[1]).toHaveTextContent(
      new Date('2026-03-01T10:04:30.000Z').toLocaleString(),
    );
    expect(rows[1]).toHaveTextContent(/4m 30s\s*27\s*connect ECONNREFUSED/);
  });

  it('says when there were no incidents', async () => {
    server.use(
      ...monitoringHandlers({
        availability: {
          up: true,
          since: new Date(Date.now() - 3 * 86_400_000).toISOString(),
          uptime24h: 100,
          uptime7d: 100,
          incidents: [],
        },
      }),
    );
    await renderWithApis(<AvailabilityCard instance={anInstance()} />);
    expect(
      await screen.findByText('No incidents in the last 7 days.'),
    ).toBeInTheDocument();
    expect(rowOf('Now')).toHaveTextContent('Up for 3d');
    // not the process uptime: a restart between two checks leaves it
    expect(rowOf('Now')).toHaveTextContent(
      /Answering every health check since .+\. A restart between two checks does not reset this, unlike the Overview's process uptime\./,
    );
    expect(rowOf('Uptime 7 d')).toHaveTextContent('100 %');
  });
});
