import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { dbaasInstanceReadPermission } from '@justmanage/plugin-dbaas-common';
import { operationOutput } from './schemas';
import { DbaasActionDeps } from './types';

/** The longest wait, as the REST route's `waitMs`. */
const MAX_WAIT_SECONDS = 30;

/**
 * GET /operations/{id}?waitMs: lets an agent wait for the work a create,
 * resize, upgrade or delete started, without a loop of its own.
 */
export function registerGetOperationAction(
  registry: ActionsRegistryService,
  deps: DbaasActionDeps,
): void {
  registry.register({
    name: 'get-operation',
    title: 'Get an operation',
    description: `Returns an operation (what create, resize, upgrade and delete start) with its steps. With waitSeconds it answers as soon as the operation has succeeded or failed, or after that many seconds (at most ${MAX_WAIT_SECONDS}) with its status then; call it again while the status is pending or running.`,
    attributes: { readOnly: true, destructive: false, idempotent: true },
    schema: {
      input: z =>
        z.object({
          operationId: z
            .string()
            .describe('The id of the operation an action returned'),
          waitSeconds: z
            .number()
            .min(0)
            .max(MAX_WAIT_SECONDS)
            .optional()
            .describe(
              `Wait up to this many seconds (0 to ${MAX_WAIT_SECONDS}) for the operation to end`,
            ),
        }),
      output: operationOutput,
    },
    action: async ({ input, credentials }) => {
      const waitMs = (input.waitSeconds ?? 0) * 1000;
      // Listening from before the read, as the route does, so an end
      // between the read and the wait is not missed.
      const watch =
        waitMs > 0 ? deps.waiter.watch(input.operationId) : undefined;
      try {
        const found = await deps.operations.get(input.operationId);
        if (!found) {
          throw new NotFoundError(`No operation with id ${input.operationId}`);
        }
        await deps.authorizer.require(
          dbaasInstanceReadPermission,
          {
            id: found.instanceId,
            name: found.instanceName,
            owner: found.owner,
          },
          credentials,
        );
        const operation = watch ? await watch.until(found, waitMs) : found;
        return { output: operation ?? found };
      } finally {
        watch?.cancel();
      }
    },
  });
}
