import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Entity } from '@backstage/catalog-model';
import { renderTemplateForm } from '../../../__testUtils__/renderTemplateForm';

const schema = {
  type: 'object',
  properties: {
    owner: { title: 'Owner', type: 'string', 'ui:field': 'DbaasOwnerPicker' },
  },
};

function group(name: string, title: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title },
    spec: { type: 'team', children: [] },
  };
}

// alice is in team-a; the catalog also knows team-b, which she is not in.
const alice = {
  userEntityRef: 'user:default/alice',
  ownershipEntityRefs: ['user:default/alice', 'group:default/team-a'],
};
const entities = [group('team-a', 'Team A'), group('team-b', 'Team B')];

describe('DbaasOwnerPicker', () => {
  it('offers only the user and the groups they belong to', async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({ schema, identity: alice, entities, onCreate });

    await userEvent.click(await screen.findByLabelText(/Owner/));
    await waitFor(() =>
      expect(
        screen.getAllByRole('option').map(option => option.textContent),
      ).toEqual(['Team A', 'alice (you)']),
    );
    await userEvent.click(screen.getByRole('option', { name: 'Team A' }));
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    await userEvent.click(
      await screen.findByRole('button', { name: 'Create' }),
    );
    await waitFor(() =>
      expect(onCreate).toHaveBeenCalledWith({ owner: 'group:default/team-a' }),
    );
  });

  it("refuses, before the review, another team's group a restarted form still holds", async () => {
    const onCreate = jest.fn(async () => {});
    renderTemplateForm({
      schema,
      identity: alice,
      entities,
      onCreate,
      initialState: { owner: 'group:default/team-b' },
    });
    expect(
      await screen.findByText('group:default/team-b is not one of your groups'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(
      (
        await screen.findAllByText(
          'You can create instances only for owners you belong to: group:default/team-b is not one of yours (user:default/alice, group:default/team-a)',
        )
      ).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
    expect(onCreate).not.toHaveBeenCalled();
  });
});
