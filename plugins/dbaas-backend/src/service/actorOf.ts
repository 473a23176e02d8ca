import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who asked, as recorded on operations and events. */
export function actorOf(credentials: BackstageCredentials): string {
  const p = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
  };
  return p.type === 'user' ? p.userEntityRef! : `service:${p.subject}`;
}
