import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { DefaultDbaasService } from '@justmanage/plugin-dbaas-node';

/**
 * The real dbaas service, as the module gets it from dbaasServiceRef: its
 * clients ask the (mock) auth service for a token on behalf of the task's
 * user and find the API through discovery.
 */
export function realDbaasService() {
  return DefaultDbaasService.create({
    discovery: mockServices.discovery(),
    auth: mockServices.auth({ pluginId: 'scaffolder' }),
  });
}

type ContextOf<A> = A extends { handler(ctx: infer C): Promise<void> }
  ? C
  : never;

/**
 * A task run by `user`, with checkpoints kept in `checkpoints` like the
 * scaffolder keeps them in the task state: a stored value is returned
 * instead of running the function again.
 */
export function taskContext<A extends { handler(ctx: any): Promise<void> }>(
  _action: A,
  options: {
    input: ContextOf<A>['input'];
    user?: string;
    taskId?: string;
    checkpoints?: Map<string, unknown>;
    isDryRun?: boolean;
    signal?: AbortSignal;
  },
) {
  const user = options.user ?? 'user:default/alice';
  const logger = mockServices.logger.mock();
  const checkpoints = options.checkpoints;
  // createMockActionContext takes the input, logger, task and user; the
  // rest is set on what it returns.
  const ctx = {
    ...createMockActionContext({
      input: options.input,
      logger,
      task: { id: options.taskId ?? 'task-1' },
      user: { ref: user },
    }),
    isDryRun: options.isDryRun,
    signal: options.signal,
    getInitiatorCredentials: async () => mockCredentials.user(user),
    ...(checkpoints
      ? {
          async checkpoint({ key, fn }: { key: string; fn: () => unknown }) {
            if (!checkpoints.has(key)) {
              checkpoints.set(key, await fn());
            }
            return checkpoints.get(key);
          },
        }
      : {}),
  } as unknown as ContextOf<A>;
  const outputs = () =>
    Object.fromEntries((ctx.output as jest.Mock).mock.calls);
  const logLines = () =>
    (logger.info as jest.Mock).mock.calls.map(([message]) => String(message));
  return { ctx, outputs, logLines };
}
