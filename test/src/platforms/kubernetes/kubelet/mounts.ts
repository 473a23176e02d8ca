import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KINDS } from '../api/kinds';
import { ObjectStore } from '../store/ObjectStore';

type Obj = Record<string, any>;

const CONFIGMAP = KINDS.find(k => k.kind === 'ConfigMap')!;
const SECRET = KINDS.find(k => k.kind === 'Secret')!;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A volume as the container sees it, and the host folder behind it. */
export interface Mount {
  mountPath: string;
  hostPath: string;
}

export class MountError extends Error {}

/**
 * Puts a pod's volumes on disk: ConfigMap and Secret keys as files
 * (secrets readable by the owner only), emptyDir as a folder of the pod,
 * a PersistentVolumeClaim as a folder of the cluster that outlives pods.
 * A missing ConfigMap or Secret fails the way the kubelet reports it.
 */
export async function prepareMounts(
  store: ObjectStore,
  pod: Obj,
  container: Obj,
  podDir: string,
  claimDir: (namespace: string, claim: string) => string,
): Promise<Mount[]> {
  const ns = pod.metadata.namespace;
  const volumes = new Map<string, Obj>(
    (pod.spec.volumes ?? []).map((v: Obj) => [v.name, v]),
  );
  const mounts: Mount[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = volumes.get(mount.name);
    if (!volume)
      throw new MountError(`volume "${mount.name}" not found in the pod`);
    let hostPath: string;
    if (volume.configMap || volume.secret) {
      const isSecret = !!volume.secret;
      const sourceName = isSecret
        ? volume.secret.secretName
        : volume.configMap.name;
      const source = store.find(isSecret ? SECRET : CONFIGMAP, ns, sourceName);
      if (!source) {
        throw new MountError(
          `MountVolume.SetUp failed for volume "${mount.name}" : ${
            isSecret ? 'secret' : 'configmap'
          } "${sourceName}" not found`,
        );
      }
      hostPath = join(podDir, 'volumes', mount.name);
      await rm(hostPath, { recursive: true, force: true });
      await mkdir(hostPath, { recursive: true, mode: 0o755 });
      const data = (source as Obj).data ?? {};
      for (const [key, value] of Object.entries<string>(data)) {
        const content = isSecret
          ? Buffer.from(value, 'base64')
          : Buffer.from(value);
        await writeFile(join(hostPath, key), content, {
          mode: isSecret ? 0o400 : 0o444,
        });
      }
    } else if (volume.emptyDir) {
      hostPath = join(podDir, 'volumes', mount.name);
      await mkdir(hostPath, { recursive: true });
    } else if (volume.persistentVolumeClaim) {
      hostPath = claimDir(ns, volume.persistentVolumeClaim.claimName);
      await mkdir(hostPath, { recursive: true });
    } else {
      throw new MountError(
        `volume "${mount.name}": the test kubelet mounts configMap, secret, emptyDir and persistentVolumeClaim only`,
      );
    }
    mounts.push({ mountPath: mount.mountPath.replace(/\/$/, ''), hostPath });
  }
  // Longest first, so /etc/redis/acl is not read as /etc/redis + /acl.
  return mounts.sort((a, b) => b.mountPath.length - a.mountPath.length);
}

/**
 * There is no mount namespace: a path under a mount, in a command's
 * arguments, is rewritten to the host folder behind it.
 */
export function hostPaths(text: string, mounts: Mount[]): string {
  let out = text;
  for (const m of mounts) {
    out = out.replace(
      new RegExp(`(^|[\\s"'=])${escape(m.mountPath)}(?=/|$|[\\s"'])`, 'g'),
      (_all, lead) => `${lead}${m.hostPath}`,
    );
  }
  return out;
}
