import fs from 'fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { parse } from 'yaml';

/**
 * The API contract, read from the YAML that is also published with the
 * package. The router validates every request against it.
 */
export function loadOpenApiSpec(): any {
  const file = resolvePackagePath(
    '@justmanage/plugin-dbaas-backend',
    'src/schema/openapi.yaml',
  );
  return parse(fs.readFileSync(file, 'utf8'));
}
