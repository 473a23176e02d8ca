/*
 * The concurrent client of bench/bigkeys, in its own process so that the
 * scan's work never delays its timing: a GET every millisecond, latencies
 * kept per phase as the parent names them over IPC.
 */
import Redis from 'ioredis';

const samples = new Map<string, number[]>();
let phase = 'idle';
let running = true;

process.on('message', (message: { phase?: string; stop?: boolean }) => {
  if (message.phase) phase = message.phase;
  if (message.stop) running = false;
});

async function main() {
  const redis = new Redis({
    host: process.env.BENCH_HOST,
    port: Number(process.env.BENCH_PORT),
    username: process.env.BENCH_USER,
    password: process.env.BENCH_PASS,
    lazyConnect: true,
  });
  await redis.connect();
  await redis.set('latency:probe', 'x');
  process.send!({ ready: true });
  while (running) {
    const started = performance.now();
    await redis.get('latency:probe');
    const ms = performance.now() - started;
    const list = samples.get(phase) ?? [];
    list.push(ms);
    samples.set(phase, list);
    await new Promise(r => setTimeout(r, 1));
  }
  redis.disconnect();
  process.send!({ samples: Object.fromEntries(samples) }, () =>
    process.exit(0),
  );
}

main().catch(error => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
