import Ajv from 'ajv';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * The specifications the generated files are checked against, as published by
 * their owners (`shared/specs` of the project, next to the repository). Tests
 * that need them are skipped where they are not present.
 */
export const SPECS_DIR = path.resolve(__dirname, '../../../../../shared/specs');

/** Whether a file of the shared specifications is present. */
export function hasSpec(relativePath: string): boolean {
  return fs.existsSync(path.join(SPECS_DIR, relativePath));
}

const VALIDATE_SPECS = path.join(__dirname, 'validateSpecs.mjs');

function runValidator(input: object): {
  workflows: Record<string, string[]>;
  argocd: Record<string, string[]>;
} {
  const output = execFileSync(process.execPath, [VALIDATE_SPECS], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output);
}

/** The errors of GitHub's workflow parser for each workflow, by name. */
export function workflowParserErrors(
  workflows: Array<{ name: string; content: string }>,
): Record<string, string[]> {
  return runValidator({ workflows }).workflows;
}

/** The errors of the Argo CD models' validation for each manifest, by name. */
export function argoCdModelErrors(
  manifests: Array<{ name: string; document: unknown }>,
): Record<string, string[]> {
  return runValidator({ argocd: manifests }).argocd;
}

/**
 * Parses YAML as strictly as linters read it: errors and warnings (duplicate
 * keys among them) are problems.
 */
export function parseStrictYaml(text: string): {
  values: unknown[];
  problems: string[];
} {
  const documents = parseAllDocuments(text, { uniqueKeys: true, strict: true });
  const list = Array.isArray(documents) ? documents : [];
  const problems = list.flatMap(document =>
    [...document.errors, ...document.warnings].map(problem => problem.message),
  );
  return {
    values: list.map(document => document.toJS()),
    problems: list.length ? problems : ['no YAML document'],
  };
}

/** The errors of validating data against a JSON schema (draft-07 or 2020-12 subset ajv knows). */
export function jsonSchemaErrors(schema: object, data: unknown): string[] {
  // Formats need ajv-formats; the published schemas use them only for URLs we do not set.
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  const validate = ajv.compile(schema);
  if (validate(data)) {
    return [];
  }
  return (validate.errors ?? []).map(
    error => `${error.instancePath || '/'} ${error.message}`,
  );
}

/** A JSON schema of the shared specifications. */
export function readSpecSchema(relativePath: string): object {
  return JSON.parse(
    fs.readFileSync(path.join(SPECS_DIR, relativePath), 'utf8'),
  );
}

/**
 * The schema of a CRD of the shared specifications, made strict the way
 * `kubectl --validate=strict` and kubeconform's strict mode read it: an object
 * with declared properties accepts no others, unless the CRD preserves unknown
 * fields there.
 */
export function strictCrdSchema(relativePath: string): object {
  const crd = parse(
    fs.readFileSync(path.join(SPECS_DIR, relativePath), 'utf8'),
  );
  const strict = (node: any): any => {
    if (Array.isArray(node)) {
      return node.map(strict);
    }
    if (typeof node !== 'object' || node === null) {
      return node;
    }
    const copy = Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, strict(value)]),
    );
    if (
      copy.properties &&
      copy.additionalProperties === undefined &&
      !copy['x-kubernetes-preserve-unknown-fields']
    ) {
      copy.additionalProperties = false;
    }
    return copy;
  };
  return strict(crd.spec.versions[0].schema.openAPIV3Schema);
}

/** `describe` when the condition holds, `describe.skip` otherwise. */
export function describeIf(condition: boolean): typeof describe {
  return condition ? describe : (describe.skip as typeof describe);
}
