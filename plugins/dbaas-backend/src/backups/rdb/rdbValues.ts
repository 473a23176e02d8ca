import { InputError } from '@backstage/errors';
import { ByteCursor } from './ByteCursor';
import {
  alwaysCounted,
  intsetCount,
  listpackCount,
  listpackCounted,
  ziplistCount,
  ziplistCounted,
} from './packedCounts';
import {
  readPacked,
  readPlainLength,
  stringLength,
  skipString,
  skipTextDouble,
} from './rdbStrings';

/** What a key's value is, as TYPE and OBJECT ENCODING would name it. */
export interface RdbValueShape {
  type: 'string' | 'list' | 'set' | 'zset' | 'hash' | 'stream' | 'module';
  encoding: string;
  /** Elements (bytes for a string, entries for a stream). */
  elements: number;
  /** The value's type byte in the RDB, which tells its stored form. */
  rdbType: number;
}

/** The RDB type bytes of streams, by the version of their layout. */
const STREAM_VERSIONS: Record<number, number> = { 15: 1, 19: 2, 21: 3 };

const zipmapCount = (zm: Buffer) => (zm[0] < 254 ? zm[0] : 0);

function repeat(times: number, read: () => void): void {
  for (let i = 0; i < times; i++) read();
}

/** Passes over a value of the given type byte and says what it held. */
export function readValue(cursor: ByteCursor, type: number): RdbValueShape {
  const shape = readShape(cursor, type);
  return {
    type: shape.type,
    encoding: shape.encoding,
    elements: shape.elements,
    rdbType: type,
  };
}

function readShape(
  cursor: ByteCursor,
  type: number,
): Omit<RdbValueShape, 'rdbType'> {
  switch (type) {
    case 0:
      return {
        type: 'string',
        encoding: 'raw',
        elements: stringLength(cursor),
      };
    case 1: {
      const n = readPlainLength(cursor);
      repeat(n, () => skipString(cursor));
      return { type: 'list', encoding: 'linkedlist', elements: n };
    }
    case 2: {
      const n = readPlainLength(cursor);
      repeat(n, () => skipString(cursor));
      return { type: 'set', encoding: 'hashtable', elements: n };
    }
    case 3:
    case 5: {
      const n = readPlainLength(cursor);
      repeat(n, () => {
        skipString(cursor);
        if (type === 3) skipTextDouble(cursor);
        else cursor.skip(8);
      });
      return { type: 'zset', encoding: 'skiplist', elements: n };
    }
    case 4: {
      const n = readPlainLength(cursor);
      repeat(2 * n, () => skipString(cursor));
      return { type: 'hash', encoding: 'hashtable', elements: n };
    }
    case 6:
    case 7:
      return readModuleValue(cursor, type);
    case 9:
      return packed(cursor, 'hash', 'zipmap', zipmapCount, alwaysCounted);
    case 10:
      return packed(cursor, 'list', 'ziplist', ziplistCount, ziplistCounted);
    case 11:
      return packed(cursor, 'set', 'intset', intsetCount, alwaysCounted);
    case 12:
      return packed(
        cursor,
        'zset',
        'ziplist',
        zl => ziplistCount(zl) / 2,
        ziplistCounted,
      );
    case 13:
      return packed(
        cursor,
        'hash',
        'ziplist',
        zl => ziplistCount(zl) / 2,
        ziplistCounted,
      );
    case 14: {
      const nodes = readPlainLength(cursor);
      let elements = 0;
      repeat(nodes, () => {
        elements += ziplistCount(readPacked(cursor, ziplistCounted));
      });
      return { type: 'list', encoding: 'quicklist', elements };
    }
    case 15:
    case 19:
    case 21:
      return readStream(cursor, type);
    case 16:
      return packed(
        cursor,
        'hash',
        'listpack',
        lp => listpackCount(lp) / 2,
        listpackCounted,
      );
    case 17:
      return packed(
        cursor,
        'zset',
        'listpack',
        lp => listpackCount(lp) / 2,
        listpackCounted,
      );
    case 18:
      return readQuicklist2(cursor);
    case 20:
      return packed(cursor, 'set', 'listpack', listpackCount, listpackCounted);
    default:
      throw new InputError(
        `RDB holds a value of type ${type}, which this parser does not know (a newer RDB format)`,
      );
  }
}

function packed(
  cursor: ByteCursor,
  type: RdbValueShape['type'],
  encoding: string,
  count: (blob: Buffer) => number,
  counted: (head: Buffer) => boolean,
): Omit<RdbValueShape, 'rdbType'> {
  return { type, encoding, elements: count(readPacked(cursor, counted)) };
}

function readQuicklist2(cursor: ByteCursor): Omit<RdbValueShape, 'rdbType'> {
  const nodes = readPlainLength(cursor);
  let elements = 0;
  let plainNodes = 0;
  for (let i = 0; i < nodes; i++) {
    // 1: one big element stored as it is; 2: a listpack of elements.
    const container = readPlainLength(cursor);
    if (container === 1) {
      skipString(cursor);
      elements += 1;
      plainNodes += 1;
    } else {
      elements += listpackCount(readPacked(cursor, listpackCounted));
    }
  }
  const encoding = nodes === 1 && plainNodes === 0 ? 'listpack' : 'quicklist';
  return { type: 'list', encoding, elements };
}

function readStream(
  cursor: ByteCursor,
  type: number,
): Omit<RdbValueShape, 'rdbType'> {
  const version = STREAM_VERSIONS[type];
  const nodes = readPlainLength(cursor);
  repeat(nodes, () => {
    skipString(cursor); // the node's master entry id
    skipString(cursor); // its listpack
  });
  const length = readPlainLength(cursor);
  const lengths = (n: number) => repeat(n, () => readPlainLength(cursor));
  lengths(2); // last id
  if (version >= 2) lengths(5); // first id, max deleted id, entries added
  const groups = readPlainLength(cursor);
  repeat(groups, () => {
    skipString(cursor);
    lengths(version >= 2 ? 3 : 2); // last delivered id, entries read
    const pending = readPlainLength(cursor);
    repeat(pending, () => {
      cursor.skip(16 + 8); // entry id, delivery time
      readPlainLength(cursor); // delivery count
    });
    const consumers = readPlainLength(cursor);
    repeat(consumers, () => {
      skipString(cursor);
      cursor.skip(version >= 3 ? 16 : 8); // seen (and active) time
      cursor.skip(16 * readPlainLength(cursor));
    });
  });
  return { type: 'stream', encoding: 'stream', elements: length };
}

/**
 * A module's value, skipped by the typed opcodes Redis writes around
 * every module value (MODULE_2). Its elements are unknown: 0.
 */
function readModuleValue(
  cursor: ByteCursor,
  type: number,
): Omit<RdbValueShape, 'rdbType'> {
  readPlainLength(cursor); // module id
  if (type === 6) {
    throw new InputError(
      'RDB holds a module value of the pre-release format, which cannot be skipped',
    );
  }
  skipModuleOpcodes(cursor);
  return { type: 'module', encoding: 'module', elements: 0 };
}

/** The typed values of a module's data, up to their EOF opcode. */
export function skipModuleOpcodes(cursor: ByteCursor): void {
  for (;;) {
    const opcode = readPlainLength(cursor);
    switch (opcode) {
      case 0:
        return;
      case 1:
      case 2:
        readPlainLength(cursor);
        break;
      case 3:
        cursor.skip(4);
        break;
      case 4:
        cursor.skip(8);
        break;
      case 5:
        skipString(cursor);
        break;
      default:
        throw new InputError(`RDB holds an unknown module opcode ${opcode}`);
    }
  }
}
