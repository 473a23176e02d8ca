import { Json, TaskGroup } from '../model';

/**
 * The structured diff of a plan and of job versions (Job Diff > Task Group
 * Diffs > Task Diffs, each with Field and Object diffs), built by walking
 * two canonical jobs: primitives become fields, maps of primitives become
 * `Name[key]` fields, objects and lists of objects become object diffs.
 */

type DiffType = 'Added' | 'Deleted' | 'Edited' | 'None';

interface FieldDiff {
  Type: DiffType;
  Name: string;
  Old: string;
  New: string;
  Annotations: string[] | null;
}

interface ObjectDiff {
  Type: DiffType;
  Name: string;
  Fields: FieldDiff[] | null;
  Objects: ObjectDiff[] | null;
}

/** Server-side fields that are not part of what a user submits. */
const IGNORED = new Set([
  'Status',
  'StatusDescription',
  'Stable',
  'Version',
  'SubmitTime',
  'CreateIndex',
  'ModifyIndex',
  'JobModifyIndex',
  'Name',
  'ID',
  'TaskGroups',
  'Tasks',
]);

/** Maps Nomad lists as `Name[key]` fields; other objects are object diffs. */
const FLAT_MAPS = new Set(['Meta', 'Env']);

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function typeOf(old: unknown, now: unknown): DiffType {
  if (old === undefined || old === null)
    return now === undefined || now === null ? 'None' : 'Added';
  if (now === undefined || now === null) return 'Deleted';
  return JSON.stringify(old) === JSON.stringify(now) ? 'None' : 'Edited';
}

function fieldsAndObjects(
  old: Json | null,
  now: Json | null,
): { Fields: FieldDiff[]; Objects: ObjectDiff[] } {
  const fields: FieldDiff[] = [];
  const objects: ObjectDiff[] = [];
  const keys = [
    ...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})]),
  ].sort();
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const a = old?.[key];
    const b = now?.[key];
    if (key === 'Config') {
      const config = configDiff(a, b);
      if (config) objects.push(config);
    } else if (isPrimitive(a) && isPrimitive(b)) {
      const type = typeOf(a, b);
      if (type !== 'None')
        fields.push({
          Type: type,
          Name: key,
          Old: str(a),
          New: str(b),
          Annotations: null,
        });
    } else if (Array.isArray(a) || Array.isArray(b)) {
      objects.push(...listDiff(key, a ?? [], b ?? []));
    } else if (FLAT_MAPS.has(key)) {
      for (const k of [
        ...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]),
      ].sort()) {
        const type = typeOf(a?.[k], b?.[k]);
        if (type !== 'None') {
          fields.push({
            Type: type,
            Name: `${key}[${k}]`,
            Old: str(a?.[k]),
            New: str(b?.[k]),
            Annotations: null,
          });
        }
      }
    } else {
      const object = objectDiff(key, a ?? null, b ?? null);
      if (object.Type !== 'None') objects.push(object);
    }
  }
  return { Fields: fields, Objects: objects };
}

/** A task's driver config, flattened as Nomad shows it: `args[0]`, `command`. */
function flatten(
  value: unknown,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  if (isPrimitive(value)) {
    if (prefix) out[prefix] = str(value);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  } else {
    for (const [k, v] of Object.entries(value as Json))
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

function configDiff(old: unknown, now: unknown): ObjectDiff | undefined {
  const a = old ? flatten(old) : {};
  const b = now ? flatten(now) : {};
  const fields: FieldDiff[] = [];
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const type = typeOf(a[k], b[k]);
    if (type !== 'None')
      fields.push({
        Type: type,
        Name: k,
        Old: a[k] ?? '',
        New: b[k] ?? '',
        Annotations: null,
      });
  }
  if (!fields.length) return undefined;
  return {
    Type: typeOf(old, now),
    Name: 'Config',
    Fields: fields,
    Objects: null,
  };
}

function objectDiff(
  name: string,
  old: Json | null,
  now: Json | null,
): ObjectDiff {
  const { Fields, Objects } = fieldsAndObjects(old, now);
  const type = typeOf(old, now);
  return {
    Type: type,
    Name: name,
    Fields: Fields.length ? Fields : null,
    Objects: Objects.length ? Objects : null,
  };
}

/** Lists of primitives are sets of fields; lists of objects are matched by Name or Label, else by position. */
function listDiff(name: string, old: any[], now: any[]): ObjectDiff[] {
  if ([...old, ...now].every(isPrimitive)) {
    const fields: FieldDiff[] = [];
    for (const v of old)
      if (!now.includes(v))
        fields.push({
          Type: 'Deleted',
          Name: name,
          Old: str(v),
          New: '',
          Annotations: null,
        });
    for (const v of now)
      if (!old.includes(v))
        fields.push({
          Type: 'Added',
          Name: name,
          Old: '',
          New: str(v),
          Annotations: null,
        });
    if (!fields.length) return [];
    let type: DiffType = 'Edited';
    if (!old.length) type = 'Added';
    else if (!now.length) type = 'Deleted';
    return [{ Type: type, Name: name, Fields: fields, Objects: null }];
  }
  const keyOf = (v: Json, i: number) => v?.Name ?? v?.Label ?? String(i);
  const olds = new Map(old.map((v, i) => [keyOf(v, i), v]));
  const nows = new Map(now.map((v, i) => [keyOf(v, i), v]));
  const out: ObjectDiff[] = [];
  for (const key of new Set([...olds.keys(), ...nows.keys()])) {
    const diff = objectDiff(
      singular(name),
      olds.get(key) ?? null,
      nows.get(key) ?? null,
    );
    if (diff.Type !== 'None') out.push(diff);
  }
  return out;
}

/** Nomad names list members in the singular: `Networks` items are `Network`. */
function singular(name: string): string {
  return name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : name;
}

function overall(added: boolean, deleted: boolean, changed: boolean): DiffType {
  if (added) return 'Added';
  if (deleted) return 'Deleted';
  return changed ? 'Edited' : 'None';
}

/** What the scheduler will do to a group, in the words Nomad's diffs use. */
export type GroupUpdates = Record<string, number>;

export function jobDiff(
  old: Json | null,
  now: Json,
  updates: Record<string, GroupUpdates> = {},
  destructive: (a: TaskGroup, b: TaskGroup) => boolean = () => true,
): Json {
  const { Fields, Objects } = fieldsAndObjects(old, now);
  const groups = new Map<string, [TaskGroup | null, TaskGroup | null]>();
  for (const g of old?.TaskGroups ?? []) groups.set(g.Name, [g, null]);
  for (const g of now.TaskGroups ?? [])
    groups.set(g.Name, [groups.get(g.Name)?.[0] ?? null, g]);
  const taskGroups = [...groups.entries()].map(([name, [a, b]]) =>
    groupDiff(name, a, b, updates[name], destructive),
  );
  const changed =
    Fields.length || Objects.length || taskGroups.some(g => g.Type !== 'None');
  return {
    Type: overall(!old, false, !!changed),
    ID: now.ID,
    Fields: Fields.length ? Fields : null,
    Objects: Objects.length ? Objects : null,
    TaskGroups: taskGroups,
  };
}

function groupDiff(
  name: string,
  a: TaskGroup | null,
  b: TaskGroup | null,
  updates: GroupUpdates | undefined,
  destructive: (a: TaskGroup, b: TaskGroup) => boolean,
): Json {
  const { Fields, Objects } = fieldsAndObjects(a, b);
  const tasks = new Map<string, [Json | null, Json | null]>();
  for (const t of a?.Tasks ?? []) tasks.set(t.Name, [t, null]);
  for (const t of b?.Tasks ?? [])
    tasks.set(t.Name, [tasks.get(t.Name)?.[0] ?? null, t]);
  let annotation = 'forces in-place update';
  if (!a) annotation = 'forces create';
  else if (!b) annotation = 'forces destroy';
  else if (destructive(a, b)) annotation = 'forces create/destroy update';
  const taskDiffs = [...tasks.entries()].map(([taskName, [x, y]]) => {
    const d = fieldsAndObjects(x, y);
    const type = typeOf(x, y);
    return {
      Type: type,
      Name: taskName,
      Fields: d.Fields.length ? d.Fields : null,
      Objects: d.Objects.length ? d.Objects : null,
      Annotations: type === 'None' ? null : [annotation],
    };
  });
  const changed =
    Fields.length || Objects.length || taskDiffs.some(t => t.Type !== 'None');
  return {
    Type: overall(!a, !b, !!changed),
    Name: name,
    Fields: Fields.length ? Fields : null,
    Objects: Objects.length ? Objects : null,
    Tasks: taskDiffs,
    Updates: updates ?? null,
  };
}
