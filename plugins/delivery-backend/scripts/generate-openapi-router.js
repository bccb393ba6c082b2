#!/usr/bin/env node
// Writes src/schema/openapi/generated/router.ts from src/schema/openapi.yaml,
// standing in for `backstage-repo-tools package schema openapi generate
// --server`. Run it from anywhere, then format the output with prettier:
//
//   node plugins/delivery-backend/scripts/generate-openapi-router.js
//   yarn prettier --write plugins/delivery-backend/src/schema/openapi/generated

const fs = require('node:fs');
const path = require('node:path');
const yaml = require('yaml');

const root = path.resolve(__dirname, '..');
const spec = yaml.parse(
  fs.readFileSync(path.join(root, 'src/schema/openapi.yaml'), 'utf8'),
);

const header = `// The API contract of src/schema/openapi.yaml as a constant, typed for the
// router. Backstage generates this file with
// \`backstage-repo-tools package schema openapi generate --server\`; that tool is
// not installed here, so scripts/generate-openapi-router.js writes it, and
// openapi.test.ts fails when it differs from the YAML.
`;

const body = `
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = ${JSON.stringify(spec, null, 2)} as const;

/** A router whose requests are validated against {@link spec}. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
`;

const target = path.join(root, 'src/schema/openapi/generated/router.ts');
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, header + body);
