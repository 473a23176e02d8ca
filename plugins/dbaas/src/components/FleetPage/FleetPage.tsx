import { Header, Page } from '@backstage/core-components';
import { FleetContent } from './FleetContent';

/** The fleet page with its own header, for apps of the legacy frontend system. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header title="Redis" subtitle="Managed Redis and Valkey instances" />
      <FleetContent />
    </Page>
  );
}
