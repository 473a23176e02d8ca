import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  resourceEntityV1alpha1Validator,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { dbaasEntityRef } from '@justmanage/plugin-dbaas-common';
import { sampleInstance } from '../__testUtils__/fakeDbaasApi';
import { instanceToEntity } from './instanceToEntity';

const urls = {
  appBaseUrl: 'http://localhost:3000',
  dbaasBaseUrl: 'http://localhost:7007/api/dbaas',
};

/** The checks the catalog itself runs on every entity it ingests. */
async function expectAcceptedByCatalog(entity: Entity) {
  const policy = EntityPolicies.allOf([
    new DefaultNamespaceEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
    new FieldFormatEntityPolicy(),
    new SchemaValidEntityPolicy(),
  ]);
  await expect(policy.enforce(entity)).resolves.toBeDefined();
  await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
    true,
  );
}

describe('instanceToEntity', () => {
  it('describes an instance as a Resource the catalog accepts', async () => {
    const entity = instanceToEntity(sampleInstance(), urls);

    expect(entity).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'checkout-cache',
        namespace: 'default',
        title: 'checkout-cache',
        description: 'Cart sessions',
        tags: ['dbaas', 'redis'],
        annotations: {
          'justmanage.io/instance-id': '3f1c2a9e-8d5b-4c7a-9e21-0b6d4f3a1c11',
          'justmanage.io/platform': 'local',
          'justmanage.io/region': 'local',
          'justmanage.io/engine-version': 'redis 7.0.15',
          'backstage.io/managed-by-location':
            'url:http://localhost:7007/api/dbaas/instances/3f1c2a9e-8d5b-4c7a-9e21-0b6d4f3a1c11',
          'backstage.io/managed-by-origin-location':
            'url:http://localhost:7007/api/dbaas/instances/3f1c2a9e-8d5b-4c7a-9e21-0b6d4f3a1c11',
        },
        links: [
          {
            url: 'http://localhost:3000/catalog/default/resource/checkout-cache/redis',
            title: 'Redis',
          },
        ],
      },
      spec: {
        type: 'redis',
        owner: 'group:default/team-a',
        system: 'system:default/checkout',
      },
    });
    await expectAcceptedByCatalog(entity);
  });

  it('is the entity that dbaasEntityRef names', () => {
    const entity = instanceToEntity(sampleInstance(), urls);
    expect(stringifyEntityRef(entity)).toBe(dbaasEntityRef('checkout-cache'));
  });

  it('leaves out the system and an empty description', async () => {
    const entity = instanceToEntity(
      sampleInstance({
        engine: 'valkey',
        version: '8.0.1',
        description: '',
        system: undefined,
        owner: 'user:default/alice',
      }),
      urls,
    );

    expect(entity.spec).toEqual({
      type: 'valkey',
      owner: 'user:default/alice',
    });
    expect(entity.metadata.description).toBeUndefined();
    expect(entity.metadata.annotations?.['justmanage.io/engine-version']).toBe(
      'valkey 8.0.1',
    );
    await expectAcceptedByCatalog(entity);
  });
});
