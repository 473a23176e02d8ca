import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { platforms } from '../../../__testUtils__/fixtures';
import { platformsHandler } from '../../../__testUtils__/handlers';
import { renderTemplateForm } from '../../../__testUtils__/renderTemplateForm';

const server = setupServer();
registerMswTestHooks(server);

function optionsOf(select: HTMLElement) {
  return within(select)
    .getAllByRole('option')
    .map(option => option.textContent);
}

const location = {
  title: 'Where it runs',
  type: 'object',
  'ui:field': 'DbaasPlatformRegionPicker',
};
const engine = {
  title: 'Engine and version',
  type: 'object',
  'ui:field': 'DbaasVersionPicker',
};

describe('DbaasVersionPicker', () => {
  beforeEach(() => server.use(platformsHandler(platforms)));

  it('offers the engines of the first platform until one is chosen', async () => {
    renderTemplateForm({
      schema: { type: 'object', properties: { location, engine } },
    });

    const engineSelect = await screen.findByLabelText(/Engine/);
    await waitFor(() =>
      expect(optionsOf(engineSelect)).toEqual(['Choose an engine', 'redis']),
    );
    expect(screen.getByLabelText(/Version/)).toBeDisabled();
  });

  it('chooses the only engine and version for the user when required', async () => {
    renderTemplateForm({
      schema: {
        type: 'object',
        required: ['engine'],
        properties: { location, engine },
      },
    });

    await waitFor(() =>
      expect(screen.getByLabelText(/Engine/)).toHaveValue('redis'),
    );
    expect(screen.getByLabelText(/Version/)).toHaveValue('7.2.4');
  });

  it('starts a required choice on the first engine and its newest version when there are several', async () => {
    renderTemplateForm({
      schema: {
        type: 'object',
        required: ['engine'],
        properties: {
          where: { type: 'string', title: 'Platform id' },
          engine: { ...engine, 'ui:options': { platformField: 'where' } },
        },
      },
      initialState: { where: 'k8s' },
    });

    await waitFor(() =>
      expect(screen.getByLabelText(/Engine/)).toHaveValue('redis'),
    );
    expect(optionsOf(screen.getByLabelText(/Engine/))).toEqual([
      'Choose an engine',
      'redis',
      'valkey',
    ]);
    expect(screen.getByLabelText(/Version/)).toHaveValue('7.2.4');
  });

  it('offers the engines and versions of the platform chosen in the form', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({
      schema: { type: 'object', properties: { location, engine } },
      onCreate,
    });

    const platformSelect = await screen.findByLabelText(/Platform/);
    await waitFor(() =>
      expect(optionsOf(platformSelect)).toContain('Kubernetes'),
    );
    await userEvent.selectOptions(platformSelect, 'k8s');
    await userEvent.selectOptions(screen.getByLabelText(/Region/), 'eu-west');

    const engineSelect = screen.getByLabelText(/Engine/);
    expect(optionsOf(engineSelect)).toEqual([
      'Choose an engine',
      'redis',
      'valkey',
    ]);
    await userEvent.selectOptions(engineSelect, 'redis');
    const versionSelect = screen.getByLabelText(/Version/);
    expect(optionsOf(versionSelect)).toEqual([
      'Choose a version',
      '7.0.15',
      '7.2.4',
    ]);
    // the newest is chosen for the user; an older one stays one click away
    expect(versionSelect).toHaveValue('7.2.4');
    await userEvent.selectOptions(versionSelect, '7.0.15');

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({
      location: { platform: 'k8s', region: 'eu-west' },
      engine: { engine: 'redis', version: '7.0.15' },
    });
  });

  it('reads the platform from the field named by ui:options platformField', async () => {
    renderTemplateForm({
      schema: {
        type: 'object',
        properties: {
          where: { type: 'string', title: 'Platform id' },
          engine: { ...engine, 'ui:options': { platformField: 'where' } },
        },
      },
      initialState: { where: 'k8s' },
    });

    const engineSelect = await screen.findByLabelText(/Engine/);
    await waitFor(() =>
      expect(optionsOf(engineSelect)).toEqual([
        'Choose an engine',
        'redis',
        'valkey',
      ]),
    );
  });

  it('names the rule when the version is not offered by the chosen platform', async () => {
    renderTemplateForm({
      schema: { type: 'object', properties: { location, engine } },
      initialState: {
        location: { platform: 'local', region: 'eu-1' },
        engine: { engine: 'redis', version: '7.0.15' },
      },
    });

    await waitFor(() =>
      expect(optionsOf(screen.getByLabelText(/Engine/))).toContain('redis'),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          /The version must be one platform "Local processes" offers for redis: 7.2.4/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();
  });

  it('names the rule when the version is missing', async () => {
    renderTemplateForm({
      schema: { type: 'object', properties: { location, engine } },
      initialState: { engine: { engine: 'valkey', version: '' } },
    });

    await screen.findByLabelText(/Engine/);
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          /A version is required: choose a version of valkey/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});
