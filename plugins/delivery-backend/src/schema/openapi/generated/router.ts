// The API contract of src/schema/openapi.yaml as a constant, typed for the
// router. Backstage generates this file with
// `backstage-repo-tools package schema openapi generate --server`; that tool is
// not installed here, so scripts/generate-openapi-router.js writes it, and
// openapi.test.ts fails when it differs from the YAML.

import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';

export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'delivery',
    version: '1',
    description:
      "The Domain Delivery API, under `/api/delivery`: the event push API that CI\nsystems report deployments and incidents to, and the read API of the\ndelivery pages. Every route needs a Backstage token (a user's, a\nservice's, or a static external-access token).\n\nTimestamps are ISO 8601; the API answers them in UTC.\n",
    license: {
      name: 'UNLICENSED',
    },
    contact: {},
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    securitySchemes: {
      JWT: {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
    },
    parameters: {
      kind: {
        name: 'kind',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
        },
      },
    },
    responses: {
      ErrorResponse: {
        description: 'An error response from the backend.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
              stack: {
                type: 'string',
              },
              code: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
          },
          request: {
            type: 'object',
            properties: {
              method: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
            },
            required: ['method', 'url'],
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
            required: ['statusCode'],
          },
        },
        required: ['error', 'response'],
        additionalProperties: {},
      },
      DeploymentStatus: {
        type: 'string',
        enum: ['in_progress', 'succeeded', 'failed', 'cancelled'],
      },
      DeploymentTrigger: {
        type: 'string',
        enum: ['pipeline', 'promotion', 'rollback', 'hotfix'],
      },
      DeploymentCommit: {
        type: 'object',
        description: 'A commit that a deployment brought.',
        properties: {
          sha: {
            type: 'string',
          },
          committedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['sha', 'committedAt'],
        additionalProperties: false,
      },
      Deployment: {
        type: 'object',
        description:
          'One rollout of one version of one catalog entity to one environment.',
        properties: {
          id: {
            type: 'string',
          },
          entityRef: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          commitSha: {
            type: 'string',
          },
          commits: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DeploymentCommit',
            },
          },
          status: {
            $ref: '#/components/schemas/DeploymentStatus',
          },
          trigger: {
            $ref: '#/components/schemas/DeploymentTrigger',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
            description: 'Absent while in progress.',
          },
          url: {
            type: 'string',
          },
          actor: {
            type: 'string',
          },
        },
        required: [
          'id',
          'entityRef',
          'environment',
          'version',
          'commitSha',
          'commits',
          'status',
          'trigger',
          'startedAt',
        ],
        additionalProperties: false,
      },
      DeploymentEvent: {
        type: 'object',
        description:
          'A deployment event. `finishedAt` is required unless `status` is\n`in_progress`, and must then be left out; it must not be before\n`startedAt`. Timestamps need a time zone. `environment` must be a\nconfigured environment. A later event with the same `id` replaces the\nstored one, except that an `in_progress` event never replaces a\nfinished deployment.\n',
        properties: {
          type: {
            type: 'string',
            enum: ['deployment'],
          },
          id: {
            type: 'string',
            maxLength: 255,
          },
          entityRef: {
            type: 'string',
            example: 'component:default/payments-api',
          },
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          commitSha: {
            type: 'string',
          },
          commits: {
            type: 'array',
            maxItems: 1000,
            items: {
              $ref: '#/components/schemas/DeploymentCommit',
            },
          },
          status: {
            $ref: '#/components/schemas/DeploymentStatus',
          },
          trigger: {
            $ref: '#/components/schemas/DeploymentTrigger',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          url: {
            type: 'string',
            description: 'An absolute http or https URL.',
          },
          actor: {
            type: 'string',
          },
        },
        required: [
          'type',
          'id',
          'entityRef',
          'environment',
          'version',
          'commitSha',
          'status',
          'trigger',
          'startedAt',
        ],
      },
      IncidentEvent: {
        type: 'object',
        description:
          'An incident event. `resolvedAt` must not be before `openedAt`; an\nunresolved report never reopens a resolved incident.\n',
        properties: {
          type: {
            type: 'string',
            enum: ['incident'],
          },
          id: {
            type: 'string',
            maxLength: 255,
          },
          entityRef: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          openedAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          deploymentId: {
            type: 'string',
          },
          url: {
            type: 'string',
          },
        },
        required: ['type', 'id', 'entityRef', 'environment', 'openedAt'],
      },
      RejectedEvent: {
        type: 'object',
        description: 'An event of the batch that was not stored, and why.',
        properties: {
          index: {
            type: 'integer',
            description:
              "The event's position in the batch (0 for a single object).",
          },
          id: {
            type: 'string',
          },
          field: {
            type: 'string',
            example: 'commits[2].committedAt',
          },
          reason: {
            type: 'string',
          },
        },
        required: ['index', 'field', 'reason'],
        additionalProperties: false,
      },
      EventIngestionResult: {
        type: 'object',
        properties: {
          accepted: {
            type: 'array',
            description: 'The ids of the events that were valid and stored.',
            items: {
              type: 'string',
            },
          },
          rejected: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RejectedEvent',
            },
          },
        },
        required: ['accepted', 'rejected'],
        additionalProperties: false,
      },
      PartlyRejectedEvents: {
        type: 'object',
        description:
          'Some events were rejected: the valid ones are stored all the same, and\n`rejected` names the field and the reason of each other one. The\n`error` and `response` are those of every Backstage error.\n',
        properties: {
          accepted: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          rejected: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/RejectedEvent',
            },
          },
          error: {
            type: 'object',
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
            required: ['name', 'message'],
            additionalProperties: false,
          },
          response: {
            type: 'object',
            properties: {
              statusCode: {
                type: 'number',
              },
            },
            required: ['statusCode'],
            additionalProperties: false,
          },
        },
        required: ['accepted', 'rejected', 'error', 'response'],
        additionalProperties: false,
      },
      EnvironmentSummary: {
        type: 'object',
        properties: {
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          production: {
            type: 'boolean',
          },
        },
        required: ['name', 'title', 'production'],
        additionalProperties: false,
      },
      WeeklyTime: {
        type: 'object',
        properties: {
          day: {
            type: 'string',
            enum: [
              'monday',
              'tuesday',
              'wednesday',
              'thursday',
              'friday',
              'saturday',
              'sunday',
            ],
          },
          time: {
            type: 'string',
            example: '16:00',
          },
        },
        required: ['day', 'time'],
        additionalProperties: false,
      },
      FreezeWindow: {
        oneOf: [
          {
            type: 'object',
            properties: {
              type: {
                type: 'string',
                enum: ['recurring'],
              },
              from: {
                $ref: '#/components/schemas/WeeklyTime',
              },
              to: {
                $ref: '#/components/schemas/WeeklyTime',
              },
              timeZone: {
                type: 'string',
              },
              reason: {
                type: 'string',
              },
            },
            required: ['type', 'from', 'to', 'timeZone'],
            additionalProperties: false,
          },
          {
            type: 'object',
            properties: {
              type: {
                type: 'string',
                enum: ['once'],
              },
              start: {
                type: 'string',
                format: 'date-time',
              },
              end: {
                type: 'string',
                format: 'date-time',
              },
              reason: {
                type: 'string',
              },
            },
            required: ['type', 'start', 'end'],
            additionalProperties: false,
          },
        ],
      },
      Environment: {
        type: 'object',
        description: 'A configured environment; executor options are left out.',
        properties: {
          name: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          production: {
            type: 'boolean',
          },
          promotion: {
            type: 'object',
            properties: {
              promotedFrom: {
                type: 'string',
              },
              requiredApprovals: {
                type: 'integer',
              },
              approvers: {
                type: 'array',
                items: {
                  type: 'string',
                },
              },
              allowSelfApproval: {
                type: 'boolean',
              },
              minimumSoakSeconds: {
                type: 'integer',
              },
            },
            required: [
              'requiredApprovals',
              'approvers',
              'allowSelfApproval',
              'minimumSoakSeconds',
            ],
            additionalProperties: false,
          },
          freezeWindows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/FreezeWindow',
            },
          },
          executor: {
            type: 'object',
            properties: {
              type: {
                type: 'string',
              },
            },
            required: ['type'],
            additionalProperties: false,
          },
        },
        required: [
          'name',
          'title',
          'production',
          'promotion',
          'freezeWindows',
          'executor',
        ],
        additionalProperties: false,
      },
      RunningVersion: {
        type: 'object',
        properties: {
          version: {
            type: 'string',
          },
          since: {
            type: 'string',
            format: 'date-time',
            description:
              "The end of the version's first successful deployment after another\nversion ran; redeploying the same version does not reset it.\n",
          },
          deployment: {
            $ref: '#/components/schemas/Deployment',
          },
        },
        required: ['version', 'since', 'deployment'],
        additionalProperties: false,
      },
      MissingVersion: {
        type: 'object',
        properties: {
          version: {
            type: 'string',
          },
          deploymentId: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['version', 'deploymentId', 'finishedAt'],
        additionalProperties: false,
      },
      NextEnvironmentStatus: {
        type: 'object',
        description: 'What the next environment lacks relative to this one.',
        properties: {
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
            description: 'The version running there, if any.',
          },
          missing: {
            type: 'object',
            properties: {
              versions: {
                type: 'array',
                description:
                  'Succeeded here after the version running there, newest first.',
                items: {
                  $ref: '#/components/schemas/MissingVersion',
                },
              },
              commits: {
                type: 'array',
                description: 'Their commits, deduplicated, newest first.',
                items: {
                  $ref: '#/components/schemas/DeploymentCommit',
                },
              },
            },
            required: ['versions', 'commits'],
            additionalProperties: false,
          },
        },
        required: ['environment', 'missing'],
        additionalProperties: false,
      },
      EnvironmentStatus: {
        type: 'object',
        properties: {
          environment: {
            $ref: '#/components/schemas/EnvironmentSummary',
          },
          current: {
            $ref: '#/components/schemas/RunningVersion',
          },
          next: {
            $ref: '#/components/schemas/NextEnvironmentStatus',
          },
        },
        required: ['environment'],
        additionalProperties: false,
      },
      EntityEnvironments: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentStatus',
            },
          },
        },
        required: ['entityRef', 'items'],
        additionalProperties: false,
      },
      DeploymentPage: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Deployment',
            },
          },
          nextCursor: {
            type: 'string',
            description:
              'Pass as `cursor` for the next page; absent on the last page.',
          },
        },
        required: ['items'],
        additionalProperties: false,
      },
      DomainMatrixCell: {
        type: 'object',
        properties: {
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
            description: 'The version running (latest succeeded deployment).',
          },
          deploymentId: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          status: {
            $ref: '#/components/schemas/DeploymentStatus',
          },
          latest: {
            type: 'object',
            description:
              'The latest deployment, when it is not the one running.',
            properties: {
              deploymentId: {
                type: 'string',
              },
              version: {
                type: 'string',
              },
              status: {
                $ref: '#/components/schemas/DeploymentStatus',
              },
            },
            required: ['deploymentId', 'version', 'status'],
            additionalProperties: false,
          },
          drift: {
            type: 'boolean',
            description:
              'Whether the version differs from the previous environment that runs one.',
          },
        },
        required: ['environment', 'drift'],
        additionalProperties: false,
      },
      DomainMatrixRow: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          system: {
            type: 'string',
          },
          drift: {
            type: 'boolean',
            description:
              "Whether the component's environments run different versions.",
          },
          cells: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DomainMatrixCell',
            },
          },
        },
        required: ['entityRef', 'system', 'drift', 'cells'],
        additionalProperties: false,
      },
      DomainMatrix: {
        type: 'object',
        properties: {
          domainRef: {
            type: 'string',
          },
          environments: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/EnvironmentSummary',
            },
          },
          rows: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DomainMatrixRow',
            },
          },
        },
        required: ['domainRef', 'environments', 'rows'],
        additionalProperties: false,
      },
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'GetHealth',
        description: 'Whether the plugin answers.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    status: {
                      type: 'string',
                      enum: ['ok'],
                    },
                  },
                  required: ['status'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
    '/environments': {
      get: {
        operationId: 'GetEnvironments',
        description: 'The configured environments, in promotion order.',
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Environment',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
    '/events': {
      post: {
        operationId: 'PostEvents',
        description:
          'Reports deployment and incident events: one event object, or an array\nof up to 1000. Only services may call it (including static\nexternal-access tokens), with the `delivery.event.create` permission.\nIdempotent on `id`. Each event is validated on its own (see\n`DeploymentEvent` and `IncidentEvent`): the valid ones are stored even\nwhen others are rejected.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  {
                    type: 'object',
                    description: 'One DeploymentEvent or IncidentEvent.',
                    additionalProperties: {},
                  },
                  {
                    type: 'array',
                    description:
                      'Up to 1000 DeploymentEvent or IncidentEvent objects.',
                    items: {},
                  },
                ],
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Every event was stored.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EventIngestionResult',
                },
              },
            },
          },
          '400': {
            description:
              'Some or all events were rejected (the valid ones are stored), or\nthe body is not JSON, not an event or an array, or holds more than\n1000 events.\n',
            content: {
              'application/json': {
                schema: {
                  anyOf: [
                    {
                      $ref: '#/components/schemas/PartlyRejectedEvents',
                    },
                    {
                      $ref: '#/components/schemas/Error',
                    },
                  ],
                },
              },
            },
          },
          '401': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '413': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
    '/entities/{kind}/{namespace}/{name}/environments': {
      get: {
        operationId: 'GetEntityEnvironments',
        description:
          'Per environment of the entity, in promotion order: the version\nrunning, since when, the deployment behind it, and what the next\nenvironment is missing (versions and commits).\n',
        parameters: [
          {
            $ref: '#/components/parameters/kind',
          },
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/EntityEnvironments',
                },
              },
            },
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
    '/deployments': {
      get: {
        operationId: 'GetDeployments',
        description:
          'The deployment history, newest first (by `finishedAt`, or `startedAt`\nwhile in progress, then by id), cursor-paged. Without `entityRef`,\ndeployments of entities the caller may not read are left out, so a\npage may hold fewer than `limit` items while `nextCursor` leads on.\n',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description:
              'An entity ref such as `component:default/payments-api`.',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'environment',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'cursor',
            in: 'query',
            required: false,
            description: 'The `nextCursor` of the previous page.',
            schema: {
              type: 'string',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 25,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DeploymentPage',
                },
              },
            },
          },
          '400': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '403': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
    '/domains/{namespace}/{name}/matrix': {
      get: {
        operationId: 'GetDomainMatrix',
        description:
          "The domain's components (component → system → domain) × the\nconfigured environments, with drift marked. Components whose\ndeployments the caller may not read are left out.\n",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DomainMatrix',
                },
              },
            },
          },
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
        security: [
          {},
          {
            JWT: [],
          },
        ],
      },
    },
  },
} as const;

/** A router whose requests are validated against {@link spec}. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
