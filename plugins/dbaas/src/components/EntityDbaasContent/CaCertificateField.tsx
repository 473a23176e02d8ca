import Button from '@material-ui/core/Button';
import { ConnectionField } from './ConnectionField';
import { saveAs } from './saveAs';

/**
 * The instance's CA certificate, which a TLS client must trust: a private CA
 * is in no system trust store. Downloaded under the name the redis-cli line
 * next to it reads it from, or copied as PEM.
 */
export function CaCertificateField(props: {
  fileName: string;
  certificate: string;
}) {
  const { fileName, certificate } = props;
  return (
    <ConnectionField
      label="CA certificate"
      name="ca certificate"
      value={fileName}
      copyText={certificate}
    >
      <Button
        size="small"
        variant="outlined"
        onClick={() => saveAs(fileName, certificate)}
      >
        Download
      </Button>
    </ConnectionField>
  );
}
