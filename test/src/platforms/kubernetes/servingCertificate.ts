import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A self-signed serving certificate for 127.0.0.1, made with the openssl
 * CLI: client-node refuses plain http unless TLS checks are switched off,
 * so the server speaks https and clients trust this certificate as the
 * cluster's CA (kubeconfig `certificate-authority-data`).
 */
export async function servingCertificate(
  dir: string,
): Promise<{ cert: string; key: string }> {
  await mkdir(dir, { recursive: true });
  const keyFile = join(dir, 'apiserver.key');
  const certFile = join(dir, 'apiserver.crt');
  await promisify(execFile)('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    '/CN=kube-apiserver',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ]);
  return {
    cert: await readFile(certFile, 'utf8'),
    key: await readFile(keyFile, 'utf8'),
  };
}
