#!/usr/bin/env node
// Generates everything that describes the dbaas API from its one source,
// plugins/dbaas-backend/src/schema/openapi.yaml:
//   plugins/dbaas-common/src/generated/openapi.ts        types (openapi-typescript)
//   plugins/dbaas-common/src/generated/models.ts         a named type per schema
//   plugins/dbaas-common/src/generated/DbaasApiClient.ts the client
//   plugins/dbaas-backend/src/schema/openapi/generated/router.ts  the typed router
// With --check it writes nothing and exits 1 when a file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';
import { readOperations } from './readOperations.mjs';
import { clientSource } from './clientSource.mjs';
import { routerSource } from './routerSource.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const specFile = path.join(root, 'plugins/dbaas-backend/src/schema/openapi.yaml');
const commonDir = path.join(root, 'plugins/dbaas-common/src/generated');
const routerDir = path.join(root, 'plugins/dbaas-backend/src/schema/openapi/generated');
const banner = `// ******************************************************************
// * THIS IS A GENERATED FILE. DO NOT EDIT IT: edit openapi.yaml in *
// * plugins/dbaas-backend/src/schema and run \`npm run generate:api\`. *
// ******************************************************************`;

function modelsSource(doc) {
  const names = Object.keys(doc.components?.schemas ?? {});
  return `${banner}
import type { components } from './openapi';

${names
  .map(name => {
    const description = doc.components.schemas[name].description;
    const comment = description
      ? `/** ${description.replace(/\s+/g, ' ').trim()} @public */`
      : '/** @public */';
    return `${comment}\nexport type ${name} = components['schemas']['${name}'];`;
  })
  .join('\n')}
`;
}

async function main() {
  const check = process.argv.includes('--check');
  const yaml = fs.readFileSync(specFile, 'utf8');
  const doc = parse(yaml);
  const operations = readOperations(doc);
  const types = astToString(await openapiTS(doc, { alphabetize: false, defaultNonNullable: false }));

  const files = {
    [path.join(commonDir, 'openapi.ts')]: `${banner}\n/* eslint-disable */\n${types}`,
    [path.join(commonDir, 'models.ts')]: modelsSource(doc),
    [path.join(commonDir, 'DbaasApiClient.ts')]: clientSource(operations, banner),
    [path.join(commonDir, 'index.ts')]: `${banner}\nexport type { paths, components, operations } from './openapi';\nexport * from './models';\nexport * from './DbaasApiClient';\n`,
    [path.join(routerDir, 'router.ts')]: routerSource(doc, operations, banner),
  };

  const stale = [];
  for (const [file, source] of Object.entries(files)) {
    const options = (await prettier.resolveConfig(file)) ?? {};
    const formatted = prettier.format(source, { ...options, filepath: file });
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (current === formatted) continue;
    if (check) {
      stale.push(path.relative(root, file));
    } else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, formatted);
      console.log(`generated ${path.relative(root, file)}`);
    }
  }
  if (stale.length) {
    console.error(
      `out of date with openapi.yaml (run npm run generate:api): ${stale.join(', ')}`,
    );
    process.exit(1);
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
