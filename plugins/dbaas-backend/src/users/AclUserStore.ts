import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { AclPreset, AclUser } from '@justmanage/plugin-dbaas-common';
import { aclPasswordHash } from '@justmanage/plugin-dbaas-node';
import { SecretBox } from '../crypto/SecretBox';

const USERS = 'dbaas_acl_users';
const PASSWORDS = 'dbaas_acl_passwords';

/** A user's access as stored: the preset, its keys and the effective rules. */
export interface StoredAccess {
  preset: AclPreset;
  keys: string[];
  rules: string;
}

/** One password of a user, decrypted, for the driver spec and the connection. */
export interface UserPassword {
  id: string;
  password: string;
  createdAt: string;
  retiresAt?: string;
}

/** A new user as the request made it. */
export interface NewAclUser extends StoredAccess {
  username: string;
  managedBy: AclUser['managedBy'];
  isDefault: boolean;
  createdBy: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A user's rotation schedule; null rotates on demand only. */
export type RotationSchedule = {
  everyDays: number;
  graceSeconds: number;
} | null;

/** A user whose scheduled rotation is due, and the newest password it had when found. */
export interface DueRotation {
  instanceId: string;
  username: string;
  graceSeconds: number;
  lastRotatedAt: string;
}

/** A password of a Vault user, known by its hash only. */
export interface VaultPasswordHash {
  hash: string;
  addedAt: string;
  /** Set when Vault replaced it: it keeps working until then. */
  retiresAt?: string;
}

/** A user Vault made and keeps: its hashes and rules as Vault's node has them. */
export interface VaultUserRecord {
  username: string;
  hashes: VaultPasswordHash[];
  rules: string;
}

function hashesOf(row: any): VaultPasswordHash[] {
  return row.password_hashes ? JSON.parse(row.password_hashes) : [];
}

/** Whether a password row still opens the door at `now`. */
function inForce(row: { retires_at: string | null }, now: string): boolean {
  return !row.retires_at || row.retires_at > now;
}

function toUser(
  row: any,
  passwords: Array<{ created_at: string; retires_at: string | null }>,
): AclUser {
  const newest = passwords[passwords.length - 1]?.created_at ?? row.created_at;
  const shown =
    row.managed_by === 'vault'
      ? hashesOf(row).map(h => ({
          created_at: h.addedAt,
          retires_at: h.retiresAt ?? null,
        }))
      : passwords;
  return {
    username: row.username,
    preset: row.preset,
    keys: JSON.parse(row.keys),
    rules: row.rules,
    managedBy: row.managed_by,
    default: Boolean(row.is_default),
    passwords: shown.map(p => ({
      createdAt: p.created_at,
      ...(p.retires_at ? { retiresAt: p.retires_at } : {}),
    })),
    rotation: scheduleOf(row, newest),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function scheduleOf(row: any, lastRotatedAt: string): AclUser['rotation'] {
  if (row.rotate_every_days === null || row.rotate_every_days === undefined) {
    return null;
  }
  const everyDays = Number(row.rotate_every_days);
  return {
    everyDays,
    graceSeconds: Number(row.rotation_grace_seconds ?? 0),
    nextAt: new Date(
      Date.parse(lastRotatedAt) + everyDays * DAY_MS,
    ).toISOString(),
  };
}

/**
 * The ACL users of instances besides the control plane's own, and their
 * passwords, encrypted at rest. A user holds more than one password only
 * while a rotation's grace period runs.
 */
export class AclUserStore {
  readonly #db: Knex;
  readonly #box: SecretBox;

  constructor(db: Knex, box: SecretBox) {
    this.#db = db;
    this.#box = box;
  }

  /** The default user first, then by name; passwords without secrets. */
  async list(instanceId: string, tx: Knex = this.#db): Promise<AclUser[]> {
    const rows = await tx(USERS)
      .where({ instance_id: instanceId })
      .orderBy('is_default', 'desc')
      .orderBy('username');
    const passwords = await tx(PASSWORDS)
      .where({ instance_id: instanceId })
      .orderBy('created_at')
      .select('username', 'created_at', 'retires_at');
    return rows.map(row =>
      toUser(
        row,
        passwords.filter(p => p.username === row.username),
      ),
    );
  }

  async get(
    instanceId: string,
    username: string,
    tx: Knex = this.#db,
  ): Promise<AclUser | undefined> {
    return (await this.list(instanceId, tx)).find(u => u.username === username);
  }

  async insert(
    instanceId: string,
    user: NewAclUser,
    password: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    const now = new Date().toISOString();
    await tx(USERS).insert({
      instance_id: instanceId,
      username: user.username,
      preset: user.preset,
      keys: JSON.stringify(user.keys),
      rules: user.rules,
      managed_by: user.managedBy,
      is_default: user.isDefault,
      created_by: user.createdBy,
      created_at: now,
      updated_at: now,
    });
    await this.addPassword(instanceId, user.username, password, tx);
  }

  async addPassword(
    instanceId: string,
    username: string,
    password: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(PASSWORDS).insert({
      id: randomUUID(),
      instance_id: instanceId,
      username,
      password_enc: this.#box.encrypt(password),
      created_at: new Date().toISOString(),
      retires_at: null,
    });
  }

  async setAccess(
    instanceId: string,
    username: string,
    access: StoredAccess,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(USERS)
      .where({ instance_id: instanceId, username })
      .update({
        preset: access.preset,
        keys: JSON.stringify(access.keys),
        rules: access.rules,
        updated_at: new Date().toISOString(),
      });
  }

  async delete(
    instanceId: string,
    username: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(PASSWORDS).where({ instance_id: instanceId, username }).delete();
    await tx(USERS).where({ instance_id: instanceId, username }).delete();
  }

  /** Every password the user accepts now, the newest first, decrypted. */
  async passwords(
    instanceId: string,
    username: string,
    now = new Date().toISOString(),
  ): Promise<UserPassword[]> {
    return (await this.#passwordRows(instanceId, username))
      .filter(p => inForce(p, now))
      .map(p => this.#reveal(p));
  }

  /** The passwords whose grace period has ended, decrypted: a retirement proves them refused. */
  async expiredPasswords(
    instanceId: string,
    username: string,
    now = new Date().toISOString(),
  ): Promise<UserPassword[]> {
    return (await this.#passwordRows(instanceId, username))
      .filter(p => !inForce(p, now))
      .map(p => this.#reveal(p));
  }

  /**
   * A rotation: `password` becomes the newest, and every password in force
   * keeps working until `retiresAt` (or its own earlier end).
   */
  async rotate(
    instanceId: string,
    username: string,
    password: string,
    retiresAt: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(PASSWORDS)
      .where({ instance_id: instanceId, username })
      .where(q =>
        q.whereNull('retires_at').orWhere('retires_at', '>', retiresAt),
      )
      .update({ retires_at: retiresAt });
    await this.addPassword(instanceId, username, password, tx);
  }

  /** Puts back what `rotate` did: the newest password goes, the others stay in force. */
  async undoRotation(
    instanceId: string,
    username: string,
    retiresAt: string,
  ): Promise<void> {
    await this.#db.transaction(async tx => {
      const [newest] = await tx(PASSWORDS)
        .where({ instance_id: instanceId, username })
        .whereNull('retires_at')
        .orderBy('created_at', 'desc');
      if (newest) await tx(PASSWORDS).where({ id: newest.id }).delete();
      await tx(PASSWORDS)
        .where({ instance_id: instanceId, username, retires_at: retiresAt })
        .update({ retires_at: null });
    });
  }

  /** Forgets the passwords whose grace period ended by `now`. */
  async deleteExpired(
    instanceId: string,
    username: string,
    now: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(PASSWORDS)
      .where({ instance_id: instanceId, username })
      .where('retires_at', '<=', now)
      .delete();
  }

  async setRotation(
    instanceId: string,
    username: string,
    schedule: RotationSchedule,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(USERS)
      .where({ instance_id: instanceId, username })
      .update({
        rotate_every_days: schedule?.everyDays ?? null,
        rotation_grace_seconds: schedule?.graceSeconds ?? null,
        updated_at: new Date().toISOString(),
      });
  }

  /**
   * Users of every instance whose schedule says rotate by `now`: the last
   * rotation is the newest password, so a rotation written with its
   * operation makes the user not due in the same transaction.
   */
  async dueRotations(
    now = new Date(),
    tx: Knex = this.#db,
  ): Promise<DueRotation[]> {
    const rows = await tx(USERS)
      .whereNotNull('rotate_every_days')
      .select('instance_id', 'username', 'created_at', 'rotate_every_days')
      .select('rotation_grace_seconds');
    if (!rows.length) return [];
    const newest: Array<{
      instance_id: string;
      username: string;
      last: string;
    }> = await tx(PASSWORDS)
      .whereIn(
        ['instance_id', 'username'],
        rows.map(r => [r.instance_id, r.username]),
      )
      .groupBy('instance_id', 'username')
      .select('instance_id', 'username')
      .max({ last: 'created_at' });
    return rows.flatMap(row => {
      const lastRotatedAt =
        newest.find(
          p => p.instance_id === row.instance_id && p.username === row.username,
        )?.last ?? row.created_at;
      const schedule = scheduleOf(row, lastRotatedAt);
      if (!schedule || Date.parse(schedule.nextAt) > now.getTime()) return [];
      return [
        {
          instanceId: row.instance_id,
          username: row.username,
          graceSeconds: schedule.graceSeconds,
          lastRotatedAt,
        },
      ];
    });
  }

  /** Users of every instance holding a password whose grace period has ended. */
  async withExpiredPasswords(
    now = new Date().toISOString(),
  ): Promise<Array<{ instanceId: string; username: string }>> {
    const rows = await this.#db(PASSWORDS)
      .where('retires_at', '<=', now)
      .distinct('instance_id', 'username');
    return rows.map(r => ({ instanceId: r.instance_id, username: r.username }));
  }

  #passwordRows(instanceId: string, username: string): Promise<any[]> {
    return this.#db(PASSWORDS)
      .where({ instance_id: instanceId, username })
      .orderBy('created_at', 'desc');
  }

  #reveal(row: any): UserPassword {
    return {
      id: row.id,
      password: this.#box.decrypt(row.password_enc),
      createdAt: row.created_at,
      ...(row.retires_at ? { retiresAt: row.retires_at } : {}),
    };
  }

  /** Every user of the instance with the passwords it accepts now, for the driver spec. */
  async withPasswords(
    instanceId: string,
    now = new Date().toISOString(),
  ): Promise<Array<AclUser & { secrets: string[]; hashes: string[] }>> {
    const users = await this.list(instanceId);
    const rows = await this.#db(PASSWORDS)
      .where({ instance_id: instanceId })
      .orderBy('created_at', 'desc');
    const vault = await this.vaultUsers(instanceId);
    return users.map(user => {
      if (user.managedBy === 'vault') {
        const record = vault.find(v => v.username === user.username);
        return {
          ...user,
          secrets: [],
          hashes: (record?.hashes ?? [])
            .filter(h => !h.retiresAt || h.retiresAt > now)
            .map(h => h.hash),
        };
      }
      const secrets = rows
        .filter(r => r.username === user.username && inForce(r, now))
        .map(r => this.#box.decrypt(r.password_enc));
      return { ...user, secrets, hashes: secrets.map(aclPasswordHash) };
    });
  }

  /** The users Vault keeps on the instance, with their hashes. */
  async vaultUsers(
    instanceId: string,
    tx: Knex = this.#db,
  ): Promise<VaultUserRecord[]> {
    const rows = await tx(USERS)
      .where({ instance_id: instanceId, managed_by: 'vault' })
      .orderBy('username');
    return rows.map(row => ({
      username: row.username,
      hashes: hashesOf(row),
      rules: row.rules,
    }));
  }

  /**
   * Records a Vault user as Vault has it, creating it when new. A product
   * user Vault starts rotating (a static role) becomes Vault's: its
   * encrypted passwords are forgotten, as only Vault sets them now.
   */
  async putVaultUser(
    instanceId: string,
    user: VaultUserRecord,
    createdBy: string,
    tx: Knex = this.#db,
  ): Promise<void> {
    const now = new Date().toISOString();
    const changes = {
      rules: user.rules,
      password_hashes: JSON.stringify(user.hashes),
      managed_by: 'vault',
      rotate_every_days: null,
      rotation_grace_seconds: null,
      updated_at: now,
    };
    const updated = await tx(USERS)
      .where({ instance_id: instanceId, username: user.username })
      .update(changes);
    if (updated) {
      await tx(PASSWORDS)
        .where({ instance_id: instanceId, username: user.username })
        .delete();
      return;
    }
    await tx(USERS).insert({
      instance_id: instanceId,
      username: user.username,
      preset: 'custom',
      keys: '[]',

      is_default: false,
      created_by: createdBy,
      created_at: now,
      ...changes,
    });
  }
}

/** Removes every user of a deleted instance, in the delete's transaction. */
export async function deleteAclUsers(
  tx: Knex,
  instanceId: string,
): Promise<void> {
  await tx(PASSWORDS).where({ instance_id: instanceId }).delete();
  await tx(USERS).where({ instance_id: instanceId }).delete();
}
