import fs from 'fs';
import os from 'os';
import path from 'path';
import { advisoriesAffecting } from '@justmanage/plugin-dbaas-common';
import { loadShippedCatalog } from './shippedCatalog';

const catalog = loadShippedCatalog();
const ids = (engine: 'redis' | 'valkey', version: string) =>
  advisoriesAffecting(catalog.advisories, engine, version)
    .map(a => a.id)
    .sort();

describe('the shipped catalog', () => {
  it('covers the Redis CVEs of 2022-2025 the issue names, and Valkey’s', () => {
    const redis = catalog.advisories.filter(a => a.engine === 'redis');
    for (const id of [
      'CVE-2022-24834',
      'CVE-2023-28856',
      'CVE-2023-45145',
      'CVE-2024-31449',
      'CVE-2025-21605',
      'CVE-2025-32023',
      'CVE-2025-49844',
    ]) {
      expect(redis.map(a => a.id)).toContain(id);
    }
    expect(
      catalog.advisories.filter(a => a.engine === 'valkey').length,
    ).toBeGreaterThanOrEqual(15);
  });

  it('knows every version the local platform installs', () => {
    const versions = catalog.releases.map(r => `${r.engine} ${r.version}`);
    expect(versions).toEqual(
      expect.arrayContaining(['redis 6.0.16', 'redis 7.0.15', 'valkey 8.0.1']),
    );
    const rdb = (engine: string, version: string) =>
      catalog.releases.find(r => r.engine === engine && r.version === version)
        ?.rdbVersion;
    expect(rdb('redis', '6.0.16')).toBe(9);
    expect(rdb('redis', '7.0.15')).toBe(10);
    expect(rdb('valkey', '8.0.1')).toBe(11);
  });

  it('shows five advisories fewer for Debian’s deb12u10 build of 7.0.15 than for deb12u7', () => {
    const u7 = ids('redis', '7.0.15+deb12u7');
    const u10 = ids('redis', '7.0.15+deb12u10');
    expect(u7.filter(id => !u10.includes(id))).toEqual([
      'CVE-2026-23631',
      'CVE-2026-25243',
      'CVE-2026-66373',
      'CVE-2026-81934',
      'CVE-2026-92925',
    ]);
    expect(u10.filter(id => !u7.includes(id))).toEqual([]);
    // deb12u10 carries every fix Debian made to 7.0.15
    expect(u10).toEqual([]);
  });

  it('shows every advisory since 2024 on the plain upstream 7.0.15', () => {
    expect(ids('redis', '7.0.15')).toEqual([
      'CVE-2024-31227',
      'CVE-2024-31228',
      'CVE-2024-31449',
      'CVE-2024-46981',
      'CVE-2024-51741',
      'CVE-2025-21605',
      'CVE-2025-27151',
      'CVE-2025-32023',
      'CVE-2025-46817',
      'CVE-2025-46818',
      'CVE-2025-46819',
      'CVE-2025-48367',
      'CVE-2025-49844',
      'CVE-2025-67733',
      'CVE-2026-21863',
      'CVE-2026-23631',
      'CVE-2026-25243',
      'CVE-2026-66373',
      'CVE-2026-81934',
      'CVE-2026-92925',
    ]);
  });

  it('shows the unfixed advisories of the 6.0 branch on 6.0.16', () => {
    expect(ids('redis', '6.0.16+deb11u2')).toEqual([
      'CVE-2022-24735',
      'CVE-2022-24736',
      'CVE-2022-24834',
      'CVE-2022-35977',
      'CVE-2022-36021',
      'CVE-2023-25155',
      'CVE-2023-28856',
      'CVE-2023-45145',
      'CVE-2024-31228',
      'CVE-2024-31449',
      'CVE-2024-46981',
      'CVE-2025-21605',
      'CVE-2025-32023',
      'CVE-2025-46817',
      'CVE-2025-46818',
      'CVE-2025-46819',
      'CVE-2025-48367',
      'CVE-2025-49844',
      'CVE-2026-23631',
      'CVE-2026-25243',
      'CVE-2026-66373',
    ]);
    // 6.0.20 is the last 6.0 release: it fixes what 6.0 ever got fixed
    expect(ids('redis', '6.0.20')).not.toContain('CVE-2022-24834');
  });

  it('shows valkey 8.0.1 what 8.0.2 and later fixed', () => {
    expect(ids('valkey', '8.0.1+bpo12.1')).toEqual(
      expect.arrayContaining(['CVE-2024-46981', 'CVE-2025-49844']),
    );
    expect(ids('valkey', '8.0.1+bpo12.1')).not.toContain('CVE-2024-31449');
    expect(ids('valkey', '8.0.6')).not.toContain('CVE-2025-49844');
  });

  it('refuses a data file that breaks the schema, naming the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
    const file = path.join(dir, 'catalog.json');
    const broken = JSON.parse(
      fs.readFileSync(require.resolve('./data/catalog.json'), 'utf8'),
    );
    broken.advisories[0].severity = 'severe';
    fs.writeFileSync(file, JSON.stringify(broken));
    expect(() => loadShippedCatalog(file)).toThrow(
      /advisories\.0\.severity: Invalid option/,
    );
    fs.rmSync(dir, { recursive: true });
  });
});
