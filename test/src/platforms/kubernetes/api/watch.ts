import { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf, KindInfo } from './kinds';
import { KubeApiError } from './status';
import { parseLabelSelector } from '../store/labelSelector';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject, WatchEventType } from '../store/objects';

export interface WatchOptions {
  store: ObjectStore;
  kind: KindInfo;
  namespace?: string;
  url: URL;
  bookmarkIntervalMs: number;
  /** Open watches, so a fault can drop them all. */
  open: Set<ServerResponse>;
}

/**
 * A watch as the API server streams it: one JSON event per line. Without
 * a resourceVersion it starts with ADDED for what exists; with one it
 * replays the changes after it, or, when that version was compacted away,
 * sends a single ERROR event with a 410 Expired Status (with HTTP 200, as
 * the real server does). BOOKMARK events carry the current
 * resourceVersion when allowWatchBookmarks is set; timeoutSeconds ends it.
 */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  options: WatchOptions,
): void {
  const { store, kind, namespace, url } = options;
  const matches = parseLabelSelector(url.searchParams.get('labelSelector'));
  const selected = (o: KubeObject) =>
    o.kind === kind.kind &&
    o.apiVersion === apiVersionOf(kind) &&
    (namespace === undefined || o.metadata.namespace === namespace) &&
    matches(o.metadata.labels ?? {});
  res.writeHead(200, {
    'content-type': 'application/json',
    'transfer-encoding': 'chunked',
  });
  const send = (type: WatchEventType | 'BOOKMARK' | 'ERROR', object: unknown) =>
    res.write(`${JSON.stringify({ type, object })}\n`);

  const from = url.searchParams.get('resourceVersion');
  if (from && from !== '0') {
    const changes = store.changesSince(Number(from));
    if (!changes) {
      const gone = new KubeApiError(
        410,
        'Expired',
        `too old resource version: ${from} (${store.oldestWatchable})`,
      );
      send('ERROR', gone.toStatus());
      res.end();
      return;
    }
    for (const c of changes.filter(e => selected(e.object)))
      send(c.type, c.object);
  } else {
    for (const o of store.list(
      kind,
      namespace,
      url.searchParams.get('labelSelector'),
    ))
      send('ADDED', o);
  }

  const unsubscribe = store.onChange((type, object) => {
    if (selected(object)) send(type, object);
  });
  const timers: NodeJS.Timeout[] = [];
  if (url.searchParams.get('allowWatchBookmarks') === 'true') {
    timers.push(
      setInterval(
        () =>
          send('BOOKMARK', {
            kind: kind.kind,
            apiVersion: apiVersionOf(kind),
            metadata: { resourceVersion: store.resourceVersion },
          }),
        options.bookmarkIntervalMs,
      ),
    );
  }
  const timeout = Number(url.searchParams.get('timeoutSeconds'));
  if (timeout > 0) timers.push(setTimeout(() => res.end(), timeout * 1000));
  options.open.add(res);
  const close = () => {
    unsubscribe();
    timers.forEach(t => clearTimeout(t));
    options.open.delete(res);
  };
  res.on('close', close);
  req.on('close', close);
}
