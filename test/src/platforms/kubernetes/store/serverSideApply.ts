import { conflict, StatusCause } from '../api/status';
import {
  FieldPath,
  fromFieldsV1,
  getAt,
  keyPath,
  leafPaths,
  pathKey,
  removeAt,
  sameValue,
  setAt,
  toFieldsV1,
} from './fieldSets';
import { clone, KubeObject, ManagedFieldsEntry } from './objects';

export interface ApplyRequest {
  manager: string;
  force: boolean;
  plural: string;
  group: string;
}

const overlaps = (a: FieldPath, b: FieldPath) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((k, i) => k === b[i]);
};

/**
 * Merges an applied configuration into the live object as server-side
 * apply does: the manager comes to own exactly the fields it sent; a field
 * another manager owns with a different value is a 409 Conflict naming
 * that manager, unless `force` takes it over; fields the manager owned
 * before and no longer sends are removed when nobody else owns them.
 */
export function serverSideApply(
  live: KubeObject | undefined,
  applied: KubeObject,
  request: ApplyRequest,
): KubeObject {
  const sent = leafPaths(applied);
  const sentKeys = new Set(sent.map(pathKey));
  const entries: ManagedFieldsEntry[] = clone(
    live?.metadata.managedFields ?? [],
  );
  const owned = new Map(
    entries.map(e => [e, new Set(fromFieldsV1(e.fieldsV1).map(pathKey))]),
  );

  const causes: StatusCause[] = [];
  for (const [entry, fields] of owned) {
    if (entry.manager === request.manager) continue;
    for (const key of [...fields]) {
      const path = keyPath(key);
      const clash = sent.find(
        p => overlaps(p, path) && !sameValue(getAt(applied, p), getAt(live, p)),
      );
      if (!clash) continue;
      if (request.force) {
        fields.delete(key);
      } else {
        causes.push({
          reason: 'FieldManagerConflict',
          message: `conflict with "${entry.manager}"${
            entry.operation === 'Update' ? ` using ${entry.apiVersion}` : ''
          }`,
          field: `.${path.join('.')}`,
        });
      }
    }
  }
  if (causes.length) {
    throw conflict(
      request.plural,
      request.group,
      applied.metadata.name,
      `Apply failed with ${causes.length} conflict${
        causes.length > 1 ? 's' : ''
      }: ${causes.map(c => `${c.message}: ${c.field}`).join('; ')}`,
      causes,
    );
  }

  const result: KubeObject = clone(live ?? applied);
  const mine = entries.find(
    e => e.manager === request.manager && e.operation === 'Apply',
  );
  const othersOwn = (key: string) =>
    [...owned].some(([e, f]) => e !== mine && f.has(key));
  for (const key of mine ? owned.get(mine)! : []) {
    if (!sentKeys.has(key) && !othersOwn(key)) removeAt(result, keyPath(key));
  }
  for (const path of sent) setAt(result, path, getAt(applied, path));

  const now = new Date().toISOString();
  const kept = entries.filter(e => e !== mine && owned.get(e)!.size);
  for (const e of kept)
    e.fieldsV1 = toFieldsV1([...owned.get(e)!].map(keyPath));
  const before = mine ? [...owned.get(mine)!].sort() : [];
  const changedOwnership = !sameValue(before, [...sentKeys].sort());
  result.metadata.managedFields = [
    ...kept,
    {
      manager: request.manager,
      operation: 'Apply',
      apiVersion: applied.apiVersion,
      time: changedOwnership || !mine ? now : mine.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(sent),
    },
  ];
  return result;
}
