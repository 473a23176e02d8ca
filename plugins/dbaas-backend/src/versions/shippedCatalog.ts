import fs from 'fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { CatalogFile, catalogFileSchema } from './catalogSchema';

/**
 * The versions and advisories shipped with the plugin (data/catalog.json,
 * sources in data/README.md), checked against the schema so a bad edit of
 * the data fails at startup instead of showing wrong advisories.
 */
export function loadShippedCatalog(
  file = resolvePackagePath(
    '@justmanage/plugin-dbaas-backend',
    'src/versions/data/catalog.json',
  ),
): CatalogFile {
  const parsed = catalogFileSchema.safeParse(
    JSON.parse(fs.readFileSync(file, 'utf8')),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file}: ${issue.path.join('.')}: ${issue.message} (${
        parsed.error.issues.length
      } problem(s))`,
    );
  }
  const seen = new Set<string>();
  for (const item of [...parsed.data.releases, ...parsed.data.advisories]) {
    const key = `${item.engine}:${'version' in item ? item.version : item.id}`;
    if (seen.has(key)) throw new Error(`${file}: ${key} appears twice`);
    seen.add(key);
  }
  return parsed.data;
}
