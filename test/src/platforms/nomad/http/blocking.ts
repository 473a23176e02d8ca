import { StateStore, Table } from '../state/StateStore';
import { parseGoDuration } from './duration';

/** The API docs: `wait` defaults to 5 minutes and is limited to 10. */
const DEFAULT_WAIT_MS = 5 * 60_000;
const MAX_WAIT_MS = 10 * 60_000;

/**
 * Serves a blocking query: with `index`, holds the request until one of
 * `tables` moves past it or `wait` (plus up to wait/16 of jitter) passes;
 * then reads. Answers with the index to send as `X-Nomad-Index`.
 */
export async function blockingRead<T>(
  { store }: { store: StateStore },
  tables: Table[],
  query: URLSearchParams,
  read: () => T,
  signal: AbortSignal,
): Promise<{ value: T; index: number }> {
  const minIndex = Number(query.get('index') ?? 0);
  if (minIndex > 0) {
    const wait = Math.min(
      query.has('wait') ? parseGoDuration(query.get('wait')!) : DEFAULT_WAIT_MS,
      MAX_WAIT_MS,
    );
    const jitter = Math.random() * (wait / 16);
    await store.waitPast(tables, minIndex, wait + jitter, signal);
  }
  return { value: read(), index: store.indexOf(tables) };
}
