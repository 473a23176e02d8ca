/** Saves text as a file through the browser, without a request to anyone. */
export function saveAs(fileName: string, text: string) {
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
 * The file a TLS instance's CA certificate is saved as, which the redis-cli
 * lines and client snippets read, as the New Redis template's do.
 */
export function caFileNameOf(instanceName?: string): string {
  return instanceName ? `${instanceName}-ca.pem` : 'ca.pem';
}
