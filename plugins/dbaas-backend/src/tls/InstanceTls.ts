import { Knex } from 'knex';
import { DriverTls } from '@justmanage/plugin-dbaas-node';
import {
  Instance,
  InstanceTls as InstanceTlsView,
} from '@justmanage/plugin-dbaas-common';
import {
  createCertificateAuthority,
  issueNodeCertificate,
} from './certificateAuthority';
import { TlsStore } from './TlsStore';

/** How long certificates live; `dbaas.tls` in config. */
export interface TlsSettings {
  certificateValidityDays: number;
  /** The renewal task rotates certificates this long before they expire. */
  renewBeforeDays: number;
}

export const DEFAULT_TLS_SETTINGS: TlsSettings = {
  certificateValidityDays: 90,
  renewBeforeDays: 30,
};

const CA_VALIDITY_DAYS = 3650;
const DAY_MS = 86_400_000;

/**
 * The control plane's side of an instance's TLS: its CA, the certificates
 * drivers ask for, and the CA every connection of the backend trusts.
 */
export class InstanceTls {
  readonly #store: TlsStore;
  readonly #settings: TlsSettings;
  /** CAs never change for an instance, so dials need not read them again. */
  readonly #trust = new Map<string, string>();

  constructor(store: TlsStore, settings: TlsSettings = DEFAULT_TLS_SETTINGS) {
    this.#store = store;
    this.#settings = settings;
  }

  get settings(): TlsSettings {
    return this.#settings;
  }

  /** Makes the CA of a new instance; `write` runs in the creating transaction. */
  async prepare(
    instance: Pick<Instance, 'id' | 'name'>,
  ): Promise<(tx: Knex) => Promise<void>> {
    const ca = await createCertificateAuthority({
      commonName: `JustManage ${instance.name} CA`,
      validityDays: CA_VALIDITY_DAYS,
    });
    return tx =>
      this.#store.insert(
        {
          instanceId: instance.id,
          caCertificate: ca.certificate,
          caPrivateKey: ca.privateKey,
          generation: 1,
          certificatesNotAfter: this.#notAfter().toISOString(),
        },
        tx,
      );
  }

  /** What a driver needs to serve TLS, or undefined without TLS. */
  async driverTls(instance: Instance): Promise<DriverTls | undefined> {
    if (instance.tls !== 'required' && instance.tls !== 'preferred') {
      return undefined;
    }
    const stored = await this.#store.get(instance.id);
    if (!stored) {
      throw new Error(`Instance ${instance.name} requires TLS but has no CA`);
    }
    return {
      mode: instance.tls,
      caCertificate: stored.caCertificate,
      generation: stored.generation,
      issue: async ({ nodeId, hosts }) => {
        const pair = await issueNodeCertificate({
          ca: {
            certificate: stored.caCertificate,
            privateKey: stored.caPrivateKey,
          },
          commonName: nodeId,
          hosts,
          notAfter: new Date(stored.certificatesNotAfter),
        });
        return {
          certificate: pair.certificate,
          privateKey: {
            ref: `${nodeId}-tls-key`,
            reveal: async () => pair.privateKey,
          },
        };
      },
    };
  }

  /** The CA a connection to the instance's nodes trusts; undefined without TLS. */
  async trust(instanceId: string): Promise<string | undefined> {
    const known = this.#trust.get(instanceId);
    if (known) return known;
    const stored = await this.#store.get(instanceId);
    if (stored) this.#trust.set(instanceId, stored.caCertificate);
    return stored?.caCertificate;
  }

  async describe(instance: Instance): Promise<InstanceTlsView> {
    const stored =
      instance.tls === 'required' || instance.tls === 'preferred'
        ? await this.#store.get(instance.id)
        : undefined;
    if (!stored) return { mode: 'disabled' };
    return {
      mode: instance.tls!,
      caCertificate: stored.caCertificate,
      generation: stored.generation,
      certificatesExpireAt: stored.certificatesNotAfter,
      renewsAt: new Date(
        Date.parse(stored.certificatesNotAfter) -
          this.#settings.renewBeforeDays * DAY_MS,
      ).toISOString(),
    };
  }

  /** A rotation's first step: node certificates of generation `target` from now on. */
  advanceTo(instanceId: string, target: number): Promise<void> {
    return this.#store.advanceTo(
      instanceId,
      target,
      this.#notAfter().toISOString(),
    );
  }

  stored(instanceId: string) {
    return this.#store.get(instanceId);
  }

  /** Instances whose certificates are due for renewal. */
  dueForRenewal(now = new Date()): Promise<string[]> {
    return this.#store.expiringBefore(
      new Date(
        now.getTime() + this.#settings.renewBeforeDays * DAY_MS,
      ).toISOString(),
    );
  }

  forget(instanceId: string, tx: Knex): Promise<void> {
    this.#trust.delete(instanceId);
    return this.#store.delete(instanceId, tx);
  }

  #notAfter(): Date {
    return new Date(
      Date.now() + this.#settings.certificateValidityDays * DAY_MS,
    );
  }
}
