import { Knex } from 'knex';

const TABLE = 'dbaas_events';

/** @public */
export interface InstanceEvent {
  instanceId: string;
  type: string;
  actor: string;
  message: string;
  createdAt: string;
}

/** What happened to an instance, in the words users read. */
export class EventStore {
  readonly #db: Knex;

  constructor(db: Knex) {
    this.#db = db;
  }

  async add(
    event: Omit<InstanceEvent, 'createdAt'>,
    tx: Knex = this.#db,
  ): Promise<void> {
    await tx(TABLE).insert({
      instance_id: event.instanceId,
      type: event.type,
      actor: event.actor,
      message: event.message,
      created_at: new Date().toISOString(),
    });
  }

  /** Newest first, at most `limit`. */
  async list(instanceId: string, limit?: number): Promise<InstanceEvent[]> {
    const query = this.#db(TABLE)
      .where({ instance_id: instanceId })
      .orderBy('id', 'desc');
    const rows = await (limit === undefined ? query : query.limit(limit));
    return rows.map(r => ({
      instanceId: r.instance_id,
      type: r.type,
      actor: r.actor,
      message: r.message,
      createdAt: r.created_at,
    }));
  }
}
