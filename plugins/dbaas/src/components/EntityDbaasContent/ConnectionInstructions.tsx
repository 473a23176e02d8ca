import { CodeSnippet } from '@backstage/core-components';
import {
  ConnectionDetails,
  ConnectionTarget,
  environmentFile,
  REDIS_CLIENT_LIBRARIES,
  redisCliCommand,
  redisUrl,
  sentinelCliCommand,
} from '@justmanage/plugin-dbaas-common';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { CaCertificateField } from './CaCertificateField';
import { clientSnippetFor } from './caTrustingSnippets';
import { ConnectionField } from './ConnectionField';

const FORMS = [
  { id: 'env', title: 'Environment', language: 'bash' },
  ...REDIS_CLIENT_LIBRARIES,
] as const;

function snippetFor(
  form: (typeof FORMS)[number]['id'],
  target: ConnectionTarget,
) {
  return form === 'env'
    ? environmentFile(target)
    : clientSnippetFor(form, target);
}

/**
 * Everything needed to connect, made from the revealed details: a URL and
 * redis-cli line with the password, environment variables, and client code
 * that reads the password from REDIS_PASSWORD. Replicated instances get the
 * Sentinel form unless the user asks for the primary directly. With TLS, the
 * CA certificate to download, and redis-cli lines that trust it.
 */
export function ConnectionInstructions(props: {
  details: ConnectionDetails;
  /** The name the CA certificate is downloaded as, and redis-cli reads. */
  caFileName: string;
}) {
  const { details, caFileName } = props;
  const [form, setForm] = useState<(typeof FORMS)[number]['id']>('env');
  const [viaSentinel, setViaSentinel] = useState(true);
  const caFile = details.caCertificate ? caFileName : undefined;
  const target: ConnectionTarget = {
    ...details,
    caFile,
    sentinel: viaSentinel ? details.sentinel : undefined,
  };
  const lookup = sentinelCliCommand({ ...details, caFile });

  return (
    <>
      <ConnectionField
        label="URL"
        name="connection url"
        value={redisUrl(details)}
      />
      {details.caCertificate && (
        <CaCertificateField
          fileName={caFileName}
          certificate={details.caCertificate}
        />
      )}
      <ConnectionField
        label="redis-cli"
        name="redis-cli"
        value={redisCliCommand({ ...details, caFile })}
      />
      {lookup && (
        <ConnectionField
          label="Find primary"
          name="sentinel lookup"
          value={lookup}
        />
      )}
      <Box mt={2}>
        {details.sentinel && (
          <FormControlLabel
            control={
              <Switch
                checked={viaSentinel}
                onChange={(_, checked) => setViaSentinel(checked)}
                color="primary"
              />
            }
            label={`Through the Sentinels (master ${details.sentinel.masterName}): follows failovers`}
          />
        )}
        <Tabs
          value={form}
          onChange={(_, value) => setForm(value)}
          variant="scrollable"
          scrollButtons="auto"
          aria-label="connect with"
        >
          {FORMS.map(f => (
            <Tab key={f.id} value={f.id} label={f.title} />
          ))}
        </Tabs>
        <div role="region" aria-label={`${form} snippet`}>
          <CodeSnippet
            text={snippetFor(form, target)}
            language={FORMS.find(f => f.id === form)?.language ?? 'text'}
            showCopyCodeButton
          />
        </div>
        {form !== 'env' && (
          <Typography variant="caption" color="textSecondary">
            The code reads {target.sentinel ? 'REDIS_PASSWORD' : 'REDIS_URL'}{' '}
            from the environment (see Environment), so no password ends up in
            your source
            {caFile
              ? `, and trusts the CA certificate saved as ${caFile} (Download above)`
              : ''}
            .
          </Typography>
        )}
      </Box>
    </>
  );
}
