import { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { DbaasApiClient } from '@justmanage/plugin-dbaas-common';

/**
 * The dbaas backend as other backend plugins see it: its REST API through
 * the generated client.
 *
 * The client acts for the credentials it was made for: the dbaas backend
 * checks its permissions against the principal they name, so a scaffolder
 * task acting for a user can do no more than that user could.
 * @public
 */
export interface DbaasService {
  forCredentials(credentials: BackstageCredentials): DbaasApiClient;
}
