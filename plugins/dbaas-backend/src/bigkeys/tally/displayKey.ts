import { isUtf8 } from 'node:buffer';

/**
 * A key name, received as latin1 (one character per byte), as text to
 * show. Redis keys are bytes; names that are not UTF-8 get their other
 * bytes written as \xNN, the way redis-cli prints them.
 */
export function displayKey(latin1Key: string): string {
  const bytes = Buffer.from(latin1Key, 'latin1');
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let text = '';
  for (const byte of bytes) {
    if (byte === 0x5c) text += '\\\\';
    else if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
    else text += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return text;
}
