import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Engine } from '@justmanage/plugin-dbaas-common';
import { EngineArtifactManifest } from './engineArtifact';
import { verifyArtifact } from './verifyArtifact';

/**
 * Engine tarballs in a folder, each with its manifest, as
 * buildEngineArtifact writes them. Drivers that install Redis themselves
 * (on VMs, in Nomad `exec` tasks) take them from here.
 * @public
 */
export class FolderArtifactStore {
  constructor(readonly folder: string) {}

  async list(): Promise<EngineArtifactManifest[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const manifests: EngineArtifactManifest[] = [];
    for (const name of names.filter(n => n.endsWith('.manifest.json')).sort()) {
      manifests.push(
        JSON.parse(await readFile(join(this.folder, name), 'utf8')),
      );
    }
    return manifests;
  }

  /** The build's manifest, or undefined when the store has none for it. */
  async find(
    engine: Engine,
    version: string,
    arch: string,
  ): Promise<EngineArtifactManifest | undefined> {
    return (await this.list()).find(
      m => m.engine === engine && m.version === version && m.arch === arch,
    );
  }

  /** The tarball's path, once its checksum matches the manifest. */
  async verifiedPath(manifest: EngineArtifactManifest): Promise<string> {
    const path = join(this.folder, manifest.file);
    await verifyArtifact(path, manifest.sha256);
    return path;
  }
}
