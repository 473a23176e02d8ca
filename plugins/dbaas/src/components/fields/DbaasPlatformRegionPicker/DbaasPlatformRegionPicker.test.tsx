import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { platforms } from '../../../__testUtils__/fixtures';
import { platformsHandler } from '../../../__testUtils__/handlers';
import { renderTemplateForm } from '../../../__testUtils__/renderTemplateForm';

const server = setupServer();
registerMswTestHooks(server);

const schema = {
  type: 'object',
  required: ['location'],
  properties: {
    location: {
      title: 'Where it runs',
      type: 'object',
      'ui:field': 'DbaasPlatformRegionPicker',
    },
  },
};

function optionsOf(select: HTMLElement) {
  return within(select)
    .getAllByRole('option')
    .map(option => option.textContent);
}

describe('DbaasPlatformRegionPicker', () => {
  beforeEach(() => server.use(platformsHandler(platforms)));

  it('offers the platforms and then the regions of the chosen one', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, onCreate });

    expect(await screen.findByText('Where it runs')).toBeInTheDocument();
    const platform = screen.getByLabelText(/Platform/);
    await waitFor(() =>
      expect(optionsOf(platform)).toEqual([
        'Choose a platform',
        'Local processes',
        'Kubernetes',
      ]),
    );
    const region = screen.getByLabelText(/Region/);
    expect(region).toBeDisabled();

    await userEvent.selectOptions(platform, 'k8s');
    expect(region).toBeEnabled();
    expect(optionsOf(region)).toEqual([
      'Choose a region',
      'eu-west',
      'us-east',
    ]);
    await userEvent.selectOptions(region, 'us-east');

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({
      location: { platform: 'k8s', region: 'us-east' },
    });
  });

  it('chooses the only region of a platform for the user', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, onCreate });

    const platform = await screen.findByLabelText(/Platform/);
    await waitFor(() =>
      expect(optionsOf(platform)).toContain('Local processes'),
    );
    await userEvent.selectOptions(platform, 'local');
    expect(screen.getByLabelText(/Region/)).toHaveValue('eu-1');

    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    expect(onCreate).toHaveBeenCalledWith({
      location: { platform: 'local', region: 'eu-1' },
    });
  });

  it('names the rule when the region is missing', async () => {
    renderTemplateForm({ schema });

    const platform = await screen.findByLabelText(/Platform/);
    await waitFor(() => expect(optionsOf(platform)).toContain('Kubernetes'));
    await userEvent.selectOptions(platform, 'k8s');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    expect(
      (
        await screen.findAllByText(
          /A region is required: choose a region of platform "k8s"/,
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(
      screen.queryByRole('button', { name: 'Create' }),
    ).not.toBeInTheDocument();
  });

  it('names the rule when the region is not offered by the platform', async () => {
    renderTemplateForm({
      schema,
      initialState: { location: { platform: 'k8s', region: 'mars-1' } },
    });

    const platform = await screen.findByLabelText(/Platform/);
    await waitFor(() => expect(optionsOf(platform)).toContain('Kubernetes'));
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    expect(
      (
        await screen.findAllByText(
          /The region must be one of platform "Kubernetes": eu-west, us-east/,
        )
      ).length,
    ).toBeGreaterThan(0);
  });
});
