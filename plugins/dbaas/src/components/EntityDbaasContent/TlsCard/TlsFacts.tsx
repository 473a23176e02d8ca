import { StructuredMetadataTable } from '@backstage/core-components';
import type { InstanceTls } from '@justmanage/plugin-dbaas-common';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { readCaCertificate, sha256Fingerprint } from './caCertificate';
import { modeText, momentText } from './tlsWords';

/** A value with a name, for screen readers and browser tests alike. */
function Value(props: { name: string; children: ReactNode; code?: boolean }) {
  return (
    <Typography
      variant="body2"
      component={props.code ? 'code' : 'span'}
      aria-label={props.name}
      style={
        props.code
          ? { fontFamily: 'monospace', wordBreak: 'break-all' }
          : undefined
      }
    >
      {props.children}
    </Typography>
  );
}

function readable(pem: string | undefined) {
  if (!pem) return {};
  try {
    return { facts: readCaCertificate(pem) };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

/**
 * The CA clients trust, as they can check it (subject, SHA-256
 * fingerprint, expiry, all read from the PEM in the browser), and the
 * node certificates: which generation, until when, and when the control
 * plane renews them.
 */
export function TlsFacts(props: { tls: InstanceTls }) {
  const { tls } = props;
  const { facts, problem } = useMemo(
    () => readable(tls.caCertificate),
    [tls.caCertificate],
  );
  const fingerprint = useAsync(
    async () => (facts ? sha256Fingerprint(facts.der) : undefined),
    [facts],
  );
  const renewalDue =
    tls.renewsAt !== undefined && Date.parse(tls.renewsAt) <= Date.now();

  const metadata: Record<string, ReactNode> = {
    Mode: <Value name="tls mode">{modeText(tls.mode)}</Value>,
  };
  if (problem) {
    metadata.CA = `The CA certificate could not be read: ${problem}`;
  }
  if (facts) {
    metadata.CA = <Value name="ca subject">{facts.subject}</Value>;
    metadata['CA fingerprint (SHA-256)'] = (
      <Value name="ca fingerprint" code={!!fingerprint.value}>
        {fingerprint.value ??
          (fingerprint.loading
            ? '…'
            : 'shown on pages served over HTTPS (the browser computes it)')}
      </Value>
    );
    metadata['CA expires'] = (
      <Value name="ca expiry">{momentText(facts.notAfter)}</Value>
    );
  }
  if (tls.generation !== undefined) {
    metadata['Node certificates'] = (
      <Value name="certificate generation">generation {tls.generation}</Value>
    );
  }
  if (tls.certificatesExpireAt) {
    metadata['Node certificates expire'] = (
      <Value name="certificates expiry">
        {momentText(tls.certificatesExpireAt)}
      </Value>
    );
  }
  if (tls.renewsAt) {
    metadata['Next automatic renewal'] = (
      <Value name="next renewal">
        {renewalDue
          ? 'due: the renewal task rotates them within the hour'
          : momentText(tls.renewsAt)}
      </Value>
    );
  }
  return (
    <StructuredMetadataTable
      metadata={metadata}
      options={{ titleFormat: key => key }}
    />
  );
}
