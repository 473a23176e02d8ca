import { modeText, relativeTime } from './tlsWords';

const NOW = Date.parse('2026-12-05T12:00:00Z');
const DAY_MS = 86_400_000;

describe('relativeTime', () => {
  it.each([
    [90 * DAY_MS, 'in 90 days'],
    [3650 * DAY_MS, 'in 10 years'],
    [-3 * DAY_MS, '3 days ago'],
    [5 * 3_600_000, 'in 5 hours'],
    [20 * 60_000, 'in 20 minutes'],
  ])('reads %d ms ahead as "%s"', (ms, text) => {
    expect(relativeTime(new Date(NOW + ms), NOW)).toBe(text);
  });
});

describe('modeText', () => {
  it('says what each mode means, and shows an unknown one as it is', () => {
    expect(modeText('required')).toBe(
      'required: TLS only, plain TCP is refused',
    );
    expect(modeText('preferred')).toMatch(/^preferred: TLS on a second port/);
    expect(modeText('someday')).toBe('someday');
  });
});
