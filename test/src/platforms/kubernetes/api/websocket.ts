import { createHash } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A server side of a WebSocket (RFC 6455): binary messages, ping, close. */
export interface WebSocketPeer {
  send(data: Buffer): void;
  close(): void;
  onMessage(listener: (data: Buffer) => void): void;
  onClose(listener: () => void): void;
}

/**
 * Completes the opening handshake, choosing `protocol` when the client
 * offers it, and frames messages both ways. Client frames are masked;
 * server frames are not.
 */
export function acceptWebSocket(
  req: IncomingMessage,
  socket: Duplex,
  protocol: string,
): WebSocketPeer | undefined {
  const key = req.headers['sec-websocket-key'];
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map(p => p.trim());
  if (!key || !offered.includes(protocol)) {
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    return undefined;
  }
  const accept = createHash('sha1').update(`${key}${GUID}`).digest('base64');
  socket.write(
    [
      'HTTP/1.1 101 Switching Protocols',
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Accept: ${accept}`,
      `Sec-WebSocket-Protocol: ${protocol}`,
      '',
      '',
    ].join('\r\n'),
  );
  const messageListeners: Array<(data: Buffer) => void> = [];
  const closeListeners: Array<() => void> = [];
  let closed = false;
  const frame = (opcode: number, payload: Buffer) => {
    const length = payload.length;
    let header: Buffer;
    if (length < 126) header = Buffer.from([0x80 | opcode, length]);
    else if (length < 65536) {
      header = Buffer.alloc(4);
      header.writeUInt8(0x80 | opcode, 0);
      header.writeUInt8(126, 1);
      header.writeUInt16BE(length, 2);
    } else {
      header = Buffer.alloc(10);
      header.writeUInt8(0x80 | opcode, 0);
      header.writeUInt8(127, 1);
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    if (!socket.destroyed) socket.write(Buffer.concat([header, payload]));
  };
  const finish = () => {
    if (closed) return;
    closed = true;
    closeListeners.forEach(l => l());
  };
  let buffer = Buffer.alloc(0);
  let fragments: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      const fin = (buffer[0] & 0x80) !== 0;
      const opcode = buffer[0] & 0x0f;
      const masked = (buffer[1] & 0x80) !== 0;
      let length = buffer[1] & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffer.length < 4) return;
        length = buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffer.length < 10) return;
        length = Number(buffer.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (buffer.length < offset + length) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + length));
      if (masked) {
        for (let i = 0; i < payload.length; i++)
          payload[i] ^= buffer[maskAt + (i % 4)];
      }
      buffer = buffer.subarray(offset + length);
      if (opcode === 0x8) {
        frame(0x8, Buffer.alloc(0));
        socket.end();
        finish();
        return;
      }
      if (opcode === 0x9) {
        frame(0xa, payload);
        continue;
      }
      if (opcode === 0xa) continue;
      fragments.push(payload);
      if (fin) {
        const message = Buffer.concat(fragments);
        fragments = [];
        messageListeners.forEach(l => l(message));
      }
    }
  });
  socket.on('close', finish);
  socket.on('error', finish);
  return {
    send: data => frame(0x2, data),
    close: () => {
      frame(0x8, Buffer.alloc(0));
      socket.end();
      finish();
    },
    onMessage: l => messageListeners.push(l),
    onClose: l => closeListeners.push(l),
  };
}
