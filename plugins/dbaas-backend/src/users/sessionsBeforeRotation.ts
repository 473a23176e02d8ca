import { Instance } from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { targetOfNode } from '../redis/redisTarget';

/**
 * Before old passwords go: how many sessions of the user logged in before
 * its newest password existed, and from where, as far as the engine tells
 * (CLIENT LIST: the user and the session's age, not the password used).
 * Those sessions stay open; only their next login needs the new password.
 */
export async function sessionsBeforeRotation(
  ctx: StepContext,
  instance: Instance,
  username: string,
): Promise<string> {
  const [newest] = await ctx.deps.users.passwords(instance.id, username);
  const admin = await ctx.deps.credentials.get(instance.id, 'admin');
  if (!newest || !admin) return `No session of ${username} to report`;
  const sinceSeconds = (Date.now() - Date.parse(newest.createdAt)) / 1000;
  const observed = await ctx.driver.observe(instance.id);
  const addresses: string[] = [];
  for (const node of observed.nodes) {
    if (
      node.role === 'sentinel' ||
      node.phase !== 'running' ||
      !node.endpoint
    ) {
      continue;
    }
    const list = await ctx.deps.admin.withConnection(
      targetOfNode(instance, node),
      admin,
      redis => redis.call('CLIENT', 'LIST', 'TYPE', 'normal'),
    );
    for (const line of String(list).split('\n')) {
      const fields = Object.fromEntries(
        line
          .trim()
          .split(' ')
          .map(field => field.split('=', 2)),
      );
      // CLIENT LIST gives whole seconds: a session up to a second younger
      // may still be older than the password, and is counted.
      if (fields.user === username && Number(fields.age) + 1 > sinceSeconds) {
        addresses.push(fields.addr);
      }
    }
  }
  if (!addresses.length) {
    return `No session of ${username} dates from before its new password`;
  }
  const shown = addresses.slice(0, 5).join(', ');
  return `${
    addresses.length
  } sessions of ${username} logged in before its new password (from ${shown}${
    addresses.length > 5 ? ', ...' : ''
  }); they stay open, and their next login needs the new password`;
}
