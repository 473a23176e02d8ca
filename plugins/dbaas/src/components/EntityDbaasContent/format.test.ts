import { describeStatus } from './describeStatus';
import { formatBytes } from './formatBytes';
import { formatDuration } from './formatDuration';
import { formatTimeAgo } from './formatTimeAgo';
import { operationDuration } from './operationDuration';
import { primaryEndpoint } from './primaryEndpoint';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [123.456789, '123.5 B'],
    [1536, '1.5 KiB'],
    [256 * 1024 * 1024, '256 MiB'],
    [3.25 * 1024 ** 3, '3.3 GiB'],
  ])('%d bytes read as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [400, '0.4s'],
    [2_940, '2.9s'],
    [42_000, '42s'],
    [185_000, '3m 5s'],
    [3_600_000, '1h'],
    [3 * 86_400_000 + 4 * 3_600_000 + 59_000, '3d 4h'],
  ])('%d ms read as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatTimeAgo', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it.each([
    ['2025-03-01T11:59:48Z', '12 seconds ago'],
    ['2025-03-01T11:57:00Z', '3 minutes ago'],
    ['2025-03-01T09:00:00Z', '3 hours ago'],
    ['2025-02-27T12:00:00Z', '2 days ago'],
    ['2025-03-01T12:00:05Z', '0 seconds ago'],
  ])('%s is %s', (iso, text) => {
    expect(formatTimeAgo(iso, now)).toBe(text);
  });
});

describe('operationDuration', () => {
  const now = Date.parse('2025-03-01T12:01:00Z');
  it('measures from start to finish, or to now while running', () => {
    expect(
      operationDuration({
        startedAt: '2025-03-01T12:00:00Z',
        finishedAt: '2025-03-01T12:00:42Z',
      }),
    ).toBe('42s');
    expect(operationDuration({ startedAt: '2025-03-01T12:00:00Z' }, now)).toBe(
      '1m so far',
    );
    expect(operationDuration({})).toBe('—');
  });
});

describe('describeStatus', () => {
  it.each([
    [{ status: 'running', health: { up: true, checkedAt: '' } }, 'Up', 'ok'],
    [{ status: 'running' }, 'Up', 'ok'],
    [
      { status: 'running', health: { up: false, checkedAt: '' } },
      'Down',
      'error',
    ],
    [{ status: 'down' }, 'Down', 'error'],
    [{ status: 'provisioning' }, 'Provisioning', 'running'],
    [{ status: 'updating' }, 'Updating', 'running'],
    [{ status: 'deleting' }, 'Deleting', 'pending'],
    [{ status: 'failed' }, 'Failed', 'error'],
  ] as const)('%j is %s', (instance, word, tone) => {
    expect(describeStatus(instance)).toEqual({ word, tone });
  });
});

describe('primaryEndpoint', () => {
  it('prefers the primary over replicas, and is absent before placement', () => {
    const replica = {
      role: 'replica',
      host: 'r',
      port: 1,
      tls: false,
    } as const;
    const primary = {
      role: 'primary',
      host: 'p',
      port: 2,
      tls: false,
    } as const;
    expect(primaryEndpoint({ endpoints: [replica, primary] })).toBe(primary);
    expect(primaryEndpoint({ endpoints: [replica] })).toBe(replica);
    expect(primaryEndpoint({ endpoints: [] })).toBeUndefined();
  });
});
