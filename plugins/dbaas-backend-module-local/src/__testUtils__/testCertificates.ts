import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DriverTls } from '@justmanage/plugin-dbaas-node';

/**
 * A CA made with the openssl CLI, standing in for the control plane's: the
 * driver only needs `issue` to hand it a certificate and key.
 */
export function testTls(generation = 1): DriverTls & {
  issued: Array<{ nodeId: string; hosts: string[]; certificate: string }>;
  dispose(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'jm-test-ca-'));
  const run = (args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  run([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '2',
    '-subj',
    '/CN=test CA',
  ]);
  const issued: Array<{
    nodeId: string;
    hosts: string[];
    certificate: string;
  }> = [];
  let serial = 0;
  return {
    mode: 'required',
    caCertificate: readFileSync(join(dir, 'ca.crt'), 'utf8'),
    generation,
    issued,
    async issue({ nodeId, hosts }) {
      serial += 1;
      run([
        'req',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        'node.key',
        '-out',
        'node.csr',
        '-subj',
        `/CN=${nodeId}`,
      ]);
      const names = hosts.map(h =>
        /^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`,
      );
      writeFileSync(join(dir, 'ext'), `subjectAltName=${names.join(',')}\n`);
      run([
        'x509',
        '-req',
        '-in',
        'node.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-set_serial',
        String(serial),
        '-out',
        'node.crt',
        '-days',
        '1',
        '-extfile',
        'ext',
      ]);
      const certificate = readFileSync(join(dir, 'node.crt'), 'utf8');
      const privateKey = readFileSync(join(dir, 'node.key'), 'utf8');
      issued.push({ nodeId, hosts, certificate });
      return {
        certificate,
        privateKey: { ref: `${nodeId}-key`, reveal: async () => privateKey },
      };
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
