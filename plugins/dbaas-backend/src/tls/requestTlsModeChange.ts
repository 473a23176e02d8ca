import { ConflictError, InputError } from '@backstage/errors';
import {
  Instance,
  setTlsModeRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { InstanceStore } from '../database/InstanceStore';
import { OperationWithOwner } from '../database/OperationStore';
import { DriverRegistry } from '../drivers/DriverRegistry';
import { OperationQueue } from '../operations/OperationQueue';
import { InstanceTls } from './InstanceTls';

type Mode = NonNullable<Instance['tls']>;

/**
 * The steps a running instance may take. Clients move to TLS while both
 * ports are open (preferred); closing the plain port before that, or
 * opening it again once required, is what a user would regret.
 */
const ALLOWED: Record<Mode, Mode[]> = {
  disabled: ['preferred'],
  preferred: ['required', 'disabled'],
  required: [],
};

function refusal(instance: Instance, from: Mode, to: Mode): string {
  if (from === to) return `Instance ${instance.name} already has TLS ${to}`;
  if (from === 'disabled' && to === 'required') {
    return `tls: instance ${instance.name} goes to required through preferred, so its clients can move to TLS before the plain port closes`;
  }
  return `tls: instance ${instance.name} requires TLS; it keeps requiring it`;
}

/**
 * PUT /instances/{id}/tls: writes the new mode as the desired state (and
 * the instance's CA if it has none) with a tls-mode operation, in one
 * transaction; the previous mode stays in the operation's params so a
 * failure puts it back.
 */
export async function requestTlsModeChange(
  deps: {
    instances: InstanceStore;
    drivers: DriverRegistry;
    queue: OperationQueue;
    tls: InstanceTls;
  },
  instance: Instance,
  body: unknown,
  actor: string,
): Promise<{ instance: Instance; operation: OperationWithOwner }> {
  const parsed = validate(setTlsModeRequestSchema, body);
  if (!parsed.ok) throw new InputError(parsed.message);
  const to = parsed.value.mode;
  const from: Mode = instance.tls ?? 'disabled';
  if (instance.replicas > 0) {
    // Sentinel knows one port per node and tells clients that one, so
    // Sentinel-aware clients could not move to a TLS port beside it: a
    // switch would cut them all at once instead of one by one.
    throw new ConflictError(
      `tls: instance ${instance.name} has replicas, and its clients find the primary through Sentinel, which knows one port per node, so they could not move to TLS one by one; a replicated instance gets TLS at creation`,
    );
  }
  if (!ALLOWED[from].includes(to)) {
    throw new ConflictError(refusal(instance, from, to));
  }
  const caps = await deps.drivers.get(instance.platform).capabilities();
  if (!caps.tls) {
    throw new ConflictError(
      `tls: platform ${instance.platform} does not serve TLS`,
    );
  }
  if (instance.status !== 'running') {
    throw new ConflictError(
      `Instance ${instance.name} is ${instance.status}; its TLS mode changes while it is running`,
    );
  }
  const writeCa = (await deps.tls.stored(instance.id))
    ? undefined
    : await deps.tls.prepare(instance);
  const changed: Instance = {
    ...instance,
    tls: to,
    status: 'updating',
    updatedAt: new Date().toISOString(),
  };
  const operation = await deps.queue.enqueue({
    instance,
    type: 'tls-mode',
    params: { mode: to, previous: { tls: from } },
    actor,
    status: 'updating',
    event: {
      type: 'tls-mode-requested',
      message: `Requested TLS ${to} (was ${from})`,
    },
    within: async tx => {
      await writeCa?.(tx);
      await deps.instances.update(changed, tx);
    },
  });
  return { instance: changed, operation };
}
