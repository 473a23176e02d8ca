import { Sidebar } from '@backstage/core-components';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { NavItem } from './NavItem';

describe('NavItem', () => {
  it.each([
    ['/dbaas/status', 'Redis status'],
    ['/dbaas', 'Redis'],
    ['/catalog/default/resource/orders', 'Catalog'],
  ])('on %s only "%s" is marked as the current page', async (path, current) => {
    await renderInTestApp(
      <Sidebar>
        <NavItem href="/catalog" title="Catalog" icon={<span />} />
        <NavItem href="/dbaas" title="Redis" icon={<span />} />
        <NavItem href="/dbaas/status" title="Redis status" icon={<span />} />
      </Sidebar>,
      { initialRouteEntries: [path] },
    );
    const marked = screen
      .getAllByRole('link')
      .filter(link => link.getAttribute('aria-current') === 'page')
      .map(link => link.getAttribute('aria-label'));
    expect(marked).toEqual([current]);
  });
});
