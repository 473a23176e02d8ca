import { spawnSync } from 'child_process';
import path from 'path';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../../../../..');

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/**
 * openapi.yaml is the one source: the code generated from it must be what
 * the generator writes today, and the spec must pass Backstage's own lint.
 */
describe('openapi.yaml', () => {
  it('matches the generated types, client and router (npm run generate:api)', () => {
    const check = run('node', [
      'tools/openapi-codegen/generate.mjs',
      '--check',
    ]);
    expect(check).toEqual({ status: 0, output: expect.any(String) });
  });

  it("passes backstage-repo-tools' lint", () => {
    const lint = run('npx', [
      'backstage-repo-tools',
      'repo',
      'schema',
      'openapi',
      'lint',
      'plugins/dbaas-backend',
    ]);
    expect(lint.output).toContain('Linted all files.');
    expect(lint.status).toBe(0);
  });
});
