import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/test-utils';
import {
  DEFAULT_ALERT_RULES,
  dbaasInstanceUpdatePermission,
  mergeAlertRules,
} from '@justmanage/plugin-dbaas-common';
import {
  DBAAS_URL,
  errorResponse,
  permissionAnswered,
  permissionHandler,
} from '../__testUtils__/backend';
import { anInstance } from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { monitoringHandlers } from '../../StatusPage/__testUtils__/monitoringHandlers';
import { anAlert } from '../../StatusPage/__testUtils__/monitoringFixtures';
import { AlertsCard } from './AlertsCard';

const server = setupServer();
registerMswTestHooks(server);

// Permission decisions are cached per instance: each test has its own.
const instance = anInstance({ id: 'ac-1' });
const alerts = [
  anAlert({
    id: 'a1',
    instanceId: instance.id,
    rule: 'memory',
    message: 'memory at 91 % of maxmemory (threshold 80 %)',
  }),
  anAlert({
    id: 'a2',
    instanceId: instance.id,
    rule: 'down',
    state: 'resolved',
    message: 'answering health checks',
    resolvedAt: new Date(Date.now() - 3_600_000).toISOString(),
  }),
];

describe('AlertsCard', () => {
  it('lists firing alerts first, then the resolved ones', async () => {
    server.use(permissionHandler([]), ...monitoringHandlers({ alerts }));
    await renderWithApis(<AlertsCard instance={instance} />);
    const items = await screen.findAllByRole('listitem');
    expect(items[0]).toHaveTextContent(
      /Firing: memory at 91 % of maxmemory \(threshold 80 %\)since 11 minutes ago/,
    );
    expect(items[1]).toHaveTextContent(
      /Resolved: down alertanswering health checks; cleared 1 hour ago/,
    );
  });

  it('lets someone who may update the instance change a threshold, checking it first', async () => {
    const saved: Record<string, any>[] = [];
    // the backend keeps what was saved, as the real one does
    const settings = () => {
      const overrides = saved[saved.length - 1] ?? {};
      return {
        rules: mergeAlertRules(DEFAULT_ALERT_RULES, overrides),
        defaults: DEFAULT_ALERT_RULES,
        overrides,
      };
    };
    server.use(
      permissionHandler([dbaasInstanceUpdatePermission.name]),
      http.put(
        `${DBAAS_URL}/instances/:id/alert-rules`,
        async ({ request }) => {
          saved.push((await request.json()) as Record<string, any>);
          return HttpResponse.json(settings());
        },
      ),
      http.get(`${DBAAS_URL}/instances/:id/alert-rules`, () =>
        HttpResponse.json(settings()),
      ),
      ...monitoringHandlers({ alerts: [] }),
    );
    await renderWithApis(<AlertsCard instance={anInstance({ id: 'ac-2' })} />);
    expect(await screen.findByText('No alert is firing.')).toBeInTheDocument();

    const memory = await screen.findByRole('spinbutton', {
      name: 'Memory threshold (%)',
    });
    await waitFor(() => expect(memory).toBeEnabled());
    const save = screen.getByRole('button', { name: 'Save alert rules' });
    expect(memory).toHaveValue(80);
    expect(save).toBeDisabled();

    await userEvent.clear(memory);
    await userEvent.type(memory, '150');
    expect(
      screen.getByText('Memory threshold (%) must be between 1 and 100'),
    ).toBeInTheDocument();
    expect(save).toBeDisabled();

    await userEvent.clear(memory);
    await userEvent.type(memory, '90');
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'CPU alert on' }),
    );
    expect(
      screen.getByRole('spinbutton', { name: 'CPU threshold (%)' }),
    ).toBeDisabled();
    await userEvent.click(save);

    expect(await screen.findByText('Alert rules saved.')).toBeInTheDocument();
    expect(saved).toEqual([
      { memory: { thresholdPercent: 90 }, cpu: { enabled: false } },
    ]);
    // what was saved is what is in force: nothing left to save
    await waitFor(() => expect(save).toBeDisabled());
  });

  it('shows the reason when the backend refuses', async () => {
    server.use(
      permissionHandler([dbaasInstanceUpdatePermission.name]),
      http.put(`${DBAAS_URL}/instances/:id/alert-rules`, () =>
        errorResponse(
          403,
          'NotAllowedError',
          'Not allowed: dbaas.instance.update on instance orders-cache',
        ),
      ),
      ...monitoringHandlers(),
    );
    await renderWithApis(<AlertsCard instance={anInstance({ id: 'ac-3' })} />);
    const down = await screen.findByRole('spinbutton', {
      name: 'Failed checks in a row',
    });
    await waitFor(() => expect(down).toBeEnabled());
    await userEvent.clear(down);
    await userEvent.type(down, '3');
    await userEvent.click(
      screen.getByRole('button', { name: 'Save alert rules' }),
    );
    expect(
      await screen.findByText(
        'Request failed with 403 Forbidden: Not allowed: dbaas.instance.update on instance orders-cache',
      ),
    ).toBeInTheDocument();
  });

  it('shows the thresholds read-only to everyone else', async () => {
    const asked: string[] = [];
    server.use(
      permissionHandler([], asked),
      ...monitoringHandlers({
        rules: {
          rules: mergeAlertRules(DEFAULT_ALERT_RULES, {
            down: { consecutiveChecks: 4 },
          }),
          defaults: DEFAULT_ALERT_RULES,
          overrides: { down: { consecutiveChecks: 4 } },
        },
      }),
    );
    await renderWithApis(<AlertsCard instance={anInstance({ id: 'ac-4' })} />);
    const down = await screen.findByRole('spinbutton', {
      name: 'Failed checks in a row',
    });
    await permissionAnswered(asked, dbaasInstanceUpdatePermission.name);
    expect(down).toHaveValue(4);
    expect(down).toBeDisabled();
    expect(
      screen.getByRole('checkbox', { name: 'Memory alert on' }),
    ).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Save alert rules' }),
    ).toBeNull();
    expect(
      screen.getByText(
        'Only those who may change this instance can edit its alert rules.',
      ),
    ).toBeInTheDocument();
  });
});
