import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { makeInstance } from '../../../__testUtils__/fixtures';
import { instancesHandler } from '../../../__testUtils__/handlers';
import { renderTemplateForm } from '../../../__testUtils__/renderTemplateForm';

const server = setupServer();
registerMswTestHooks(server);

const schema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { title: 'Name', type: 'string', 'ui:field': 'DbaasInstanceName' },
  },
};

const RULE =
  '1 to 40 characters: lower-case letters, digits and hyphens, starting with a letter and ending with a letter or a digit';

describe('DbaasInstanceName', () => {
  const queries: URLSearchParams[] = [];
  beforeEach(() => {
    queries.length = 0;
    server.use(
      instancesHandler([makeInstance({ name: 'orders-cache' })], queries),
    );
  });

  it('says the rule in words and what breaks it as the user types', async () => {
    renderTemplateForm({ schema });
    const name = await screen.findByLabelText(/Name/);
    expect(screen.getByText(RULE)).toBeInTheDocument();

    await userEvent.type(name, '9lives');
    expect(
      screen.getByText(`Must be ${RULE}; it starts with "9"`),
    ).toBeInTheDocument();

    await userEvent.clear(name);
    await userEvent.type(name, 'Lives');
    expect(
      screen.getByText(`Must be ${RULE}; "L" is an upper-case letter`),
    ).toBeInTheDocument();
  });

  it('refuses a name against the rule before the review, and asks nothing', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, onCreate });
    await userEvent.type(await screen.findByLabelText(/Name/), 'cache-');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    expect(
      await screen.findByText(
        `The name must be ${RULE}; it ends with a hyphen`,
        { selector: 'li *, li' },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    expect(queries).toEqual([]);
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('refuses a name that is taken, asking the API for it', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, onCreate });
    const name = await screen.findByLabelText(/Name/);
    await userEvent.type(name, 'orders-cache');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));

    expect(
      (
        await screen.findAllByText(
          'The name "orders-cache" is taken: an instance with this name exists already; choose another one',
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(queries.map(q => q.get('name'))).toEqual(['orders-cache']);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();

    await userEvent.clear(name);
    await userEvent.type(name, 'orders-cache-2');
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({ name: 'orders-cache-2' }),
    );
  });
});
