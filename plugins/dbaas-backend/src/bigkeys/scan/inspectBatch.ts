import { RespConnection } from '../resp/RespConnection';
import { commandHead, keyArgument } from '../resp/encodeCommands';
import { RespErrorReply, RespReply } from '../resp/RespParser';
import { KeyTally } from '../tally/KeyTally';
import { PatternGroup } from '../tally/PatternGroups';

/** The element count of each type; other (module) types have none. */
const LENGTH_COMMANDS: Record<string, string> = {
  string: 'STRLEN',
  list: 'LLEN',
  set: 'SCARD',
  zset: 'ZCARD',
  hash: 'HLEN',
  stream: 'XLEN',
};

const HEADS: Record<string, string> = Object.fromEntries(
  Object.entries(LENGTH_COMMANDS).map(([type, command]) => [
    type,
    commandHead(command),
  ]),
);
const TYPE_HEAD = commandHead('TYPE');
const MEMORY_HEAD = commandHead('MEMORY', 'USAGE');

interface Pending {
  seq: number;
  key: string;
  group: PatternGroup;
  memoryBytes: number;
  type?: string;
}

function unexpected(what: string, reply: RespReply): Error {
  return new Error(
    reply instanceof RespErrorReply
      ? `${what} failed: ${reply.message}`
      : `${what} gave an unexpected reply`,
  );
}

/**
 * Finds the type, memory and element count of a batch of keys. TYPE and
 * a length command per key would be three commands, and Redis spends about
 * as long on each command as on each key of a SCAN. Keys of one prefix
 * almost always share a type, so the length command of the type the
 * prefix had last is sent blind: its answer is the count and proves the
 * type, and only a WRONGTYPE costs a TYPE and a second length command.
 */
export async function inspectBatch(
  connection: RespConnection,
  db: number,
  keys: string[],
  firstSeq: number,
  tally: KeyTally,
): Promise<void> {
  const groups = keys.map(key => tally.groups.groupOf(key));
  const guesses = groups.map(g => g.lastType ?? tally.mostCommonType());
  let payload = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keyArgument(keys[i]);
    payload += (HEADS[guesses[i]] ?? TYPE_HEAD) + key + MEMORY_HEAD + key;
  }
  const replies = await connection.sendEncoded(payload, 2 * keys.length);

  const untyped: Pending[] = [];
  const uncounted: Pending[] = [];
  for (let i = 0; i < keys.length; i++) {
    const first = replies[2 * i];
    const memory = replies[2 * i + 1];
    // nil: the key expired or was deleted since SCAN returned it
    if (memory === null) continue;
    if (typeof memory !== 'number') throw unexpected('MEMORY USAGE', memory);
    const guess = guesses[i];
    if (HEADS[guess] && typeof first === 'number') {
      tally.add(firstSeq + i, db, keys[i], groups[i], guess, memory, first);
      continue;
    }
    const pending = {
      seq: firstSeq + i,
      key: keys[i],
      group: groups[i],
      memoryBytes: memory,
    };
    if (HEADS[guess]) {
      if (
        !(
          first instanceof RespErrorReply &&
          first.message.startsWith('WRONGTYPE')
        )
      ) {
        throw unexpected(LENGTH_COMMANDS[guess], first);
      }
      untyped.push(pending);
    } else if (typeof first !== 'string') {
      throw unexpected('TYPE', first);
    } else if (HEADS[first]) {
      uncounted.push({ ...pending, type: first });
    } else if (first !== 'none') {
      tally.add(firstSeq + i, db, keys[i], groups[i], first, memory);
    }
  }

  if (untyped.length) {
    const types = await connection.send(untyped.map(p => ['TYPE', p.key]));
    untyped.forEach((pending, i) => {
      const type = types[i];
      if (typeof type !== 'string') throw unexpected('TYPE', type);
      if (HEADS[type]) uncounted.push({ ...pending, type });
      else if (type !== 'none') {
        const { seq, key, group, memoryBytes } = pending;
        tally.add(seq, db, key, group, type, memoryBytes);
      }
    });
  }
  if (uncounted.length) {
    const counts = await connection.send(
      uncounted.map(p => [LENGTH_COMMANDS[p.type!], p.key]),
    );
    uncounted.forEach((pending, i) => {
      const count = counts[i];
      // a key replaced by one of another type in between is left out
      if (typeof count === 'number') {
        const { seq, key, group, memoryBytes, type } = pending;
        tally.add(seq, db, key, group, type!, memoryBytes, count);
      }
    });
  }
}
