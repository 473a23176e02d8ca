import Button from '@material-ui/core/Button';
import { ConnectionField } from './ConnectionField';

/** Saves text as a file through the browser, without a request to anyone. */
function saveAs(fileName: string, text: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/x-pem-file' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  // Firefox follows only a link that is in the document
  document.body.appendChild(link);
  link.click();
  link.remove();
  // revoked a moment later: some browsers read the blob after click returns
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

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
