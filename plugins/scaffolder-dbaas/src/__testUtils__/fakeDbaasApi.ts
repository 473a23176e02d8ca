import { randomUUID } from 'crypto';
import { http, HttpResponse } from 'msw';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  InputError,
  serializeError,
} from '@backstage/errors';
import {
  Accepted,
  Instance,
  Operation,
  createInstanceRequestSchema,
  normalizeEntityRef,
  validate,
} from '@justmanage/plugin-dbaas-common';

/** Where mockServices.discovery() puts the dbaas backend. */
export const DBAAS_BASE_URL = 'http://localhost:0/api/dbaas';

export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';

/** Group memberships, as the owner policy of the example app resolves them. */
const GROUPS: Record<string, string[]> = {
  [ALICE]: ['group:default/team-a'],
  [BOB]: ['group:default/team-b'],
};

/** What the worker does with an operation once it has been accepted. */
export type OperationOutcome =
  | { type: 'succeed' }
  | { type: 'fail'; error: string }
  | { type: 'hang' };

interface StoredOperation extends Operation {
  outcome: OperationOutcome;
  idempotencyKey?: string;
}

function errorResponse(error: Error, status: number) {
  return HttpResponse.json(
    { error: serializeError(error), response: { statusCode: status } },
    { status },
  );
}

/**
 * The dbaas API as the actions use it, keeping state like the real backend:
 * creating answers 202 with a pending operation that finishes a moment
 * later (or fails, or never finishes); `GET /operations/{id}?waitMs=` holds
 * until then; the Idempotency-Key replays the first answer for the same
 * caller; users may delete only what they or their groups own; users in
 * `deniedCreate` may not create. Tokens are read by the dbaas backend's
 * own (mock) auth service.
 */
export function fakeDbaasApi(
  options: {
    outcome?: OperationOutcome;
    deniedCreate?: string[];
    /** How long the worker takes; short so tests stay fast. */
    operationMs?: number;
  } = {},
) {
  const instances = new Map<string, Instance>();
  const operations = new Map<string, StoredOperation>();
  const waiters = new Set<() => void>();
  const timers = new Set<NodeJS.Timeout>();
  const requests: Array<{
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: unknown;
  }> = [];
  const auth = mockServices.auth({ pluginId: 'dbaas' });
  let nextPort = 17960;
  let abandonedWaits = 0;
  let outcome: OperationOutcome = options.outcome ?? { type: 'succeed' };

  async function callerOf(request: Request): Promise<string> {
    const token =
      request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    const credentials: BackstageCredentials = await auth.authenticate(token);
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    return principal.type === 'user'
      ? principal.userEntityRef!
      : `service:${principal.subject}`;
  }

  function finish(operation: StoredOperation) {
    const now = new Date().toISOString();
    const instance = instances.get(operation.instanceId)!;
    if (operation.outcome.type === 'fail') {
      operation.status = 'failed';
      operation.error = operation.outcome.error;
      operation.steps = operation.steps.map(s => ({
        ...s,
        status: 'failed',
        error: operation.outcome.type === 'fail' ? operation.outcome.error : '',
      }));
      instance.status = 'failed';
    } else {
      operation.status = 'succeeded';
      operation.steps = operation.steps.map(s => ({
        ...s,
        status: 'succeeded',
      }));
      if (operation.type === 'delete') {
        instances.delete(instance.id);
      } else {
        instance.status = 'running';
        instance.endpoints = [
          {
            role: 'primary',
            host: '127.0.0.1',
            port: nextPort++,
            tls: instance.tls === 'required',
          },
        ];
      }
    }
    operation.finishedAt = now;
    for (const wake of waiters) wake();
  }

  function startOperation(
    instance: Instance,
    type: 'create' | 'delete',
    createdBy: string,
    idempotencyKey?: string,
  ): StoredOperation {
    const operation: StoredOperation = {
      id: randomUUID(),
      instanceId: instance.id,
      type,
      status: 'running',
      params: { name: instance.name },
      steps: [
        {
          name: type === 'create' ? 'provision' : 'deprovision',
          status: 'running',
          attempts: 1,
        },
      ],
      log: [],
      createdBy,
      createdAt: new Date().toISOString(),
      outcome,
      idempotencyKey,
    };
    operations.set(operation.id, operation);
    if (operation.outcome.type !== 'hang') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        finish(operation);
      }, options.operationMs ?? 20);
      timers.add(timer);
    }
    return operation;
  }

  function publicOperation({
    outcome: _outcome,
    idempotencyKey: _idempotencyKey,
    ...operation
  }: StoredOperation): Operation {
    return structuredClone(operation);
  }

  const handlers = [
    http.all(`${DBAAS_BASE_URL}/*`, async ({ request }) => {
      const body =
        request.method === 'POST' ? await request.clone().json() : undefined;
      requests.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        body,
      });
      return undefined;
    }),

    http.post(`${DBAAS_BASE_URL}/instances`, async ({ request }) => {
      const actor = await callerOf(request);
      if (options.deniedCreate?.includes(actor)) {
        return errorResponse(
          new NotAllowedError(`${actor} may not create dbaas instances`),
          403,
        );
      }
      const key = request.headers.get('idempotency-key') ?? undefined;
      const body = await request.json();
      if (key) {
        const replay = [...operations.values()].find(
          o => o.idempotencyKey === key && o.createdBy === actor,
        );
        if (replay) {
          return HttpResponse.json<Accepted>(
            {
              instance: instances.get(replay.instanceId)!,
              operation: publicOperation(replay),
            },
            { status: 202 },
          );
        }
      }
      const parsed = validate(createInstanceRequestSchema, body);
      if (!parsed.ok) {
        return errorResponse(new InputError(parsed.message), 400);
      }
      const req = parsed.value;
      // As a platform whose driver serves TLS standalone only answers
      // (capabilities.tls.replicated false).
      if (req.tls === 'required' && req.replicas > 0) {
        return errorResponse(
          new InputError(
            'tls: platform edge serves TLS on standalone instances only so far; use replicas 0',
          ),
          400,
        );
      }
      if ([...instances.values()].some(i => i.name === req.name)) {
        return errorResponse(
          new ConflictError(
            `name: an instance named '${req.name}' already exists`,
          ),
          409,
        );
      }
      const now = new Date().toISOString();
      const instance: Instance = {
        id: randomUUID(),
        name: req.name,
        owner: normalizeEntityRef(req.owner, 'group'),
        description: req.description ?? '',
        ...(req.system
          ? { system: normalizeEntityRef(req.system, 'system') }
          : {}),
        engine: req.engine as Instance['engine'],
        version: req.version,
        platform: req.platform,
        region: req.region,
        resources: req.resources,
        persistence: req.persistence as Instance['persistence'],
        maxmemoryPolicy: req.maxmemoryPolicy,
        config: {},
        replicas: req.replicas ?? 0,
        tls: req.tls,
        status: 'provisioning',
        endpoints: [],
        createdBy: actor,
        createdAt: now,
        updatedAt: now,
      };
      instances.set(instance.id, instance);
      const operation = startOperation(instance, 'create', actor, key);
      return HttpResponse.json<Accepted>(
        { instance, operation: publicOperation(operation) },
        { status: 202 },
      );
    }),

    http.get(`${DBAAS_BASE_URL}/instances`, async ({ request }) => {
      await callerOf(request);
      const name = new URL(request.url).searchParams.get('name');
      return HttpResponse.json({
        items: [...instances.values()].filter(i => !name || i.name === name),
      });
    }),

    http.get(`${DBAAS_BASE_URL}/instances/:id`, async ({ request, params }) => {
      await callerOf(request);
      const instance = instances.get(String(params.id));
      return instance
        ? HttpResponse.json(instance)
        : errorResponse(
            new NotFoundError(`No instance with id ${params.id}`),
            404,
          );
    }),

    http.delete(
      `${DBAAS_BASE_URL}/instances/:id`,
      async ({ request, params }) => {
        const actor = await callerOf(request);
        const instance = instances.get(String(params.id));
        if (!instance) {
          return errorResponse(
            new NotFoundError(`No instance with id ${params.id}`),
            404,
          );
        }
        const claims = [actor, ...(GROUPS[actor] ?? [])];
        if (!actor.startsWith('service:') && !claims.includes(instance.owner)) {
          return errorResponse(
            new NotAllowedError(
              `${actor} may not delete instance ${instance.name}`,
            ),
            403,
          );
        }
        if (instance.status === 'deleting') {
          return errorResponse(
            new ConflictError(
              `Instance ${instance.name} is already being deleted`,
            ),
            409,
          );
        }
        instance.status = 'deleting';
        const operation = startOperation(instance, 'delete', actor);
        return HttpResponse.json<Accepted>(
          { instance, operation: publicOperation(operation) },
          { status: 202 },
        );
      },
    ),

    http.get(
      `${DBAAS_BASE_URL}/operations/:id`,
      async ({ request, params }) => {
        await callerOf(request);
        const operation = operations.get(String(params.id));
        if (!operation) {
          return errorResponse(
            new NotFoundError(`No operation with id ${params.id}`),
            404,
          );
        }
        const waitMs = Number(
          new URL(request.url).searchParams.get('waitMs') ?? 0,
        );
        if (operation.status === 'running' && waitMs > 0) {
          await new Promise<void>(resolve => {
            const timer = setTimeout(done, waitMs);
            function done() {
              clearTimeout(timer);
              waiters.delete(done);
              resolve();
            }
            waiters.add(done);
            request.signal.addEventListener('abort', () => {
              abandonedWaits++;
              done();
            });
          });
        }
        return HttpResponse.json(publicOperation(operation));
      },
    ),
  ];

  return {
    handlers,
    requests,
    /** How many held `GET /operations/{id}` calls the client aborted. */
    abandonedWaits: () => abandonedWaits,
    instances: () => [...instances.values()],
    operations: () => [...operations.values()].map(publicOperation),
    /** What the pretend worker does with operations accepted from now on. */
    setOutcome(next: OperationOutcome) {
      outcome = next;
    },
    /** Stops the pretend worker, so no timer outlives the test. */
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const wake of [...waiters]) wake();
    },
  };
}
