import { OperationHandler, StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { StoredAccess } from './AclUserStore';
import { convergeUsersOnNodes, NodeUsers } from './convergeUsersOnNodes';
import { verifyAbsent, verifyLogins, verifyRefused } from './verifyLogins';
import { sessionsBeforeRotation } from './sessionsBeforeRotation';
import { findUserDrift } from './findUserDrift';
import { UserChange } from './AclUserService';

function changeOf(ctx: StepContext): UserChange {
  return ctx.operation.params as unknown as UserChange;
}

function describe(results: NodeUsers[], username: string): string {
  const reached = results.filter(r => !r.skipped);
  const sessions = reached
    .flatMap(r => r.removed)
    .filter(r => r.username === username)
    .reduce((sum, r) => sum + r.sessions, 0);
  const skipped = results
    .filter(r => r.skipped)
    .map(r => `${r.node} (${r.skipped})`);
  return `Set the users on ${reached.length} nodes${
    sessions ? `; closed ${sessions} sessions of ${username}` : ''
  }${
    skipped.length
      ? `; not reached: ${skipped.join(', ')}, which get them when they return`
      : ''
  }`;
}

/**
 * Puts a user change on the platform and on every running node. The
 * request already changed the records; `persist` has the driver keep the
 * users where nodes read them at start, `apply` sets them live (ACL
 * SETUSER and DELUSER, never ACL LOAD, which closes every session), and
 * `verify` logs in as the user on every node.
 */
export const usersHandler: OperationHandler = {
  type: 'users',
  steps: ['persist', 'apply', 'verify', 'finalize'],

  async runStep(step, ctx) {
    const instance = requireInstance(ctx);
    const change = changeOf(ctx);
    switch (step) {
      case 'persist':
        await ctx.driver.update(
          await buildDriverSpec(instance, ctx.deps),
          ctx.driverContext,
        );
        return;
      case 'apply':
        if (change.action === 'retire') {
          await ctx.log(
            await sessionsBeforeRotation(ctx, instance, change.username),
          );
        }
        await ctx.log(
          describe(await convergeUsersOnNodes(ctx, instance), change.username),
        );
        return;
      case 'verify': {
        if (change.action === 'sync') {
          const left = await findUserDrift(ctx.deps, ctx.driver, instance);
          if (left.length) {
            throw new Error(`Users still differ: ${left.join('; ')}`);
          }
          await ctx.log(`Every running node has the users of the records`);
          return;
        }
        if (change.action === 'delete') {
          const nodes = await verifyAbsent(ctx, instance, change.username);
          await ctx.log(
            `No node of ${nodes} knows ${change.username} any more`,
          );
          return;
        }
        if (change.action === 'retire') {
          const retired = await ctx.deps.users.expiredPasswords(
            instance.id,
            change.username,
            change.cutoff,
          );
          const nodes = await verifyRefused(ctx, instance, {
            username: change.username,
            passwords: retired.map(p => p.password),
          });
          await ctx.log(
            `No node of ${nodes} takes the ${retired.length} retired password(s) of ${change.username}`,
          );
        }
        const passwords = await ctx.deps.users.passwords(
          instance.id,
          change.username,
        );
        const nodes = await verifyLogins(ctx, instance, {
          username: change.username,
          passwords: passwords.map(p => p.password),
        });
        await ctx.log(`${change.username} logs in on all ${nodes} nodes`);
        return;
      }
      case 'finalize':
        if (change.action === 'retire') {
          await ctx.deps.users.deleteExpired(
            instance.id,
            change.username,
            change.cutoff,
          );
        }
        await ctx.deps.events.add({
          instanceId: instance.id,
          type: 'user-changed',
          actor: ctx.operation.createdBy,
          message: {
            create: `User ${change.username} was created`,
            update: `User ${change.username} has new access`,
            delete: `User ${change.username} was revoked`,
            rotate: `User ${change.username} has a new password`,
            retire: `The old passwords of user ${change.username} were retired`,
            sync: `Users brought back in line (${
              change.action === 'sync' ? change.drift.join('; ') : ''
            })`,
          }[change.action],
        });
        return;
      default:
        throw new Error(`Unknown users step ${step}`);
    }
  },

  /**
   * A new user that could not be put everywhere is taken out again, and
   * changed access goes back; a revoke is never undone: the user is gone
   * from the records, and the next convergence removes it where it is left.
   */
  async onFailure(ctx, error) {
    const instance = ctx.instance;
    if (!instance) return;
    const change = changeOf(ctx);
    try {
      if (change.action === 'create') {
        await ctx.deps.users.delete(instance.id, change.username);
      } else if (change.action === 'rotate') {
        await ctx.deps.users.undoRotation(
          instance.id,
          change.username,
          change.retiresAt,
        );
      } else if (change.action === 'update') {
        await ctx.deps.users.setAccess(
          instance.id,
          change.username,
          change.previous as StoredAccess,
        );
      }
      await ctx.driver.update(
        await buildDriverSpec(instance, ctx.deps),
        ctx.driverContext,
      );
      await convergeUsersOnNodes(ctx, instance);
      await ctx.log(
        change.action === 'delete'
          ? `${change.username} stays revoked in the records; nodes still having it lose it at the next change`
          : 'Put the users back as they were',
        'warn',
      );
    } catch (restoreError) {
      await ctx.log(
        `Could not put the users back: ${(restoreError as Error).message}`,
        'error',
      );
    }
    await ctx.deps.events.add({
      instanceId: instance.id,
      type: 'user-change-failed',
      actor: ctx.operation.createdBy,
      message: `Changing user ${change.username} of ${instance.name} failed: ${error.message}`,
    });
  },
};
