import { InputError } from '@backstage/errors';
import { ByteCursor, NeedMoreBytes } from './ByteCursor';
import { Crc64 } from './crc64';
import {
  readLatin1,
  readLength,
  readPlainLength,
  readString,
  skipString,
  hex,
} from './rdbStrings';
import { RdbValueShape, readValue, skipModuleOpcodes } from './rdbValues';

/** The newest RDB format this parser reads: valkey 8.0's. */
export const NEWEST_RDB_VERSION = 11;

/** One key of an RDB, as the parser met it. */
export interface RdbKey extends RdbValueShape {
  db: number;
  /** The key's bytes as latin1, one character per byte. */
  key: string;
  /** Epoch milliseconds, when the key has a TTL. */
  expiresAt?: number;
  /** Bytes of its type, name and value in the file. */
  serializedBytes: number;
  /**
   * The same with LZF-compressed strings counted expanded: near what the
   * value holds, whether the server compressed it or not.
   */
  expandedBytes: number;
}

export interface RdbSummary {
  version: number;
  /** The AUX fields: redis-ver, ctime, used-mem and so on. */
  aux: Record<string, string>;
  keys: number;
  bytes: number;
  /** Whether the file carried a checksum (rdbchecksum yes) that matched. */
  checksum: 'verified' | 'absent';
}

const OP = {
  SLOT_INFO: 0xf4,
  FUNCTION2: 0xf5,
  FUNCTION_PRE_GA: 0xf6,
  MODULE_AUX: 0xf7,
  IDLE: 0xf8,
  FREQ: 0xf9,
  AUX: 0xfa,
  RESIZEDB: 0xfb,
  EXPIRETIME_MS: 0xfc,
  EXPIRETIME: 0xfd,
  SELECTDB: 0xfe,
  EOF: 0xff,
};
const MIN_READ = 1 << 20;

/**
 * Reads an RDB stream key by key, holding in memory no more than the
 * biggest single key's serialized form, and calls `onKey` for each.
 * A truncated file, a checksum that does not match or a format newer
 * than {@link NEWEST_RDB_VERSION} is refused with an InputError.
 */
export async function parseRdb(
  source: AsyncIterable<Buffer>,
  onKey: (key: RdbKey) => void,
  onAux?: (name: string, value: string) => void,
): Promise<RdbSummary> {
  const chunks = source[Symbol.asyncIterator]();
  try {
    return await parseChunks(chunks, onKey, onAux);
  } catch (error) {
    // Ends the source (a file or a decrypting stream) with the parse.
    await chunks.return?.();
    throw error;
  }
}

async function parseChunks(
  chunks: AsyncIterator<Buffer>,
  onKey: (key: RdbKey) => void,
  onAux?: (name: string, value: string) => void,
): Promise<RdbSummary> {
  const crc = new Crc64();
  const cursor = new ByteCursor(Buffer.alloc(0));
  let consumed = 0;
  let ended = false;

  /** Keeps the bytes from `from` on and appends at least `want` more. */
  const refill = async (from: number, want: number) => {
    crc.update(cursor.buffer.subarray(0, from));
    consumed += from;
    const parts = [cursor.buffer.subarray(from)];
    let total = parts[0].length;
    const target = total + Math.max(want, MIN_READ, total);
    while (total < target) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      parts.push(next.value);
      total += next.value.length;
    }
    cursor.buffer = parts.length === 1 ? parts[0] : Buffer.concat(parts, total);
    cursor.pos = 0;
  };

  const state: ParseState = { db: 0, keys: 0, aux: {}, version: 0, onAux };
  let expectHeader = true;
  for (;;) {
    const start = cursor.pos;
    try {
      if (expectHeader) {
        state.version = readHeader(cursor);
        expectHeader = false;
        continue;
      }
      if (readRecord(cursor, state, onKey)) break;
    } catch (error) {
      if (!(error instanceof NeedMoreBytes)) throw error;
      if (ended) {
        throw new InputError(
          `RDB is truncated: it ends after ${
            consumed + cursor.buffer.length
          } bytes, inside a record that starts at byte ${consumed + start}`,
        );
      }
      await refill(start, cursor.pos - start + 1);
    }
  }
  const checksum = await readChecksum(cursor, crc, state.version, async () => {
    if (ended) return false;
    await refill(cursor.pos, 8);
    return true;
  });
  const bytes = consumed + cursor.pos;
  // Read to the end: a source that checks what it passed on (a backup's
  // digest) reports a mismatch only once it is drained.
  let extra = cursor.remaining;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    extra += next.value.length;
  }
  if (extra > 0) {
    throw new InputError(`RDB has ${extra} bytes after its checksum`);
  }
  return {
    version: state.version,
    aux: state.aux,
    keys: state.keys,
    bytes,
    checksum,
  };
}

interface ParseState {
  db: number;
  keys: number;
  aux: Record<string, string>;
  version: number;
  expiresAt?: number;
  onAux?: (name: string, value: string) => void;
}

function readHeader(cursor: ByteCursor): number {
  const header = cursor.bytes(9).toString('latin1');
  if (!/^REDIS\d{4}$/.test(header)) {
    throw new InputError(
      'This is not an RDB file: it does not start with REDIS and a version',
    );
  }
  const version = Number(header.slice(5));
  if (version > NEWEST_RDB_VERSION) {
    throw new InputError(
      `RDB format ${version} is newer than this parser reads (up to ${NEWEST_RDB_VERSION})`,
    );
  }
  return version;
}

/** Reads one opcode and what it carries; true at the EOF opcode. */
function readRecord(
  cursor: ByteCursor,
  state: ParseState,
  onKey: (key: RdbKey) => void,
): boolean {
  const start = cursor.pos;
  const opcode = cursor.byte();
  switch (opcode) {
    case OP.EOF:
      return true;
    case OP.SELECTDB:
      state.db = readPlainLength(cursor);
      return false;
    case OP.RESIZEDB:
      readPlainLength(cursor);
      readPlainLength(cursor);
      return false;
    case OP.AUX: {
      const name = readString(cursor).toString('utf8');
      state.aux[name] = readString(cursor).toString('utf8');
      state.onAux?.(name, state.aux[name]);
      return false;
    }
    case OP.EXPIRETIME_MS:
      state.expiresAt = cursor.int64LE();
      return false;
    case OP.EXPIRETIME:
      state.expiresAt = cursor.uint32LE() * 1000;
      return false;
    case OP.FREQ:
      cursor.skip(1);
      return false;
    case OP.IDLE:
      readPlainLength(cursor);
      return false;
    case OP.SLOT_INFO:
      readPlainLength(cursor);
      readPlainLength(cursor);
      readPlainLength(cursor);
      return false;
    case OP.FUNCTION2:
      skipString(cursor);
      return false;
    case OP.MODULE_AUX:
      readPlainLength(cursor); // module id
      readPlainLength(cursor); // "when" opcode
      readLength(cursor); // when
      skipModuleOpcodes(cursor);
      return false;
    case OP.FUNCTION_PRE_GA:
      throw new InputError(
        'RDB holds functions in the format of a redis 7.0 release candidate, which this parser does not read',
      );
    default: {
      const saved = cursor.lzfSaved;
      const key = readLatin1(cursor);
      const shape = readValue(cursor, opcode);
      const expiresAt = state.expiresAt;
      state.expiresAt = undefined;
      state.keys += 1;
      // One shape for every key, so the callers' code stays monomorphic.
      onKey({
        db: state.db,
        key,
        type: shape.type,
        encoding: shape.encoding,
        elements: shape.elements,
        rdbType: shape.rdbType,
        expiresAt,
        serializedBytes: cursor.pos - start,
        expandedBytes: cursor.pos - start + cursor.lzfSaved - saved,
      });
      return false;
    }
  }
}

async function readChecksum(
  cursor: ByteCursor,
  crc: Crc64,
  version: number,
  more: () => Promise<boolean>,
): Promise<'verified' | 'absent'> {
  // Formats before 5 end at the EOF opcode.
  if (version < 5) return 'absent';
  while (cursor.remaining < 8) {
    if (!(await more())) {
      throw new InputError(
        'RDB is truncated: its checksum after EOF is missing',
      );
    }
  }
  crc.update(cursor.buffer.subarray(0, cursor.pos));
  const stored = cursor.bytes(8);
  if (stored.every(b => b === 0)) return 'absent';
  const computed = crc.digest();
  if (!computed.equals(stored)) {
    throw new InputError(
      `RDB checksum does not match: the file says ${[...stored]
        .map(hex)
        .join('')}, its bytes give ${[...computed].map(hex).join('')}`,
    );
  }
  return 'verified';
}
