import { ConfigReader } from '@backstage/config';
import { engineArtifacts, readEngineArtifact } from './engineArtifact';

const KEY = 'dbaas.drivers.nomad.engines[0]';
const engine = (artifact?: Record<string, string>) =>
  new ConfigReader({
    engine: 'valkey',
    version: '8.0.1',
    ...(artifact ? { artifact } : {}),
  });

describe('an engine build as a Nomad artifact', () => {
  it('becomes an artifact with its checksum, unpacked where the command points', () => {
    const artifact = readEngineArtifact(
      engine({
        source: 'https://example.com/v.tar.gz',
        checksum: 'sha256:ab12',
      }),
      KEY,
    );
    expect(engineArtifacts(artifact)).toEqual({
      Artifacts: [
        {
          GetterSource: 'https://example.com/v.tar.gz',
          GetterOptions: { checksum: 'sha256:ab12' },
          RelativeDest: 'local/engine/',
        },
      ],
    });
  });

  it('is refused without a checksum Nomad can check, naming the key', () => {
    expect(() =>
      readEngineArtifact(
        engine({ source: 'https://example.com/v.tar.gz', checksum: 'ab12' }),
        KEY,
      ),
    ).toThrow(
      'dbaas.drivers.nomad.engines[0].artifact.checksum must be <sha256|sha512|sha1|md5>:<hex>, got ab12',
    );
    expect(() =>
      readEngineArtifact(
        engine({ source: 'https://example.com/v.tar.gz' }),
        KEY,
      ),
    ).toThrow(/checksum/);
  });

  it('is absent when the engine names a binary on the clients', () => {
    expect(engineArtifacts(readEngineArtifact(engine(undefined), KEY))).toEqual(
      {},
    );
  });
});
