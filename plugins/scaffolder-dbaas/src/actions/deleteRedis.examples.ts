import { TemplateExample } from '@backstage/plugin-scaffolder-node';

/** @public */
export const examples: TemplateExample[] = [
  {
    description: 'Deletes an instance by name and waits until it is gone',
    example: `steps:
  - id: delete-redis
    name: Delete Redis
    action: dbaas:redis:delete
    input:
      name: checkout-cache
`,
  },
  {
    description:
      'Starts deleting an instance by id and goes on without waiting for it',
    example: `steps:
  - id: delete-redis
    name: Delete Redis
    action: dbaas:redis:delete
    input:
      instanceId: 3f1c2a9e-8d5b-4c7a-9e21-0b6d4f3a1c11
      wait: false
`,
  },
];
