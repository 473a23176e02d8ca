import { X509Certificate } from 'node:crypto';
import { createServer, connect } from 'node:tls';
import { AddressInfo } from 'node:net';
import {
  createCertificateAuthority,
  issueNodeCertificate,
} from './certificateAuthority';

async function handshake(options: {
  server: { certificate: string; privateKey: string };
  ca: string;
  host: string;
}): Promise<string> {
  const server = createServer(
    { cert: options.server.certificate, key: options.server.privateKey },
    socket => socket.end('ok'),
  );
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<string>((resolve, reject) => {
      const socket = connect({
        host: '127.0.0.1',
        port,
        ca: options.ca,
        servername: options.host === '127.0.0.1' ? undefined : options.host,
        checkServerIdentity: (_host, cert) =>
          // Node.js checks IPs by the connected address; a DNS name by servername.
          require('node:tls').checkServerIdentity(options.host, cert),
      });
      socket.on('data', data => resolve(data.toString()));
      socket.on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('certificate authority', () => {
  it('issues node certificates that a client trusting the CA accepts, for every name given', async () => {
    const ca = await createCertificateAuthority({
      commonName: 'JustManage orders-cache CA',
      validityDays: 3650,
    });
    const notAfter = new Date(Date.now() + 90 * 86_400_000);
    const node = await issueNodeCertificate({
      ca,
      commonName: 'node-0',
      hosts: ['127.0.0.1', 'node-0.orders-cache.svc'],
      notAfter,
    });

    const parsed = new X509Certificate(node.certificate);
    expect(parsed.checkIssued(new X509Certificate(ca.certificate))).toBe(true);
    expect(parsed.subjectAltName).toBe(
      'IP Address:127.0.0.1, DNS:node-0.orders-cache.svc',
    );
    expect(new Date(parsed.validTo).getTime()).toBe(
      Math.floor(notAfter.getTime() / 1000) * 1000,
    );
    expect(node.fingerprint256).toBe(parsed.fingerprint256);
    expect(new X509Certificate(ca.certificate).ca).toBe(true);
    expect(parsed.ca).toBe(false);

    await expect(
      handshake({ server: node, ca: ca.certificate, host: '127.0.0.1' }),
    ).resolves.toBe('ok');
    await expect(
      handshake({
        server: node,
        ca: ca.certificate,
        host: 'node-0.orders-cache.svc',
      }),
    ).resolves.toBe('ok');
  });

  it('is refused by a client that trusts another CA, and for a name it was not issued for', async () => {
    const ca = await createCertificateAuthority({
      commonName: 'a',
      validityDays: 10,
    });
    const other = await createCertificateAuthority({
      commonName: 'b',
      validityDays: 10,
    });
    const node = await issueNodeCertificate({
      ca,
      commonName: 'node-0',
      hosts: ['127.0.0.1'],
      notAfter: new Date(Date.now() + 86_400_000),
    });
    await expect(
      handshake({ server: node, ca: other.certificate, host: '127.0.0.1' }),
    ).rejects.toThrow(/self.signed|unable to verify|unable to get/i);
    await expect(
      handshake({ server: node, ca: ca.certificate, host: '127.0.0.2' }),
    ).rejects.toThrow(/IP: 127.0.0.2 is not in the cert's list/);
  });
});
