import { DriverInstanceSpec } from '@justmanage/plugin-dbaas-node';
import { AdminLogin } from '../adminLogin';
import { NodeAddress } from '../addressing';
import { LoggerService } from '@backstage/backend-plugin-api';
import { join } from 'node:path';
import { pathExists, readFileIfExists, writeFileAtomic } from '../fsUtils';
import { LocalNode } from '../instanceNodes';
import { findLivePid, StartResult } from '../instanceProcess';
import { digest, InstanceRuntime } from '../instanceState';
import { InstanceFiles } from '../instanceFiles';
import { nodeTlsPaths } from '../nodeTls';
import { PrimaryAddress } from './replicaConf';
import {
  keepSentinelId,
  renderSentinelConf,
  sentinelConfDigestInput,
} from './sentinelConf';

/** Beside sentinel.conf: a digest of what the driver last told the Sentinel. */
const SENTINEL_INPUT_FILE = 'sentinel-input.sha256';

/** What converging a Sentinel needs of the driver. */
export interface SentinelHost {
  /** Where this Sentinel listens and what it announces. */
  address: NodeAddress;
  admin: AdminLogin;
  timing: { downAfterMs: number; failoverTimeoutMs: number };
  /** Stops the process and waits until its port is free. */
  stop(files: InstanceFiles, runtime: InstanceRuntime): Promise<void>;
  start(files: InstanceFiles, runtime: InstanceRuntime): Promise<StartResult>;
  logger: LoggerService;
}

/**
 * Starts a Sentinel, or restarts it when what the driver tells it changed
 * (users, timing, port) or its binary did. Its file is written only then:
 * a running Sentinel owns it, and keeps its id, epochs and the nodes it
 * found there.
 */
export async function convergeSentinel(
  spec: DriverInstanceSpec,
  node: LocalNode,
  runtimes: {
    runtime: InstanceRuntime;
    previous?: InstanceRuntime;
    /** New certificate files: Sentinel loads them only when it starts. */
    certificateChanged?: boolean;
  },
  primary: PrimaryAddress,
  host: SentinelHost,
): Promise<void> {
  const { files } = node;
  const { runtime, previous } = runtimes;
  const target = {
    files,
    bindAddress: host.address.bind,
    announceHost: host.address.announce,
    port: runtime.port,
    admin: host.admin,
    masterName: spec.name,
    primary,
    users: spec.users,
    ...host.timing,
    ...(spec.tls ? { tls: nodeTlsPaths(files) } : {}),
  };
  const inputFile = join(files.folder, SENTINEL_INPUT_FILE);
  const wanted = digest(sentinelConfDigestInput(target));
  const inputChanged = readFileIfExists(inputFile)?.trim() !== wanted;
  const binaryChanged =
    previous !== undefined && previous.binary.path !== runtime.binary.path;
  const old = previous ?? runtime;
  const live = findLivePid(files, old);
  if (live && !inputChanged && !binaryChanged && !runtimes.certificateChanged) {
    return;
  }
  if (live) {
    await host.stop(files, old);
  }
  if (inputChanged || !pathExists(files.conf)) {
    writeFileAtomic(
      files.conf,
      keepSentinelId(readFileIfExists(files.conf), renderSentinelConf(target)),
    );
    writeFileAtomic(inputFile, `${wanted}\n`);
  }
  const started = await host.start(files, runtime);
  host.logger.info(
    `Local driver ${started.started ? 'started' : 'adopted'} Sentinel ${
      node.name
    } (${runtime.binary.engine} ${runtime.binary.version}) for instance ${
      spec.instanceId
    } on ${host.address.bind}:${runtime.port} (pid ${started.pid})`,
  );
}
