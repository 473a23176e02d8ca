import { SidebarItem } from '@backstage/core-components';
import { NavContentNavItem } from '@backstage/plugin-app-react';

/**
 * One page in the sidebar. /dbaas/status lies under /dbaas: without `end`
 * both Redis items would light up on the status page.
 */
export function NavItem(
  props: Pick<NavContentNavItem, 'href' | 'title' | 'icon'>,
) {
  const { href, title, icon } = props;
  return (
    <SidebarItem
      icon={() => icon}
      to={href}
      text={title}
      end={href === '/dbaas'}
    />
  );
}
