import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  dbaasInstanceCredentialsReadPermission,
  dbaasInstanceReadPermission,
} from '@justmanage/plugin-dbaas-common';
import { connectionDetails } from '../service/connectionDetails';
import { auditedAction } from './auditedAction';
import { resolveInstance } from './resolveInstance';
import { instanceRef } from './schemas';
import { DbaasActionDeps } from './types';

/**
 * GET /instances/{id}/connection: the one action that returns a password,
 * so it asks for the credentials permission and is audited with high
 * severity, exactly as the route.
 */
export function registerGetConnectionDetailsAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'get-connection-details',
    title: 'Get connection details of a Redis instance',
    description:
      "Returns how an application connects to an instance: host, port, TLS, the application user's name and password, and Sentinel endpoints for replicated instances. Needs the permission to read the instance's credentials; every call is audited. Treat the password as a secret: never print or log it.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ instance: instanceRef(z) }),
      output: z =>
        z.object({
          host: z.string().describe("The primary's host name or address"),
          port: z.number().describe("The primary's TCP port"),
          tls: z.boolean().describe('Whether to connect with TLS'),
          username: z.string().describe('The application user (Redis ACL)'),
          password: z.string().describe('Its password: a secret'),
          url: z
            .string()
            .describe('redis:// or rediss:// URL, without the password'),
          sentinel: z
            .object({
              masterName: z
                .string()
                .describe('The name Sentinel knows the primary by'),
              endpoints: z
                .array(
                  z.object({
                    host: z.string().describe('Sentinel host'),
                    port: z.number().describe('Sentinel port'),
                  }),
                )
                .describe('The Sentinels to ask for the primary'),
            })
            .optional()
            .describe(
              'Replicated instances only: clients that find the primary through Sentinel follow failovers',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      const instance = await resolveInstance(deps, input.instance);
      const output = await auditedAction(
        deps.auditor,
        credentials,
        {
          eventId: 'instance-credentials-read',
          meta: { instanceId: instance.id },
          severityLevel: 'high',
        },
        async () => {
          await deps.authorizer.requireAll(
            [
              dbaasInstanceReadPermission,
              dbaasInstanceCredentialsReadPermission,
            ],
            instance,
            credentials,
          );
          return {
            result: await connectionDetails(instance, deps.users),
            meta: {},
          };
        },
      );
      return { output };
    },
  });
}
