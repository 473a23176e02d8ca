import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Claims on names (ports, addresses) shared by every backend using one data
 * dir. A claim is a file named after what it claims, created with O_EXCL:
 * the filesystem, not this process, decides who wins, so two backends
 * never hand out one name twice. Claim files are control files, handled
 * synchronously (see fsUtils).
 */
export class ClaimFolder {
  readonly #folder: string;

  constructor(folder: string) {
    this.#folder = folder;
  }

  #file(name: string): string {
    return join(this.#folder, name);
  }

  /** Opens a new claim file, making the folder the first time. */
  #create(name: string): number {
    try {
      return openSync(this.#file(name), 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.#folder, { recursive: true });
      return openSync(this.#file(name), 'wx', 0o600);
    }
  }

  /** Creates the claim file; false when someone else holds the name. */
  tryClaim(name: string, owner: string): boolean {
    let fd: number;
    try {
      fd = this.#create(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      writeSync(fd, owner);
    } finally {
      closeSync(fd);
    }
    return true;
  }

  /** Who holds a name, if anyone. */
  owner(name: string): string | undefined {
    try {
      return readFileSync(this.#file(name), 'utf8').trim();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Makes sure `owner` holds `name`, re-creating a lost claim; false when another does. */
  ensureClaim(name: string, owner: string): boolean {
    return this.tryClaim(name, owner) || this.owner(name) === owner;
  }

  /** Frees a name, but only if `owner` still holds it. */
  release(name: string, owner: string): void {
    if (this.owner(name) !== owner) return;
    try {
      unlinkSync(this.#file(name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  /** Every name currently claimed. */
  async names(): Promise<string[]> {
    try {
      return await readdir(this.#folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Frees every name `owner` holds, including ones nothing points to any more. */
  async releaseAll(owner: string): Promise<void> {
    for (const name of await this.names()) this.release(name, owner);
  }
}
