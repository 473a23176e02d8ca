import { SignInPage } from '@backstage/core-components';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

// Guest sign-in: the example needs no identity provider. The backend maps
// the guest to user:default/guest (see app-config.yaml).
const guestSignInPage = SignInPageBlueprint.make({
  params: {
    // auto: a page reload signs in again from the session cookie
    loader: async () => props =>
      <SignInPage {...props} auto providers={['guest']} />,
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [guestSignInPage],
});
