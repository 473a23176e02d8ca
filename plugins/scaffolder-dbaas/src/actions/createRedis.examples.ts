import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** @public */
export const examples: TemplateExample[] = [
  {
    description:
      'Creates a small Redis owned by the user running the task, with snapshots',
    example: `steps:
  - id: create-redis
    name: Create Redis
    action: dbaas:redis:create
    input:
      name: checkout-cache
      description: Cart sessions
      engine: redis
      version: 7.0.15
      platform: local
      region: local
      plan: small
`,
  },
  {
    description:
      'Creates a Valkey cache of 2 GiB for a team and system, evicting least recently used keys, without persistence',
    example: `steps:
  - id: create-redis
    name: Create Valkey
    action: dbaas:redis:create
    input:
      name: search-cache
      owner: group:default/team-b
      system: system:default/search
      engine: valkey
      version: 8.0.1
      platform: local
      region: local
      plan: custom
      memoryMb: 2048
      cpu: 2
      diskGb: 4
      persistence: none
      maxmemoryPolicy: allkeys-lru
`,
  },
  {
    description: 'Passes the values of a form, as the New Redis template does',
    example: `steps:
  - id: create-redis
    name: Create Redis
    action: dbaas:redis:create
    input:
      name: \${{ parameters.name }}
      owner: \${{ parameters.owner }}
      platform: \${{ parameters.placement.platform }}
      region: \${{ parameters.placement.region }}
      engine: \${{ parameters.engineVersion.engine }}
      version: \${{ parameters.engineVersion.version }}
      plan: \${{ parameters.plan }}
      memoryMb: \${{ parameters.memoryMb }}
      persistence: \${{ parameters.persistence }}
      maxmemoryPolicy: \${{ parameters.maxmemoryPolicy }}
output:
  links:
    - title: Open in catalog
      entityRef: \${{ steps['create-redis'].output.entityRef }}
  text:
    - title: Connection
      content: \${{ steps['create-redis'].output.url }}
`,
  },
  {
    description:
      'Creates a Redis whose patch upgrades are applied automatically on Sunday nights, India time',
    example: `steps:
  - id: create-redis
    name: Create Redis
    action: dbaas:redis:create
    input:
      name: payments-cache
      engine: redis
      version: 7.0.15
      platform: local
      region: local
      plan: small
      upgradeMode: auto-patch
      maintenanceWindow: Sundays 02:00-03:00 IST
`,
  },
  {
    description:
      "Creates a Redis that clients reach only over TLS, trusting the instance's own CA",
    example: `steps:
  - id: create-redis
    name: Create Redis
    action: dbaas:redis:create
    input:
      name: orders-cache
      engine: redis
      version: 7.0.15
      platform: local
      region: local
      plan: small
      tls: required
`,
  },
];
