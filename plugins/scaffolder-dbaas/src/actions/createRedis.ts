import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  APP_USERNAME,
  ENGINES,
  Engine,
  INSTANCE_NAME_RULE,
  MAXMEMORY_POLICIES,
  PERSISTENCE_MODES,
  Persistence,
  dbaasEntityRef,
  redisCliCommand,
  redisUrl,
} from '@justmanage/plugin-dbaas-common';
import { DbaasService } from '@justmanage/plugin-dbaas-node';
import { buildCreateRequest } from './buildCreateRequest';
import { callDbaas } from './explainDbaasError';
import { PLANS } from './plans';
import { waitForOperation } from './waitForOperation';
import { examples } from './createRedis.examples';

/**
 * The action `dbaas:redis:create`: creates an instance through the dbaas API
 * as the user running the task, waits until it runs, and outputs where to
 * connect (never the password).
 * @public
 */
export function createDbaasRedisCreateAction(options: {
  dbaas: DbaasService;
  /** How long to wait for the create operation. */
  operationTimeoutMs: number;
}) {
  const { dbaas, operationTimeoutMs } = options;
  return createTemplateAction({
    id: 'dbaas:redis:create',
    description:
      'Creates a managed Redis or Valkey instance and waits until it runs. Permissions are those of the user running the task.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              `Instance name, ${INSTANCE_NAME_RULE}. Also the name of its catalog entity.`,
            ),
        owner: z =>
          z
            .string()
            .optional()
            .describe(
              'Entity ref of the owning group or user. Default: the user running the task.',
            ),
        description: z =>
          z.string().optional().describe('What the instance is for'),
        system: z =>
          z
            .string()
            .optional()
            .describe('Entity ref of the system the instance belongs to'),
        engine: z =>
          z.enum([...ENGINES] as [Engine, ...Engine[]]).describe('The engine'),
        version: z =>
          z
            .string()
            .describe('Engine version offered by the platform, like 7.0.15'),
        platform: z =>
          z.string().describe('Id of the platform that runs the instance'),
        region: z => z.string().describe('Region of that platform'),
        plan: z =>
          z
            .enum(PLANS)
            .optional()
            .describe(
              'Size preset: small (256 MiB), medium (1024 MiB), large (4096 MiB), or custom to use memoryMb',
            ),
        memoryMb: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              'Memory for the dataset in MiB; used without a plan or with plan custom',
            ),
        cpu: z =>
          z
            .number()
            .optional()
            .describe('CPU cores, fractions allowed. Default 1.'),
        diskGb: z =>
          z
            .number()
            .int()
            .optional()
            .describe(
              'Disk for persistence files in GiB. Default: twice the memory, at least 1.',
            ),
        persistence: z =>
          z
            .enum([...PERSISTENCE_MODES] as [Persistence, ...Persistence[]])
            .optional()
            .describe(
              'none, rdb (snapshots) or aof (append-only file). Default rdb.',
            ),
        maxmemoryPolicy: z =>
          z
            .enum(MAXMEMORY_POLICIES)
            .optional()
            .describe(
              'What Redis does when memory is full. Default noeviction.',
            ),
        replicas: z =>
          z
            .number()
            .int()
            .min(0)
            .max(5)
            .optional()
            .describe(
              'Replicas next to the primary, 0-5. With any, three Sentinels watch the instance and upgrades roll without downtime. Default 0.',
            ),
        upgradeMode: z =>
          z
            .enum(['manual', 'auto-patch'])
            .optional()
            .describe(
              'manual (default), or auto-patch: patch upgrades applied automatically inside the maintenance window',
            ),
        maintenanceWindow: z =>
          z
            .string()
            .optional()
            .describe(
              'With auto-patch: when, as a phrase like "Sundays 02:00-03:00 IST" or "weekdays 22:00-23:30 Europe/Berlin"',
            ),
        securityOnly: z =>
          z
            .boolean()
            .optional()
            .describe(
              'With auto-patch: apply only patches that fix a security advisory. Default false.',
            ),
        allowedNetworks: z =>
          z
            .string()
            .optional()
            .describe(
              "Networks whose clients may connect, in CIDR notation (e.g. 10.0.0.0/8), separated by commas or spaces; empty: the platform team's default (loopback only unless configured)",
            ),
        tls: z =>
          z
            .enum(['disabled', 'required'])
            .optional()
            .describe(
              "disabled (default), or required: clients connect with rediss:// and trust the instance's own CA, whose certificate is on the Redis tab. With replicas, the Sentinels speak TLS too.",
            ),
      },
      output: {
        instanceId: z =>
          z.string().describe('Id of the instance in the dbaas API'),
        entityRef: z =>
          z
            .string()
            .describe(
              'Catalog entity ref of the instance, like resource:default/name',
            ),
        host: z => z.string().describe('Host of the primary endpoint'),
        port: z => z.number().describe('Port of the primary endpoint'),
        url: z =>
          z
            .string()
            .describe(
              'redis:// (or rediss://) URL of the primary, without credentials',
            ),
        redisCli: z =>
          z
            .string()
            .describe(
              'redis-cli line for the primary that asks for the password (--askpass) instead of carrying it; with TLS it trusts <name>-ca.pem, the CA certificate as the Redis tab downloads it',
            ),
      },
    },
    async handler(ctx) {
      const request = buildCreateRequest(ctx.input, ctx.user?.ref);
      const what = `${request.engine} ${request.version} instance ${request.name} on ${request.platform}/${request.region}`;

      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: the input is valid; would create ${what} with ${request.resources.memoryMb} MiB, owned by ${request.owner}. Nothing was created.`,
        );
        ctx.output('instanceId', '00000000-0000-0000-0000-000000000000');
        ctx.output('entityRef', dbaasEntityRef(request.name));
        const placeholder = {
          host: 'dry-run.invalid',
          port: 6379,
          tls: request.tls === 'required',
        };
        ctx.output('host', placeholder.host);
        ctx.output('port', placeholder.port);
        ctx.output('url', redisUrl(placeholder));
        ctx.output(
          'redisCli',
          redisCliCommand({
            ...placeholder,
            username: APP_USERNAME,
            caFile: `${request.name}-ca.pem`,
          }),
        );
        return;
      }

      const client = dbaas.forCredentials(await ctx.getInitiatorCredentials());
      ctx.logger.info(`Creating ${what}`);
      // The checkpoint makes a retried task skip the POST; the idempotency
      // key covers a crash between the POST and the checkpoint being saved.
      const accepted = await ctx.checkpoint({
        key: `dbaas-create-${request.name}`,
        fn: async () => {
          const { instance, operation } = await callDbaas(
            `Creating instance ${request.name}`,
            () =>
              client.createInstance({
                headers: {
                  'Idempotency-Key': `scaffolder:${ctx.task.id}:${request.name}`,
                },
                body: request,
              }),
          );
          return { instanceId: instance.id, operationId: operation.id };
        },
      });

      const operation = await waitForOperation({
        client,
        operationId: accepted.operationId,
        timeoutMs: operationTimeoutMs,
        logger: ctx.logger,
        signal: ctx.signal,
      });
      if (operation.status === 'failed') {
        throw new Error(
          `Creating instance ${request.name} failed: ${
            operation.error ?? 'the dbaas backend gave no reason'
          }`,
        );
      }

      const instance = await callDbaas(`Reading instance ${request.name}`, () =>
        client.getInstance(accepted.instanceId),
      );
      const primary = instance.endpoints.find(e => e.role === 'primary');
      if (!primary) {
        throw new Error(
          `Instance ${instance.name} is ${instance.status} but has no primary endpoint`,
        );
      }
      ctx.logger.info(
        `Instance ${instance.name} is ${instance.status} at ${primary.host}:${primary.port}`,
      );
      ctx.output('instanceId', instance.id);
      ctx.output('entityRef', dbaasEntityRef(instance.name));
      ctx.output('host', primary.host);
      ctx.output('port', primary.port);
      ctx.output('url', redisUrl(primary));
      // the password stays behind the audited reveal on the Redis tab
      ctx.output(
        'redisCli',
        redisCliCommand({
          ...primary,
          username: APP_USERNAME,
          // the file name the Redis tab's download gives the CA certificate
          caFile: `${instance.name}-ca.pem`,
        }),
      );
    },
  });
}
