import { Instance } from '@justmanage/plugin-dbaas-common';
import { StepContext } from '../operations/types';
import { targetOfNode } from '../redis/redisTarget';

/**
 * Proves a user change by logging in as the user on every running node
 * (AUTH, then PING) with each password it should take. A user without
 * PING in its rules is logged in all the same when Redis answers NOPERM.
 * Returns how many nodes were checked.
 */
export async function verifyLogins(
  ctx: StepContext,
  instance: Instance,
  login: { username: string; passwords: string[] },
): Promise<number> {
  const observed = await ctx.driver.observe(instance.id);
  const nodes = observed.nodes.filter(n => n.phase === 'running' && n.endpoint);
  for (const node of nodes) {
    for (const password of login.passwords) {
      try {
        await ctx.deps.admin.ping(targetOfNode(instance, node), {
          username: login.username,
          password,
        });
      } catch (error) {
        const message = (error as Error).message;
        if (/^NOPERM/.test(message)) continue;
        throw new Error(
          `${node.name} does not let ${login.username} log in: ${message}`,
        );
      }
    }
  }
  return nodes.length;
}

/** Proves a revoke: no running node knows the user any more (ACL GETUSER, as the admin). */
export async function verifyAbsent(
  ctx: StepContext,
  instance: Instance,
  username: string,
): Promise<number> {
  const admin = await ctx.deps.credentials.get(instance.id, 'admin');
  if (!admin) throw new Error(`Instance ${instance.name} has no admin login`);
  const observed = await ctx.driver.observe(instance.id);
  const nodes = observed.nodes.filter(n => n.phase === 'running' && n.endpoint);
  for (const node of nodes) {
    const found = await ctx.deps.admin.withConnection(
      targetOfNode(instance, node),
      admin,
      redis => redis.call('ACL', 'GETUSER', username),
    );
    if (found !== null) {
      throw new Error(`${node.name} still has user ${username}`);
    }
  }
  return nodes.length;
}

/** Proves a retirement: no running node takes any of `passwords` any more. */
export async function verifyRefused(
  ctx: StepContext,
  instance: Instance,
  login: { username: string; passwords: string[] },
): Promise<number> {
  const observed = await ctx.driver.observe(instance.id);
  const nodes = observed.nodes.filter(n => n.phase === 'running' && n.endpoint);
  for (const node of nodes) {
    for (const password of login.passwords) {
      const refusal = await ctx.deps.admin
        .ping(targetOfNode(instance, node), {
          username: login.username,
          password,
        })
        .then(
          () => undefined,
          (error: Error) => error.message,
        );
      if (refusal === undefined || /^NOPERM/.test(refusal)) {
        throw new Error(
          `${node.name} still lets ${login.username} log in with a retired password`,
        );
      }
    }
  }
  return nodes.length;
}
