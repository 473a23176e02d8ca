import { IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { Duplex } from 'node:stream';
import { KINDS } from './kinds';
import { ObjectStore } from '../store/ObjectStore';
import { acceptWebSocket } from './websocket';

const POD = KINDS.find(k => k.kind === 'Pod')!;
const PATH = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/portforward$/;
/** The port-forward protocol over WebSocket: channel 0 data, channel 1 errors. */
const PROTOCOL = 'v4.channel.k8s.io';

/**
 * `GET /api/v1/namespaces/{ns}/pods/{name}/portforward?ports=P` upgraded
 * to a WebSocket, as kubectl port-forward and client-node's PortForward use
 * it: the first message on each channel is the port (two bytes, little
 * endian), then channel 0 carries the connection's bytes both ways and
 * channel 1 an error text, when there is one. One WebSocket is one
 * connection to the pod's port.
 */
export function handlePortForward(
  req: IncomingMessage,
  socket: Duplex,
  store: ObjectStore,
  authorized: boolean,
): boolean {
  const url = new URL(req.url ?? '/', 'http://k8s');
  const m = PATH.exec(url.pathname);
  if (!m) return false;
  if (!authorized) {
    socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
    return true;
  }
  const pod = store.find(
    POD,
    decodeURIComponent(m[1]),
    decodeURIComponent(m[2]),
  ) as any;
  const port = Number(url.searchParams.get('ports'));
  if (!pod || !pod.status?.podIP || !(port > 0 && port < 65536)) {
    socket.end(
      `HTTP/1.1 ${pod ? 400 : 404} ${
        pod ? 'Bad Request' : 'Not Found'
      }\r\n\r\n`,
    );
    return true;
  }
  const ws = acceptWebSocket(req, socket, PROTOCOL);
  if (!ws) return true;
  const portBytes = Buffer.alloc(2);
  portBytes.writeUInt16LE(port, 0);
  ws.send(Buffer.concat([Buffer.from([0]), portBytes]));
  ws.send(Buffer.concat([Buffer.from([1]), portBytes]));
  const upstream = connect({ host: pod.status.podIP, port });
  upstream.on('data', (data: Buffer) =>
    ws.send(Buffer.concat([Buffer.from([0]), data])),
  );
  upstream.on('error', error => {
    ws.send(
      Buffer.concat([
        Buffer.from([1]),
        Buffer.from(
          `error forwarding port ${port} to pod ${pod.metadata.name}: ${error.message}`,
        ),
      ]),
    );
    ws.close();
  });
  upstream.on('close', () => ws.close());
  ws.onMessage(data => {
    if (data[0] === 0 && data.length > 1) upstream.write(data.subarray(1));
  });
  ws.onClose(() => upstream.destroy());
  return true;
}
