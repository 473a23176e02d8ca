import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  AclAccess,
  AclUser,
  aclRulesOf,
  createAclUserRequestSchema,
  Instance,
  rotateAclUserRequestSchema,
  setAclUserRotationRequestSchema,
  updateAclUserRequestSchema,
  validate,
} from '@justmanage/plugin-dbaas-common';
import { Knex } from 'knex';
import { CredentialStore } from '../database/CredentialStore';
import { EventStore } from '../database/EventStore';
import { OperationWithOwner } from '../database/OperationStore';
import { generatePassword } from '../crypto/SecretBox';
import { OperationQueue } from '../operations/OperationQueue';
import { RedisAdmin } from '../redis/RedisAdmin';
import { AclUserStore, DueRotation, StoredAccess } from './AclUserStore';
import { checkRulesOnEngine } from './engineRuleCheck';

export interface AclUserServiceDeps {
  users: AclUserStore;
  credentials: CredentialStore;
  queue: OperationQueue;
  admin: RedisAdmin;
  events: EventStore;
}

/** What a users operation does, in its params. */
export type UserChange =
  | { action: 'create'; username: string }
  | { action: 'update'; username: string; previous: StoredAccess }
  | { action: 'delete'; username: string }
  | { action: 'rotate'; username: string; retiresAt: string }
  | { action: 'retire'; username: string; cutoff: string }
  | { action: 'sync'; username: ''; drift: string[] };

export interface UserChangeAccepted {
  instance: Instance;
  operation: OperationWithOwner;
}

function parse<T>(
  result: { ok: true; value: T } | { ok: false; message: string },
): T {
  if (!result.ok) throw new InputError(result.message);
  return result.value;
}

/**
 * Turns user requests into `users` operations. Like every change, the
 * request writes the desired state (the user row, its access) with the
 * operation in one transaction; the operation puts it on every node.
 */
export class AclUserService {
  readonly #deps: AclUserServiceDeps;

  constructor(deps: AclUserServiceDeps) {
    this.#deps = deps;
  }

  list(instance: Instance): Promise<AclUser[]> {
    return this.#deps.users.list(instance.id);
  }

  async get(instance: Instance, username: string): Promise<AclUser> {
    const user = await this.#deps.users.get(instance.id, username);
    if (!user) {
      throw new NotFoundError(
        `Instance ${instance.name} has no user named ${username}`,
      );
    }
    return user;
  }

  async create(
    instance: Instance,
    body: unknown,
    actor: string,
  ): Promise<UserChangeAccepted & { user: AclUser; password: string }> {
    const request = parse(validate(createAclUserRequestSchema, body));
    this.#requireRunning(instance);
    const access = await this.#access(instance, request);
    if (await this.#deps.users.get(instance.id, request.username)) {
      throw new ConflictError(
        `username: instance ${instance.name} already has a user named ${request.username}`,
      );
    }
    const password = generatePassword();
    const accepted = await this.#enqueue(
      instance,
      { action: 'create', username: request.username },
      actor,
      `Requested user ${request.username} (${access.preset})`,
      tx =>
        this.#deps.users.insert(
          instance.id,
          {
            username: request.username,
            ...access,
            managedBy: 'product',
            isDefault: false,
            createdBy: actor,
          },
          password,
          tx,
        ),
    );
    const user = await this.get(instance, request.username);
    return { ...accepted, user, password };
  }

  async update(
    instance: Instance,
    username: string,
    body: unknown,
    actor: string,
  ): Promise<UserChangeAccepted & { user: AclUser }> {
    const existing = await this.#changeable(instance, username, 'changed');
    const request = parse(validate(updateAclUserRequestSchema, body));
    this.#requireRunning(instance);
    const access = await this.#access(instance, request);
    const accepted = await this.#enqueue(
      instance,
      {
        action: 'update',
        username,
        previous: {
          preset: existing.preset,
          keys: existing.keys,
          rules: existing.rules,
        },
      },
      actor,
      `Requested new access for user ${username} (${access.preset})`,
      tx => this.#deps.users.setAccess(instance.id, username, access, tx),
    );
    return { ...accepted, user: await this.get(instance, username) };
  }

  /**
   * Revoking never waits for the nodes: the user is gone from the records
   * at once, and the operation takes it off every node and closes its
   * sessions. A failed operation is not undone: a revoked user stays revoked.
   */
  async delete(
    instance: Instance,
    username: string,
    actor: string,
  ): Promise<UserChangeAccepted> {
    await this.#changeable(instance, username, 'revoked');
    if (instance.status === 'deleting') {
      throw new ConflictError(`Instance ${instance.name} is being deleted`);
    }
    return this.#enqueue(
      instance,
      { action: 'delete', username },
      actor,
      `Requested to revoke user ${username}`,
      tx => this.#deps.users.delete(instance.id, username, tx),
    );
  }

  /**
   * A new password beside the old, which keeps working for the grace
   * period: clients move over on their own time, and no session is cut.
   */
  async rotate(
    instance: Instance,
    username: string,
    body: unknown,
    actor: string,
  ): Promise<UserChangeAccepted & { user: AclUser; password: string }> {
    const user = await this.get(instance, username);
    this.#requireProductManaged(user);
    const request = parse(validate(rotateAclUserRequestSchema, body ?? {}));
    return this.#rotate(instance, username, request.graceSeconds, actor);
  }

  /**
   * Sets or clears the user's rotation schedule; only the record changes,
   * the nodes learn of it at the first scheduled rotation.
   */
  async setRotation(
    instance: Instance,
    username: string,
    body: unknown,
    actor: string,
  ): Promise<AclUser> {
    const user = await this.get(instance, username);
    if (user.managedBy !== 'product') {
      throw new ConflictError(
        `everyDays: ${username} is managed by ${user.managedBy}, which sets its passwords; schedule its rotation there`,
      );
    }
    const request = parse(validate(setAclUserRotationRequestSchema, body));
    const schedule =
      request.everyDays === null
        ? null
        : { everyDays: request.everyDays, graceSeconds: request.graceSeconds };
    await this.#deps.users.setRotation(instance.id, username, schedule);
    await this.#deps.events.add({
      instanceId: instance.id,
      type: 'user-changed',
      actor,
      message: schedule
        ? `User ${username} rotates its password every ${schedule.everyDays} day(s), the old one working ${schedule.graceSeconds} s more`
        : `User ${username} rotates its password on demand only`,
    });
    return this.get(instance, username);
  }

  /**
   * The scheduled rotation of a due user. The newest password is checked
   * again with the operation: a rotation that got there first (on demand,
   * or another replica's round) makes this one a ConflictError, so no user
   * gets two rotations for one due date.
   */
  async rotateOnSchedule(
    instance: Instance,
    due: DueRotation,
    actor: string,
  ): Promise<UserChangeAccepted> {
    const { username } = due;
    return this.#rotate(
      instance,
      username,
      due.graceSeconds,
      actor,
      async tx => {
        const [still] = (await this.#deps.users.dueRotations(new Date(), tx))
          .filter(d => d.instanceId === instance.id && d.username === username)
          .filter(d => d.lastRotatedAt === due.lastRotatedAt);
        if (!still) {
          throw new ConflictError(`${username} was rotated meanwhile`);
        }
      },
    );
  }

  /**
   * A new password beside the old, which keeps working for the grace
   * period: clients move over on their own time, and no session is cut.
   */
  async #rotate(
    instance: Instance,
    username: string,
    graceSeconds: number,
    actor: string,
    check?: (tx: Knex) => Promise<void>,
  ): Promise<UserChangeAccepted & { user: AclUser; password: string }> {
    this.#requireRunning(instance);
    const password = generatePassword();
    const retiresAt = new Date(Date.now() + graceSeconds * 1000).toISOString();
    const accepted = await this.#enqueue(
      instance,
      { action: 'rotate', username, retiresAt },
      actor,
      `Requested a new password for user ${username}; the old one works until ${retiresAt}`,
      async tx => {
        await check?.(tx);
        await this.#deps.users.rotate(
          instance.id,
          username,
          password,
          retiresAt,
          tx,
        );
      },
    );
    return { ...accepted, user: await this.get(instance, username), password };
  }

  /**
   * Takes the passwords whose grace period has ended off every node; the
   * scheduled retirement calls it. Undefined when there is nothing to do.
   */
  async retire(
    instance: Instance,
    username: string,
    actor: string,
  ): Promise<UserChangeAccepted | undefined> {
    const cutoff = new Date().toISOString();
    const expired = await this.#deps.users.expiredPasswords(
      instance.id,
      username,
      cutoff,
    );
    if (!expired.length || instance.status !== 'running') return undefined;
    return this.#enqueue(
      instance,
      { action: 'retire', username, cutoff },
      actor,
      `Retiring ${expired.length} old password(s) of user ${username}`,
      undefined,
    );
  }

  /** Brings nodes whose users drifted from the records back in line; the drift check calls it. */
  async sync(
    instance: Instance,
    drift: string[],
    actor: string,
  ): Promise<UserChangeAccepted> {
    return this.#enqueue(
      instance,
      { action: 'sync', username: '', drift },
      actor,
      `Users drifted from the records: ${drift.join('; ')}`,
      undefined,
    );
  }

  #requireProductManaged(user: AclUser): void {
    if (user.managedBy !== 'product') {
      throw new ConflictError(
        `${user.username} is managed by ${user.managedBy}; change it there`,
      );
    }
  }

  async #changeable(
    instance: Instance,
    username: string,
    verb: string,
  ): Promise<AclUser> {
    const user = await this.get(instance, username);
    if (user.default) {
      throw new ConflictError(
        `${username} is the default user of instance ${instance.name}; it cannot be ${verb}, only rotated`,
      );
    }
    this.#requireProductManaged(user);
    return user;
  }

  #requireRunning(instance: Instance): void {
    if (instance.status !== 'running') {
      throw new ConflictError(
        `Instance ${instance.name} is ${instance.status}; users can be changed while it is running`,
      );
    }
  }

  /** The access to store, custom rules checked on the engine first. */
  async #access(instance: Instance, request: AclAccess): Promise<StoredAccess> {
    if (request.preset === 'custom') {
      const login = await this.#deps.credentials.get(instance.id, 'admin');
      if (!login)
        throw new Error(`Instance ${instance.name} has no admin login`);
      await checkRulesOnEngine(
        this.#deps.admin,
        login,
        instance,
        request.rules ?? '',
      );
    }
    return {
      preset: request.preset,
      keys: request.preset === 'custom' ? [] : request.keys ?? [],
      rules: aclRulesOf(request),
    };
  }

  async #enqueue(
    instance: Instance,
    change: UserChange,
    actor: string,
    message: string,
    within: Parameters<OperationQueue['enqueue']>[0]['within'],
  ): Promise<UserChangeAccepted> {
    const operation = await this.#deps.queue.enqueue({
      instance,
      type: 'users',
      params: { ...change },
      actor,
      event: { type: 'user-change-requested', message },
      within,
    });
    return { instance, operation };
  }
}
