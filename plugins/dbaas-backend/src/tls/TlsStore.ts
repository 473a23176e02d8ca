import { Knex } from 'knex';
import { SecretBox } from '../crypto/SecretBox';

const TABLE = 'dbaas_instance_tls';

/** An instance's CA and the generation of its node certificates. */
export interface StoredTls {
  instanceId: string;
  caCertificate: string;
  caPrivateKey: string;
  generation: number;
  certificatesNotAfter: string;
}

/** The instance CAs, private keys encrypted at rest. */
export class TlsStore {
  readonly #db: Knex;
  readonly #box: SecretBox;

  constructor(db: Knex, box: SecretBox) {
    this.#db = db;
    this.#box = box;
  }

  async insert(tls: StoredTls, tx: Knex = this.#db): Promise<void> {
    await tx(TABLE).insert({
      instance_id: tls.instanceId,
      ca_certificate: tls.caCertificate,
      ca_private_key_enc: this.#box.encrypt(tls.caPrivateKey),
      generation: tls.generation,
      certificates_not_after: tls.certificatesNotAfter,
      updated_at: new Date().toISOString(),
    });
  }

  async get(
    instanceId: string,
    tx: Knex = this.#db,
  ): Promise<StoredTls | undefined> {
    const row = await tx(TABLE).where({ instance_id: instanceId }).first();
    return row
      ? {
          instanceId,
          caCertificate: row.ca_certificate,
          caPrivateKey: this.#box.decrypt(row.ca_private_key_enc),
          generation: Number(row.generation),
          certificatesNotAfter: row.certificates_not_after,
        }
      : undefined;
  }

  /**
   * Moves to generation `target` unless it is there already, so that a
   * retried step does not rotate twice.
   */
  async advanceTo(
    instanceId: string,
    target: number,
    certificatesNotAfter: string,
  ): Promise<void> {
    await this.#db(TABLE)
      .where({ instance_id: instanceId })
      .andWhere('generation', '<', target)
      .update({
        generation: target,
        certificates_not_after: certificatesNotAfter,
        updated_at: new Date().toISOString(),
      });
  }

  /** Instances whose certificates expire before `before`. */
  async expiringBefore(before: string): Promise<string[]> {
    const rows = await this.#db(TABLE)
      .where('certificates_not_after', '<', before)
      .select('instance_id');
    return rows.map(r => r.instance_id);
  }

  async delete(instanceId: string, tx: Knex): Promise<void> {
    await tx(TABLE).where({ instance_id: instanceId }).delete();
  }
}
