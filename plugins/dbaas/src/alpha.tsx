import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import StorageIcon from '@material-ui/icons/Storage';
import { dbaasApi } from './alpha/apis';
import { entityDbaasContent } from './alpha/entityContents';
import {
  dbaasInstanceNameField,
  dbaasOwnerPickerField,
  dbaasPlatformRegionPickerField,
  dbaasResourcesPickerField,
  dbaasUpgradePolicyPickerField,
  dbaasVersionPickerField,
} from './alpha/formFieldExtensions';
import { dbaasPage, dbaasStatusPage } from './alpha/pages';
import { rootRouteRef, statusPageRouteRef } from './routes';

/**
 * The dbaas plugin for apps of the new frontend system. Its title and icon
 * are the fleet page's header and nav item.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'dbaas',
  title: 'Redis',
  icon: <StorageIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    status: statusPageRouteRef,
  },
  extensions: [
    dbaasApi,
    dbaasPage,
    dbaasStatusPage,
    entityDbaasContent,
    dbaasPlatformRegionPickerField,
    dbaasVersionPickerField,
    dbaasInstanceNameField,
    dbaasOwnerPickerField,
    dbaasResourcesPickerField,
    dbaasUpgradePolicyPickerField,
  ],
});
