import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDbaasAvailable } from '../components/EntityDbaasContent/isDbaasAvailable';

export const entityDbaasContent = EntityContentBlueprint.make({
  name: 'redis',
  params: {
    path: 'redis',
    title: 'Redis',
    filter: isDbaasAvailable,
    loader: () =>
      import('../components/EntityDbaasContent').then(m => (
        <m.EntityDbaasContent />
      )),
  },
});
