import { InputError, NotFoundError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { DbaasService } from '@justmanage/plugin-dbaas-node';
import { callDbaas } from './explainDbaasError';
import { waitForOperation } from './waitForOperation';
import { examples } from './deleteRedis.examples';

/**
 * The action `dbaas:redis:delete`: deletes an instance through the dbaas API
 * as the user running the task, and by default waits until it is gone.
 * @public
 */
export function createDbaasRedisDeleteAction(options: {
  dbaas: DbaasService;
  /** How long to wait for the delete operation. */
  operationTimeoutMs: number;
}) {
  const { dbaas, operationTimeoutMs } = options;
  return createTemplateAction({
    id: 'dbaas:redis:delete',
    description:
      'Deletes a managed Redis or Valkey instance, its processes and its data. Permissions are those of the user running the task.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        instanceId: z =>
          z
            .string()
            .optional()
            .describe('Id of the instance; or give its name'),
        name: z =>
          z
            .string()
            .optional()
            .describe('Name of the instance; or give its id'),
        wait: z =>
          z
            .boolean()
            .optional()
            .describe('Wait until the instance is gone. Default true.'),
      },
      output: {
        instanceId: z => z.string().describe('Id of the deleted instance'),
        operationId: z =>
          z.string().describe('Id of the delete operation in the dbaas API'),
      },
    },
    async handler(ctx) {
      const { instanceId, name } = ctx.input;
      const wait = ctx.input.wait ?? true;
      if (!instanceId === !name) {
        throw new InputError(
          'Give either instanceId or name of the instance to delete, not both',
        );
      }
      const target = name ? `instance ${name}` : `instance ${instanceId}`;

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would delete ${target}. Nothing was deleted.`,
        );
        ctx.output(
          'instanceId',
          instanceId ?? '00000000-0000-0000-0000-000000000000',
        );
        ctx.output('operationId', '00000000-0000-0000-0000-000000000000');
        return;
      }

      const client = dbaas.forCredentials(await ctx.getInitiatorCredentials());
      const id =
        instanceId ??
        (await callDbaas(`Finding ${target}`, async () => {
          const {
            items: [found],
          } = await client.listInstances({ query: { name } });
          if (!found) {
            throw new NotFoundError(
              `No instance named ${name} that you can see`,
            );
          }
          return found.id;
        }));

      ctx.logger.info(`Deleting ${target}`);
      // A retried task must not ask again: the second request would be
      // refused while the first deletion is under way.
      const { operationId } = await ctx.checkpoint({
        key: `dbaas-delete-${id}`,
        fn: async () => {
          const accepted = await callDbaas(`Deleting ${target}`, () =>
            client.deleteInstance(id),
          );
          return { operationId: accepted.operation.id };
        },
      });
      ctx.output('instanceId', id);
      ctx.output('operationId', operationId);

      if (!wait) {
        ctx.logger.info(
          `Deletion of ${target} started as operation ${operationId}; not waiting for it`,
        );
        return;
      }
      const operation = await waitForOperation({
        client,
        operationId,
        timeoutMs: operationTimeoutMs,
        logger: ctx.logger,
        signal: ctx.signal,
      });
      if (operation.status === 'failed') {
        throw new Error(
          `Deleting ${target} failed: ${
            operation.error ?? 'the dbaas backend gave no reason'
          }`,
        );
      }
      ctx.logger.info(`Deleted ${target}`);
    },
  });
}
