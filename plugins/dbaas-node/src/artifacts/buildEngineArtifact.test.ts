import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEngineArtifact } from './buildEngineArtifact';
import { FolderArtifactStore } from './FolderArtifactStore';
import { sha256OfFile } from './verifyArtifact';

const run = promisify(execFile);
jest.setTimeout(120_000);

const ENGINES = '/opt/justmanage/engines';
const BUILDS = [
  { dir: 'redis-7.0.15+deb12u7', port: 19536, version: 'v=7.0.15' },
  { dir: 'valkey-8.0.1+bpo12.1', port: 19537, version: 'v=8.0.1' },
];

/** A shell with nothing of this machine's engines in its environment. */
const bareEnv = { PATH: '/usr/bin:/bin' };

describe('engine artifacts', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'engine-artifacts-test-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it.each(BUILDS)(
    'builds $dir into a tarball that runs from wherever it is unpacked',
    async ({ dir, port, version }) => {
      const store = new FolderArtifactStore(join(work, 'store'));
      const manifest = await buildEngineArtifact(
        join(ENGINES, dir),
        store.folder,
      );
      expect(manifest).toMatchObject({
        arch: 'x86_64',
        file: `${dir}-x86_64.tar.gz`,
        sha256: await sha256OfFile(join(store.folder, manifest.file)),
      });
      expect(manifest.libraries).toEqual(
        expect.arrayContaining(['libjemalloc.so.2', 'libssl.so.3']),
      );
      expect(manifest.glibc).toMatch(/^2\.\d+$/);
      const engine = dir.split('-')[0];
      expect(
        await store.find(engine as any, manifest.version, 'x86_64'),
      ).toEqual(manifest);

      // Unpacked as a host would, then moved: nothing points back at /opt.
      const host = join(work, `host-${engine}`);
      await run('mkdir', ['-p', host]);
      await run('tar', [
        '-xzf',
        await store.verifiedPath(manifest),
        '-C',
        host,
      ]);
      const moved = join(work, `moved-${engine}`);
      await rename(join(host, dir), moved);
      const { stdout } = await run(
        join(moved, manifest.server),
        ['--version'],
        {
          env: bareEnv,
        },
      );
      expect(stdout).toContain(version);
      const sentinelConf = join(moved, 'sentinel.conf');
      await writeFile(sentinelConf, `port ${port + 10}\nbind 127.0.0.1\n`);
      const servers = [
        spawn(
          join(moved, manifest.server),
          ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
          { env: bareEnv, stdio: 'ignore' },
        ),
        spawn(join(moved, manifest.sentinel), [sentinelConf], {
          env: bareEnv,
          stdio: 'ignore',
        }),
      ];
      try {
        const ask = async (p: number, ...args: string[]) => {
          for (let i = 0; i < 50; i++) {
            const answer = await run(
              join(moved, manifest.cli),
              ['-p', String(p), ...args],
              { env: bareEnv },
            ).then(
              r => r.stdout.trim(),
              () => '',
            );
            if (answer && !/refused/.test(answer)) return answer;
            await new Promise(resolve => setTimeout(resolve, 100));
          }
          return '';
        };
        expect(await ask(port, 'ping')).toBe('PONG');
        expect(await ask(port + 10, 'info', 'server')).toMatch(
          /redis_mode:sentinel|server_mode:sentinel/,
        );
      } finally {
        for (const child of servers) child.kill('SIGKILL');
      }
    },
  );

  it('builds the same bytes from the same build', async () => {
    const a = await buildEngineArtifact(
      join(ENGINES, BUILDS[0].dir),
      join(work, 'a'),
    );
    const b = await buildEngineArtifact(
      join(ENGINES, BUILDS[0].dir),
      join(work, 'b'),
    );
    expect(b.sha256).toBe(a.sha256);
  });

  it('refuses a tarball whose bytes changed, naming both checksums', async () => {
    const store = new FolderArtifactStore(join(work, 'damaged'));
    const manifest = await buildEngineArtifact(
      join(ENGINES, BUILDS[0].dir),
      store.folder,
    );
    const path = join(store.folder, manifest.file);
    const bytes = await readFile(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    await writeFile(path, bytes);
    await expect(store.verifiedPath(manifest)).rejects.toThrow(
      new RegExp(
        `fails its checksum: SHA-256 [0-9a-f]{64}, the manifest says ${manifest.sha256}`,
      ),
    );
  });

  it('says what is wrong with a folder that is not an engine build', async () => {
    await expect(buildEngineArtifact('/tmp', join(work, 'x'))).rejects.toThrow(
      /\/tmp is not an engine build folder named <redis\|valkey>-<version>/,
    );
  });
});
