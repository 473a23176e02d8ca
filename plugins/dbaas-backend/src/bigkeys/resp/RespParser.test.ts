import { encodeCommands } from './encodeCommands';
import { RespErrorReply, RespParser, RespReply } from './RespParser';

function parseAll(parser: RespParser): RespReply[] {
  const replies: RespReply[] = [];
  for (let reply = parser.next(); reply !== undefined; reply = parser.next()) {
    replies.push(reply);
  }
  return replies;
}

/** The bytes Redis would send for a SCAN reply, a TYPE, an error and more. */
const WIRE = Buffer.concat([
  Buffer.from('*2\r\n$4\r\n1792\r\n*3\r\n$5\r\nuser:\r\n$0\r\n\r\n$3\r\n'),
  Buffer.from([0xff, 0x00, 0x0d]),
  Buffer.from('\r\n+string\r\n:-12\r\n:1048576\r\n$-1\r\n*-1\r\n'),
  Buffer.from(
    '-WRONGTYPE Operation against a key holding the wrong kind of value\r\n',
  ),
]);

const WIRE_REPLIES: RespReply[] = [
  ['1792', ['user:', '', '\xff\x00\x0d']],
  'string',
  -12,
  1048576,
  null,
  null,
  new RespErrorReply(
    'WRONGTYPE Operation against a key holding the wrong kind of value',
  ),
];

describe('RespParser', () => {
  it('reads every kind of reply, keys of any bytes included', () => {
    const parser = new RespParser();
    parser.push(WIRE);
    const replies = parseAll(parser);
    expect(replies).toEqual(WIRE_REPLIES);
    expect(replies[6]).toBeInstanceOf(RespErrorReply);
  });

  it('gives the same replies however the bytes are cut into chunks', () => {
    for (const size of [1, 2, 3, 7, 13]) {
      const parser = new RespParser();
      const replies: RespReply[] = [];
      for (let at = 0; at < WIRE.length; at += size) {
        parser.push(WIRE.subarray(at, at + size));
        replies.push(...parseAll(parser));
      }
      expect([size, replies]).toEqual([size, WIRE_REPLIES]);
    }
  });

  it('waits for all of a long bulk string', () => {
    const value = 'v'.repeat(100_000);
    const wire = Buffer.from(`$${value.length}\r\n${value}\r\n:1\r\n`);
    const parser = new RespParser();
    parser.push(wire.subarray(0, 50_000));
    expect(parser.next()).toBeUndefined();
    parser.push(wire.subarray(50_000, 100_005));
    expect(parser.next()).toBeUndefined();
    parser.push(wire.subarray(100_005));
    expect(parser.next()).toBe(value);
    expect(parser.next()).toBe(1);
  });

  it('refuses bytes that are not RESP', () => {
    const parser = new RespParser();
    parser.push(Buffer.from('HTTP/1.1 400\r\n'));
    expect(() => parser.next()).toThrow(/Unexpected RESP reply type 'H'/);
  });
});

describe('encodeCommands', () => {
  it('writes each argument with its byte length, so binary keys pass', () => {
    const key = Buffer.from([0xe2, 0x82, 0xac, 0x0d, 0x0a]).toString('latin1');
    const wire = Buffer.from(
      encodeCommands([['MEMORY', 'USAGE', key], ['PING']]),
      'latin1',
    );
    expect(wire).toEqual(
      Buffer.concat([
        Buffer.from('*3\r\n$6\r\nMEMORY\r\n$5\r\nUSAGE\r\n$5\r\n'),
        Buffer.from([0xe2, 0x82, 0xac, 0x0d, 0x0a]),
        Buffer.from('\r\n*1\r\n$4\r\nPING\r\n'),
      ]),
    );
  });
});
