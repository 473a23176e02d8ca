/**
 * The PING loop of the latency probe, run in a worker thread: timed on
 * the scan's own thread, every reply parsed there would count as latency
 * of the instance. Plain JavaScript, as a worker is started from source.
 *
 * Shared slots: 0 the last round trip in ms, 1 the wall time (ms) the
 * unanswered PING was sent at or 0, 2 set to 1 when the probe failed,
 * 3 the round trip before the last.
 * Every round trip is also posted, for the scan's statistics.
 */
export const PROBE_WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const net = require('node:net');
const tls = require('node:tls');
const { host, port, useTls, servername, ca, username, password, intervalMs, timeoutMs, baselinePings, shared } = workerData;
const slots = new Float64Array(shared);
const now = () => performance.timeOrigin + performance.now();
const bulk = s => '$' + Buffer.byteLength(s) + '\\r\\n' + s + '\\r\\n';
let received = '';
let expect = null;
const socket = useTls
  ? tls.connect({ host, port, servername: servername ?? host, ca })
  : net.connect({ host, port });
function fail(message) {
  slots[2] = 1;
  parentPort.postMessage({ failure: message });
  socket.destroy();
}
socket.setTimeout(timeoutMs, () => fail('no answer to PING within ' + timeoutMs + ' ms'));
socket.on('error', error => fail(error.message));
socket.on('data', chunk => {
  received += chunk.toString('latin1');
  const end = received.indexOf('\\r\\n');
  if (end < 0 || !expect) return;
  const line = received.slice(0, end);
  received = received.slice(end + 2);
  const done = expect;
  expect = null;
  done(line);
});
function send(command, reply) {
  return new Promise(resolve => {
    expect = line => {
      if (line !== reply) fail('unexpected reply ' + line.slice(0, 80));
      else resolve();
    };
    socket.write(command);
  });
}
async function loop() {
  await send('*3\\r\\n' + bulk('AUTH') + bulk(username) + bulk(password), '+OK');
  parentPort.postMessage({ ready: true });
  for (let i = 0; ; i++) {
    const sentAt = now();
    slots[1] = sentAt;
    await send('*1\\r\\n$4\\r\\nPING\\r\\n', '+PONG');
    const ms = now() - sentAt;
    slots[1] = 0;
    slots[3] = slots[0];
    slots[0] = ms;
    parentPort.postMessage({ ms });
    // the first pings, the baseline, go back to back
    if (i >= baselinePings) await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}
socket.once(useTls ? 'secureConnect' : 'connect', () => loop());
`;
