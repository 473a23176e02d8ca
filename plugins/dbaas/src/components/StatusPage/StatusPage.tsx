import { Header, Page } from '@backstage/core-components';
import { StatusContent } from './StatusContent';

/** The status page with its own header, for apps of the legacy frontend system. */
export function StatusPage() {
  return (
    <Page themeId="tool">
      <Header title="Redis status" subtitle="Availability of every instance" />
      <StatusContent />
    </Page>
  );
}
