import { createPermissionRule } from '@backstage/plugin-permission-node';
import { z } from 'zod';
import { dbaasInstanceResourceRef } from './resourceRef';

/**
 * True when the instance's owner is one of the given entity refs. Policies
 * pass the user's ownership refs (the user and their groups).
 * @public
 */
export const isInstanceOwner = createPermissionRule({
  name: 'IS_INSTANCE_OWNER',
  description: 'Allow instances owned by one of the given entity refs',
  resourceRef: dbaasInstanceResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs, usually the user ownership entity refs'),
  }),
  apply: (resource, { claims }) =>
    claims
      .map(c => c.toLocaleLowerCase('en-US'))
      .includes(resource.owner.toLocaleLowerCase('en-US')),
  toQuery: ({ claims }) => ({
    property: 'owner',
    values: claims.map(c => c.toLocaleLowerCase('en-US')),
  }),
});

/** @public */
export const dbaasInstanceRules = { isInstanceOwner };
