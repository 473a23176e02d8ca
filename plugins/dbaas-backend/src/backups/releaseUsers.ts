import { StepContext } from '../operations/types';
import { requireInstance } from '../operations/requireInstance';
import { buildDriverSpec } from '../operations/driverSpec';
import { ADMIN_USERNAME } from '../operations/aclUsers';
import { targetOfNode } from '../redis/redisTarget';

/**
 * Lets the application users in again once restored data is verified: in
 * the platform's files for the next start, and live on every data node
 * (ACLs are not replicated). The load held them off, as clients reconnect
 * within milliseconds and their writes would make the data differ from
 * the backup before it is checked.
 */
export async function releaseUsers(ctx: StepContext): Promise<void> {
  const instance = requireInstance(ctx);
  const spec = await buildDriverSpec(instance, ctx.deps);
  await ctx.driver.update(spec, ctx.driverContext);
  const login = await ctx.deps.credentials.get(instance.id, 'admin');
  if (!login) throw new Error(`Instance ${instance.name} has no admin login`);
  const users = spec.users.filter(u => u.username !== ADMIN_USERNAME);
  const observed = await ctx.driver.observe(instance.id);
  for (const node of observed.nodes) {
    if (node.role === 'sentinel' || !node.endpoint) continue;
    await ctx.deps.admin.withConnection(
      targetOfNode(instance, node),
      login,
      async redis => {
        for (const user of users) {
          await redis.call('ACL', 'SETUSER', user.username, 'on');
        }
      },
    );
  }
  await ctx.log(
    `Application users (${users
      .map(u => u.username)
      .join(', ')}) are let in again`,
  );
}
