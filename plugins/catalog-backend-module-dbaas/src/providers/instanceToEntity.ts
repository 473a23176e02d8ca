import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import {
  DBAAS_ENGINE_VERSION_ANNOTATION,
  DBAAS_INSTANCE_ID_ANNOTATION,
  DBAAS_PLATFORM_ANNOTATION,
  DBAAS_REGION_ANNOTATION,
  Instance,
} from '@justmanage/plugin-dbaas-common';

/**
 * Where the entity's links and location annotations point.
 * @public
 */
export interface InstanceEntityUrls {
  /** `app.baseUrl`: the Redis tab lives in the frontend. */
  appBaseUrl: string;
  /** The external base URL of the dbaas backend, such as `https://backstage.example.com/api/dbaas`. */
  dbaasBaseUrl: string;
}

/**
 * The catalog's view of an instance: a `Resource` whose type is the engine,
 * so catalog filters by type tell Redis from Valkey.
 * @public
 */
export function instanceToEntity(
  instance: Instance,
  urls: InstanceEntityUrls,
): ResourceEntity {
  // The API URL of the instance is where the entity comes from: the catalog
  // shows it as the entity's source and uses it to tell providers apart.
  const location = `url:${urls.dbaasBaseUrl}/instances/${encodeURIComponent(
    instance.id,
  )}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: instance.name,
      namespace: 'default',
      title: instance.name,
      ...(instance.description ? { description: instance.description } : {}),
      tags: ['dbaas', instance.engine],
      annotations: {
        [DBAAS_INSTANCE_ID_ANNOTATION]: instance.id,
        [DBAAS_PLATFORM_ANNOTATION]: instance.platform,
        [DBAAS_REGION_ANNOTATION]: instance.region,
        [DBAAS_ENGINE_VERSION_ANNOTATION]: `${instance.engine} ${instance.version}`,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      },
      links: [
        {
          url: `${urls.appBaseUrl}/catalog/default/resource/${instance.name}/redis`,
          title: 'Redis',
        },
      ],
    },
    spec: {
      type: instance.engine,
      owner: instance.owner,
      ...(instance.system ? { system: instance.system } : {}),
    },
  };
}
