import { screen } from '@testing-library/react';
import { anInstance } from './__testUtils__/fixtures';
import { renderWithApis } from './__testUtils__/renderWithApis';
import { OverviewCard } from './OverviewCard';

function rowOf(title: string): HTMLElement {
  return screen.getByText(title).closest('tr')!;
}

describe('OverviewCard', () => {
  it('shows status, health age, uptime and the instance settings', async () => {
    const checkedAt = new Date(Date.now() - 12_000).toISOString();
    await renderWithApis(
      <OverviewCard
        instance={anInstance({
          health: {
            up: true,
            checkedAt,
            usedMemoryBytes: 1.5 * 1024 * 1024,
            uptimeSeconds: 3 * 86_400 + 4 * 3_600,
          },
        })}
      />,
    );

    expect(rowOf('Status')).toHaveTextContent(
      /Up\s*checked 1[2-4] seconds ago/,
    );
    expect(rowOf('Process uptime')).toHaveTextContent('3d 4h');
    expect(rowOf('Engine')).toHaveTextContent('Redis 7.2.4');
    expect(rowOf('Platform')).toHaveTextContent('local');
    expect(rowOf('Region')).toHaveTextContent('eu-1');
    expect(rowOf('Memory')).toHaveTextContent('256 MiB (1.5 MiB used)');
    expect(rowOf('CPU')).toHaveTextContent('0.5 cores');
    expect(rowOf('Disk')).toHaveTextContent('2 GiB');
    expect(rowOf('Persistence')).toHaveTextContent('Append-only file');
    expect(rowOf('Eviction policy')).toHaveTextContent('allkeys-lru');
    expect(rowOf('TLS')).toHaveTextContent(/^TLSoff$/);
    expect(screen.getByRole('link', { name: /team-a/ })).toHaveAttribute(
      'href',
      '/catalog/default/group/team-a',
    );
    expect(
      screen.getByText('Cache for the orders service'),
    ).toBeInTheDocument();
  });

  it('says when clients must connect over TLS', async () => {
    await renderWithApis(
      <OverviewCard instance={anInstance({ tls: 'required' })} />,
    );
    expect(rowOf('TLS')).toHaveTextContent(/^TLSrequired$/);
  });

  it('says Down with the reason when the last health check failed', async () => {
    await renderWithApis(
      <OverviewCard
        instance={anInstance({
          health: {
            up: false,
            checkedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
            error: 'connect ECONNREFUSED',
          },
        })}
      />,
    );
    expect(rowOf('Status')).toHaveTextContent(
      /Down\s*checked 5 minutes ago: connect ECONNREFUSED/,
    );
    expect(rowOf('Process uptime')).toHaveTextContent('—');
    expect(rowOf('Memory')).toHaveTextContent(/^Memory256 MiB$/);
  });

  it('shows a provisioning instance that was never checked', async () => {
    await renderWithApis(
      <OverviewCard
        instance={anInstance({
          status: 'provisioning',
          health: undefined,
          endpoints: [],
        })}
      />,
    );
    expect(rowOf('Status')).toHaveTextContent(/Provisioning\s*not checked yet/);
  });
});
