import { InputError } from '@backstage/errors';
import {
  AclRule,
  engineVersionLabel,
  Instance,
  parseAclRules,
} from '@justmanage/plugin-dbaas-common';
import Redis from 'ioredis';
import { RedisAdmin, RedisLogin } from '../redis/RedisAdmin';
import { targetOf } from '../redis/redisTarget';

/** What the engine says of one command (COMMAND INFO), or undefined when it has none. */
interface CommandInfo {
  categories: string[];
  /** For a container command (CONFIG, CLIENT, ...): each subcommand's categories but HELP's. */
  subcommands: string[][];
}

/** What the engine knows: its command categories and its commands. */
interface EngineAcl {
  version: string;
  categories: string[];
  command(name: string): Promise<CommandInfo | undefined>;
}

function categoriesOf(entry: unknown[]): string[] {
  return ((entry[6] as string[] | undefined) ?? []).map(c =>
    String(c).replace(/^@/, '').toLowerCase(),
  );
}

async function engineAcl(redis: Redis): Promise<EngineAcl> {
  const info = String(await redis.info('server'));
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? '0';
  const categories = ((await redis.call('ACL', 'CAT')) as string[]).map(c =>
    c.toLowerCase(),
  );
  return {
    version,
    categories,
    command: async name => {
      const [entry] = (await redis.call('COMMAND', 'INFO', name)) as Array<
        unknown[] | null
      >;
      if (!entry) return undefined;
      // HELP is in every container and harmless; it does not count.
      const subcommands = ((entry[9] as unknown[][] | undefined) ?? [])
        .filter(sub => !/\|help$/i.test(String(sub[0])))
        .map(categoriesOf);
      return { categories: categoriesOf(entry), subcommands };
    },
  };
}

/** A command whose every use is administrative, which -@admin would take back anyway. */
function isAdministrative(info: CommandInfo): boolean {
  if (info.categories.includes('admin')) return true;
  return (
    info.subcommands.length > 0 &&
    info.subcommands.every(categories => categories.includes('admin'))
  );
}

/** Why the engine would refuse or undo one rule, or undefined. */
async function ruleProblem(
  rule: AclRule,
  engine: EngineAcl,
  label: string,
): Promise<string | undefined> {
  if (
    rule.kind === 'keys' &&
    rule.access !== 'RW' &&
    Number(engine.version.split('.')[0]) < 7
  ) {
    return `'${rule.text}' needs Redis 7 or later; ${label} has ${engine.version}: use ~pattern`;
  }
  if (rule.kind === 'category' && !engine.categories.includes(rule.category)) {
    return `'${
      rule.text
    }' is not a command category of ${label}; it has ${engine.categories.join(
      ', ',
    )}`;
  }
  if (rule.kind === 'command') {
    const [command, sub] = rule.command.split('|');
    const info = await engine.command(command);
    if (!info) {
      return `'${rule.text}' is not a command of ${label}`;
    }
    if (sub && Number(engine.version.split('.')[0]) < 7 && !rule.allow) {
      return `'${rule.text}': ${label} cannot take away a single subcommand before Redis 7`;
    }
    if (rule.allow && !sub && isAdministrative(info)) {
      return `'${rule.text}' is an administrative command, which belongs to the control plane`;
    }
  }
  return undefined;
}

/**
 * Asks the instance's primary whether it knows every category and command
 * a custom user's rules name, before the rules are stored: Redis would
 * refuse an unknown one when it loads the users, on every node at once.
 */
export async function checkRulesOnEngine(
  admin: RedisAdmin,
  login: RedisLogin,
  instance: Instance,
  rules: string,
): Promise<void> {
  const parsed = parseAclRules(rules);
  if (!parsed.ok) throw new InputError(`rules: ${parsed.problem}`);
  const primary = instance.endpoints.find(e => e.role === 'primary');
  if (!primary) {
    throw new InputError(
      `rules: instance ${instance.name} has no primary to check them on yet`,
    );
  }
  const label = engineVersionLabel(instance);
  await admin.withConnection(
    targetOf(instance, primary),
    login,
    async redis => {
      const engine = await engineAcl(redis);
      for (const rule of parsed.rules) {
        const problem = await ruleProblem(rule, engine, label);
        if (problem) throw new InputError(`rules: ${problem}`);
      }
    },
  );
}
