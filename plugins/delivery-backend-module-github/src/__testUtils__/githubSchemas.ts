import Ajv, { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// Required, not imported: the compiler need not infer the type of megabytes of JSON.
const restSpec = require('@octokit/openapi/generated/api.github.com.json');
const webhooksSpec = require('@octokit/openapi-webhooks/generated/api.github.com.json');

/*
 * GitHub's published OpenAPI descriptions, as Octokit ships them: the
 * webhooks' (OpenAPI 3.1, JSON Schema 2020-12) and the REST API's (OpenAPI
 * 3.0). Test payloads and the requests the module makes are checked against
 * them, so that what GitHub's examples lack is built to GitHub's own shape.
 */

function validatorOf(
  ajv: Ajv,
  spec: object,
  id: string,
  pointer: string,
): ValidateFunction {
  if (!ajv.getSchema(id)) {
    // OpenAPI's own keywords (discriminator, example, x-…) are not JSON Schema.
    ajv.addSchema({ ...spec, $id: id });
  }
  return ajv.compile({ $ref: `${id}#${pointer}` });
}

const webhooksAjv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const restAjv = addFormats(new Ajv({ strict: false, allErrors: true }));

function check(validate: ValidateFunction, value: unknown, what: string) {
  if (!validate(value)) {
    throw new Error(
      `${what} does not match GitHub's schema: ${webhooksAjv.errorsText(
        validate.errors,
      )}`,
    );
  }
}

/** Throws unless the payload is valid for the webhook, e.g. `deployment-protection-rule-requested`. */
export function assertValidWebhook(webhook: string, payload: unknown): void {
  const ref = webhooksSpec.webhooks[webhook].post.requestBody.content[
    'application/json'
  ].schema.$ref as string;
  check(
    validatorOf(webhooksAjv, webhooksSpec, 'github-webhooks', ref.slice(1)),
    payload,
    `The ${webhook} payload`,
  );
}

/** Throws unless the body is a valid request body of the REST operation. */
export function assertValidRequestBody(
  method: 'post' | 'put' | 'patch',
  path: string,
  body: unknown,
): void {
  const pointer = `/paths/${path
    .replace(/~/g, '~0')
    .replace(
      /\//g,
      '~1',
    )}/${method}/requestBody/content/application~1json/schema`;
  check(
    validatorOf(restAjv, restSpec, 'github-rest', pointer),
    body,
    `The body of ${method.toUpperCase()} ${path}`,
  );
}

/** Throws unless the body is valid for the named component schema of the REST API. */
export function assertValidRestSchema(schema: string, body: unknown): void {
  check(
    validatorOf(
      restAjv,
      restSpec,
      'github-rest',
      `/components/schemas/${schema}`,
    ),
    body,
    `The ${schema}`,
  );
}
