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
      promotionId: {
        name: 'id',
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
      Incident: {
        type: 'object',
        description: 'A stored incident, as its latest event reported it.',
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
          openedAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
            description: 'Absent while the incident is open.',
          },
          deploymentId: {
            type: 'string',
            description:
              'The deployment the incident names, which may not have been\nreported yet.\n',
          },
          url: {
            type: 'string',
          },
        },
        required: ['id', 'entityRef', 'environment', 'openedAt'],
        additionalProperties: false,
      },
      IncidentPage: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            description:
              'The newest matching incidents by `openedAt`, at most `limit`.',
            items: {
              $ref: '#/components/schemas/Incident',
            },
          },
          totalCount: {
            type: 'integer',
            description:
              'How many incidents match `entityRef` and `open`, however many\n`items` holds; ask with `limit=0` for the count alone.\n',
          },
        },
        required: ['items', 'totalCount'],
        additionalProperties: false,
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
      RejectedEventsError: {
        type: 'object',
        description:
          'Some events were rejected: the valid ones are stored all the same. A\nBackstage error whose `error` also lists the `accepted` ids and, for\neach `rejected` event, the field and the reason.\n',
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
            },
            required: ['name', 'message', 'accepted', 'rejected'],
          },
          request: {
            type: 'object',
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
      DoraTier: {
        type: 'string',
        nullable: true,
        enum: ['elite', 'high', 'medium', 'low', null],
        description:
          "DORA's performance cluster; null where the metric is null.",
      },
      DoraSummary: {
        type: 'object',
        description:
          'The DORA numbers over the window (or a bucket of it). A ratio with\nnothing to divide, or a median of nothing, is null.\n',
        properties: {
          deployments: {
            type: 'integer',
            description:
              'Succeeded production deployments that finished in the window.',
          },
          deploymentFrequencyPerDay: {
            type: 'number',
            description:
              'deployments ÷ calendar days in the window, in its time zone.',
          },
          leadTimeMedianSeconds: {
            type: 'number',
            nullable: true,
            description:
              "Median lead time for changes (percentile_cont(0.5)): per commit,\nfrom its commit time to the end of the entity's first succeeded\nproduction deployment that brought it, counted in the window of\nthat deployment only.\n",
          },
          leadTimeP90Seconds: {
            type: 'number',
            nullable: true,
            description:
              '90th percentile lead time for changes (percentile_cont(0.9)).',
          },
          leadTimeCommits: {
            type: 'integer',
            description: 'The commits the lead times are taken over.',
          },
          failedDeployments: {
            type: 'integer',
            description:
              'Deployments in the window that an incident names, that an incident\nnaming no deployment is attributed to (opened after it, before the\nnext production deployment, within the attribution window), or\nwhose next production deployment is a rollback or a hotfix.\n',
          },
          changeFailureRate: {
            type: 'number',
            nullable: true,
            description: 'failedDeployments ÷ deployments.',
          },
          recoveryMedianSeconds: {
            type: 'number',
            nullable: true,
            description:
              'Median failed deployment recovery time of the failed deployments in\nthe window that recovered: to the latest resolution of their\nincidents, or without incidents to the next production deployment.\n',
          },
          openFailures: {
            type: 'integer',
            description: 'Failed deployments in the window not recovered yet.',
          },
          reworkRate: {
            type: 'number',
            nullable: true,
            description:
              'Deployments with trigger rollback or hotfix ÷ deployments.',
          },
        },
        required: [
          'deployments',
          'deploymentFrequencyPerDay',
          'leadTimeMedianSeconds',
          'leadTimeP90Seconds',
          'leadTimeCommits',
          'failedDeployments',
          'changeFailureRate',
          'recoveryMedianSeconds',
          'openFailures',
          'reworkRate',
        ],
        additionalProperties: false,
      },
      DoraTiers: {
        type: 'object',
        properties: {
          deploymentFrequency: {
            $ref: '#/components/schemas/DoraTier',
          },
          leadTime: {
            $ref: '#/components/schemas/DoraTier',
          },
          changeFailureRate: {
            $ref: '#/components/schemas/DoraTier',
          },
          recovery: {
            $ref: '#/components/schemas/DoraTier',
          },
        },
        required: [
          'deploymentFrequency',
          'leadTime',
          'changeFailureRate',
          'recovery',
        ],
        additionalProperties: false,
      },
      DoraBucket: {
        type: 'object',
        description:
          'One calendar day or ISO week of the time zone that overlaps the\nwindow, with the numbers of DoraSummary over the part of it that lies\nin the window.\n',
        properties: {
          start: {
            type: 'string',
            format: 'date-time',
            description: 'Where the day or week starts, in UTC.',
          },
          end: {
            type: 'string',
            format: 'date-time',
            description: 'Where it ends (exclusive), in UTC.',
          },
          label: {
            type: 'string',
            description: 'The local day (2026-03-29) or ISO week (2026-W13).',
            example: '2026-W13',
          },
          deployments: {
            type: 'integer',
          },
          deploymentFrequencyPerDay: {
            type: 'number',
            description: "deployments ÷ the bucket's days in the window.",
          },
          leadTimeMedianSeconds: {
            type: 'number',
            nullable: true,
          },
          leadTimeP90Seconds: {
            type: 'number',
            nullable: true,
          },
          leadTimeCommits: {
            type: 'integer',
          },
          failedDeployments: {
            type: 'integer',
          },
          changeFailureRate: {
            type: 'number',
            nullable: true,
          },
          recoveryMedianSeconds: {
            type: 'number',
            nullable: true,
          },
          openFailures: {
            type: 'integer',
          },
          reworkRate: {
            type: 'number',
            nullable: true,
          },
        },
        required: [
          'start',
          'end',
          'label',
          'deployments',
          'deploymentFrequencyPerDay',
          'leadTimeMedianSeconds',
          'leadTimeP90Seconds',
          'leadTimeCommits',
          'failedDeployments',
          'changeFailureRate',
          'recoveryMedianSeconds',
          'openFailures',
          'reworkRate',
        ],
        additionalProperties: false,
      },
      DoraResponse: {
        type: 'object',
        properties: {
          summary: {
            $ref: '#/components/schemas/DoraSummary',
          },
          tiers: {
            $ref: '#/components/schemas/DoraTiers',
          },
          series: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DoraBucket',
            },
          },
        },
        required: ['summary', 'tiers', 'series'],
        additionalProperties: false,
      },
      PromotionState: {
        type: 'string',
        enum: [
          'pending_approval',
          'approved',
          'executing',
          'succeeded',
          'failed',
          'rejected',
          'cancelled',
        ],
      },
      PromotionTrigger: {
        type: 'string',
        enum: ['promotion', 'rollback', 'hotfix'],
      },
      PromotionApproval: {
        type: 'object',
        properties: {
          approver: {
            type: 'string',
            example: 'user:default/platform-admin',
          },
          approvedAt: {
            type: 'string',
            format: 'date-time',
          },
          comment: {
            type: 'string',
          },
        },
        required: ['approver', 'approvedAt'],
        additionalProperties: false,
      },
      PromotionTransition: {
        type: 'object',
        description: "A change of a promotion's state, with who, when and why.",
        properties: {
          from: {
            $ref: '#/components/schemas/PromotionState',
          },
          to: {
            $ref: '#/components/schemas/PromotionState',
          },
          actor: {
            type: 'string',
            description:
              'A user ref, or `plugin:delivery` for the promotion engine.',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          comment: {
            type: 'string',
          },
        },
        required: ['to', 'actor', 'at'],
        additionalProperties: false,
      },
      Promotion: {
        type: 'object',
        description:
          'A request to move a version of an entity into an environment:\n`pending_approval → approved → executing → succeeded | failed`, or\n`rejected | cancelled`. `transitions` is present when one promotion\nis read.\n',
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
          trigger: {
            $ref: '#/components/schemas/PromotionTrigger',
          },
          reason: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/PromotionState',
          },
          requestedBy: {
            type: 'string',
          },
          requestedAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          fromVersion: {
            type: 'string',
            description:
              'The version that ran in the environment at request time.',
          },
          requiredApprovals: {
            type: 'integer',
          },
          approvers: {
            type: 'array',
            description: 'Who may approve, with `owner` resolved.',
            items: {
              type: 'string',
            },
          },
          allowSelfApproval: {
            type: 'boolean',
          },
          approvals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PromotionApproval',
            },
          },
          deploymentId: {
            type: 'string',
            description: 'The deployment in the history, once it succeeded.',
          },
          url: {
            type: 'string',
          },
          gitopsCommitSha: {
            type: 'string',
          },
          message: {
            type: 'string',
            description: "The executor's summary, or why it failed.",
          },
          transitions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PromotionTransition',
            },
          },
        },
        required: [
          'id',
          'entityRef',
          'environment',
          'version',
          'trigger',
          'reason',
          'state',
          'requestedBy',
          'requestedAt',
          'updatedAt',
          'requiredApprovals',
          'approvers',
          'allowSelfApproval',
          'approvals',
        ],
        additionalProperties: false,
      },
      PromotionWarning: {
        type: 'object',
        properties: {
          code: {
            type: 'string',
            example: 'rolled_back_version',
          },
          message: {
            type: 'string',
          },
        },
        required: ['code', 'message'],
        additionalProperties: false,
      },
      PromotionViolation: {
        type: 'object',
        description: 'A policy rule that refuses the request, and why.',
        properties: {
          rule: {
            type: 'string',
            enum: [
              'environment',
              'source_environment',
              'soak_time',
              'freeze_window',
              'open_promotion',
              'already_running',
              'rollback_target',
            ],
          },
          message: {
            type: 'string',
          },
        },
        required: ['rule', 'message'],
        additionalProperties: false,
      },
      RequestedPromotion: {
        type: 'object',
        description:
          'The new promotion, as `Promotion`, and what the requester should know.',
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
          trigger: {
            $ref: '#/components/schemas/PromotionTrigger',
          },
          reason: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/PromotionState',
          },
          requestedBy: {
            type: 'string',
          },
          requestedAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          fromVersion: {
            type: 'string',
            description:
              'The version that ran in the environment at request time.',
          },
          requiredApprovals: {
            type: 'integer',
          },
          approvers: {
            type: 'array',
            description: 'Who may approve, with `owner` resolved.',
            items: {
              type: 'string',
            },
          },
          allowSelfApproval: {
            type: 'boolean',
          },
          approvals: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PromotionApproval',
            },
          },
          deploymentId: {
            type: 'string',
            description: 'The deployment in the history, once it succeeded.',
          },
          url: {
            type: 'string',
          },
          gitopsCommitSha: {
            type: 'string',
          },
          message: {
            type: 'string',
            description: "The executor's summary, or why it failed.",
          },
          transitions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PromotionTransition',
            },
          },
          warnings: {
            type: 'array',
            description:
              'E.g. that the version was rolled back from before; empty when none.',
            items: {
              $ref: '#/components/schemas/PromotionWarning',
            },
          },
        },
        required: [
          'id',
          'entityRef',
          'environment',
          'version',
          'trigger',
          'reason',
          'state',
          'requestedBy',
          'requestedAt',
          'updatedAt',
          'requiredApprovals',
          'approvers',
          'allowSelfApproval',
          'approvals',
          'warnings',
        ],
        additionalProperties: false,
      },
      PromotionRequest: {
        type: 'object',
        properties: {
          entityRef: {
            type: 'string',
            maxLength: 255,
            example: 'component:default/parking-availability-service',
          },
          environment: {
            type: 'string',
            maxLength: 63,
          },
          version: {
            type: 'string',
            maxLength: 255,
          },
          reason: {
            type: 'string',
            maxLength: 2000,
          },
          trigger: {
            $ref: '#/components/schemas/PromotionTrigger',
          },
        },
        required: ['entityRef', 'environment', 'version', 'reason'],
        additionalProperties: false,
      },
      PromotionComment: {
        type: 'object',
        properties: {
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        additionalProperties: false,
      },
      PromotionFileChange: {
        type: 'object',
        properties: {
          path: {
            type: 'string',
          },
          before: {
            type: 'string',
            description: 'Absent when the file will be created.',
          },
          after: {
            type: 'string',
          },
          diff: {
            type: 'string',
            description: 'A unified diff from `before` to `after`.',
          },
        },
        required: ['path', 'after', 'diff'],
        additionalProperties: false,
      },
      PromotionPreview: {
        type: 'object',
        description:
          'What a promotion would do, and whether it would be refused now.',
        properties: {
          entityRef: {
            type: 'string',
          },
          environment: {
            type: 'string',
          },
          version: {
            type: 'string',
          },
          trigger: {
            $ref: '#/components/schemas/PromotionTrigger',
          },
          currentVersion: {
            type: 'string',
            description: 'The version running in the target environment now.',
          },
          sourceEnvironment: {
            type: 'string',
          },
          commits: {
            type: 'array',
            description:
              'The commits it brings, newest first; empty for a rollback.',
            items: {
              $ref: '#/components/schemas/DeploymentCommit',
            },
          },
          change: {
            type: 'object',
            description:
              'What the executor will change; absent when none is installed.',
            properties: {
              executor: {
                type: 'string',
              },
              description: {
                type: 'string',
              },
              files: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/PromotionFileChange',
                },
              },
            },
            required: ['executor', 'description', 'files'],
            additionalProperties: false,
          },
          approvals: {
            type: 'object',
            properties: {
              required: {
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
            },
            required: ['required', 'approvers', 'allowSelfApproval'],
            additionalProperties: false,
          },
          soak: {
            type: 'object',
            properties: {
              requiredSeconds: {
                type: 'integer',
              },
              soakedSeconds: {
                type: 'integer',
              },
              readyAt: {
                type: 'string',
                format: 'date-time',
              },
            },
            required: ['requiredSeconds'],
            additionalProperties: false,
          },
          freeze: {
            type: 'object',
            description: 'The active freeze of the target environment.',
            properties: {
              until: {
                type: 'string',
                format: 'date-time',
              },
              reason: {
                type: 'string',
              },
            },
            required: ['until'],
            additionalProperties: false,
          },
          changeFailureRate: {
            type: 'number',
            nullable: true,
            description:
              "The target environment's recent change failure rate, 0 to 1; null when unknown.",
          },
          violations: {
            type: 'array',
            description:
              'Why a request would be refused now; empty when it would be accepted.',
            items: {
              $ref: '#/components/schemas/PromotionViolation',
            },
          },
          warnings: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PromotionWarning',
            },
          },
        },
        required: [
          'entityRef',
          'environment',
          'version',
          'trigger',
          'commits',
          'approvals',
          'changeFailureRate',
          'violations',
          'warnings',
        ],
        additionalProperties: false,
      },
      FreezeWindowRequest: {
        type: 'object',
        properties: {
          environment: {
            type: 'string',
          },
          start: {
            type: 'string',
            description: 'ISO 8601; without an offset, in `timeZone`.',
            example: '2026-12-23T00:00:00+01:00',
          },
          end: {
            type: 'string',
            description:
              'ISO 8601, exclusive; without an offset, in `timeZone`.',
          },
          timeZone: {
            type: 'string',
            description: 'IANA time zone; UTC by default.',
          },
          reason: {
            type: 'string',
            maxLength: 500,
          },
        },
        required: ['environment', 'start', 'end'],
        additionalProperties: false,
      },
      FreezeWindowEntry: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
            description:
              'Present on windows set by an admin, which can be deleted.',
          },
          environment: {
            type: 'string',
          },
          source: {
            type: 'string',
            enum: ['config', 'admin'],
          },
          window: {
            $ref: '#/components/schemas/FreezeWindow',
          },
          active: {
            type: 'boolean',
          },
          activeUntil: {
            type: 'string',
            format: 'date-time',
          },
          createdBy: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
        required: ['environment', 'source', 'window', 'active'],
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
                      $ref: '#/components/schemas/RejectedEventsError',
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
          'The deployment history, newest first (by `finishedAt`, or `startedAt`\nwhile in progress, then by id), cursor-paged. Filters combine: a\ndeployment is listed when it matches every one given. Deployments of\nentities the caller may not read are left out; without an entity\nfilter a page may then hold fewer than `limit` items while\n`nextCursor` leads on. `entityRef` naming a single entity the caller\nmay not read is a 403.\n',
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description:
              'An entity ref such as `component:default/payments-api`; repeat it\nfor several entities (at most 100), e.g.\n`?entityRef=component:default/a&entityRef=component:default/b`.\n',
            allowReserved: true,
            schema: {
              type: 'array',
              maxItems: 100,
              items: {
                type: 'string',
              },
            },
          },
          {
            name: 'domain',
            in: 'query',
            required: false,
            description:
              'Only deployments of the components of this domain (component →\nsystem → domain in the catalog), e.g. `domain:default/journey`; a\n404 when the catalog has no such domain.\n',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            description:
              'Only deployments of the entities this group owns, e.g.\n`group:default/smart-city`; a 404 when the catalog has no such\ngroup.\n',
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
            name: 'status',
            in: 'query',
            required: false,
            description:
              'Only deployments in one of these statuses; repeat it for several.',
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/DeploymentStatus',
              },
            },
          },
          {
            name: 'since',
            in: 'query',
            required: false,
            description:
              'ISO 8601 timestamp: only deployments that finished at or after it,\nor are still in progress and started at or after it.\n',
            schema: {
              type: 'string',
              example: '2026-03-02T00:00:00Z',
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
    '/dora': {
      get: {
        operationId: 'GetDora',
        description:
          "DORA's numbers over the window [from, to) as PRODUCT.md defines them,\nwith a tier per key metric and a series of every calendar day or ISO\nweek of the time zone that overlaps the window. Only production\nenvironments count. The scope is one component, a domain (pooled over\nits components), a group (the entities it owns) or, without\n`entityRef`, the whole portal; entities whose deployments the caller\nmay not read are left out of a domain, group or the portal.\n",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            description:
              '`component:ns/name`, `domain:ns/name` or `group:ns/name`; left out\nfor the whole portal.\n',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'from',
            in: 'query',
            required: true,
            description:
              "The window's start, ISO 8601 (a date, or a timestamp); read in\n`timeZone` when it has no offset.\n",
            schema: {
              type: 'string',
              example: '2026-03-01',
            },
          },
          {
            name: 'to',
            in: 'query',
            required: true,
            description: "The window's end, exclusive, like `from`.",
            schema: {
              type: 'string',
              example: '2026-04-01',
            },
          },
          {
            name: 'bucket',
            in: 'query',
            required: false,
            description: 'Days or ISO weeks (Monday to Sunday) in the series.',
            schema: {
              type: 'string',
              enum: ['day', 'week'],
              default: 'day',
            },
          },
          {
            name: 'timeZone',
            in: 'query',
            required: false,
            description:
              'The IANA time zone of days and weeks, e.g. `Europe/Berlin`.',
            schema: {
              type: 'string',
              default: 'UTC',
            },
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DoraResponse',
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
    '/incidents': {
      get: {
        operationId: 'GetIncidents',
        description:
          "The incidents of a component, or of a domain's components (component →\nsystem → domain in the catalog), newest first by `openedAt`, with how\nmany match in all. Components whose deployments the caller may not\nread are left out of a domain; a component they may not read is a 403.\n",
        parameters: [
          {
            name: 'entityRef',
            in: 'query',
            required: true,
            description: '`component:ns/name` or `domain:ns/name`.',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'open',
            in: 'query',
            required: false,
            description:
              'With `true`, only incidents that have no `resolvedAt`.',
            schema: {
              type: 'boolean',
              default: false,
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            description:
              'At most this many items; `0` answers the count alone.',
            schema: {
              type: 'integer',
              minimum: 0,
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
                  $ref: '#/components/schemas/IncidentPage',
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
    '/promotions': {
      get: {
        operationId: 'GetPromotions',
        description:
          'Promotions, newest first, with their approvals (not their\ntransitions). Promotions of entities whose deployments the caller may\nnot read are left out.\n',
        parameters: [
          {
            name: 'state',
            in: 'query',
            required: false,
            description:
              'One state, or several separated by commas, e.g. `pending_approval`.',
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'entityRef',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'domain',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'Only promotions of the components of this domain (component →\nsystem → domain in the catalog), e.g. `domain:default/journey`; a\n404 when the catalog has no such domain.\n',
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
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 200,
              default: 50,
            },
          },
        ],
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
                        $ref: '#/components/schemas/Promotion',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
                },
              },
            },
          },
          '400': {
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
      post: {
        operationId: 'PostPromotion',
        description:
          'Requests a promotion (or, with trigger `rollback`, a rollback to a\nversion that ran in the environment before; with `hotfix`, a version\nthat skips the source environment). Users only, with\n`delivery.promotion.create` (or `delivery.rollback.create`) on the\nentity. A 409 names the policy rule that refuses it. A promotion that\nneeds no approval is `approved` and executed straight away.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromotionRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Requested.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RequestedPromotion',
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
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
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
    '/promotions/preview': {
      post: {
        operationId: 'PreviewPromotion',
        description:
          'What a promotion request would do, without requesting it: the version\nchange, the commits, the GitOps change with its diff, the approvals it\nneeds, and the rules that would refuse it now. `reason` may be left\nout. Needs `delivery.deployment.read` on the entity.\n',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  entityRef: {
                    type: 'string',
                    maxLength: 255,
                  },
                  environment: {
                    type: 'string',
                    maxLength: 63,
                  },
                  version: {
                    type: 'string',
                    maxLength: 255,
                  },
                  reason: {
                    type: 'string',
                    maxLength: 2000,
                  },
                  trigger: {
                    $ref: '#/components/schemas/PromotionTrigger',
                  },
                },
                required: ['entityRef', 'environment', 'version'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/PromotionPreview',
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
    '/promotions/{id}': {
      get: {
        operationId: 'GetPromotion',
        description:
          'One promotion with its approvals and every transition, oldest first.',
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        responses: {
          '200': {
            description: 'Ok',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
    '/promotions/{id}/approve': {
      post: {
        operationId: 'ApprovePromotion',
        description:
          "Approves a promotion that is `pending_approval`, as one of its\napprovers (`delivery.promotion.approve`); the requester's approval is\nrefused unless the policy allows self-approval. With the required\nnumber of distinct approvals the promotion is `approved` and executed.\n",
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromotionComment',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The promotion after the approval.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
          '409': {
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
    '/promotions/{id}/reject': {
      post: {
        operationId: 'RejectPromotion',
        description:
          'Rejects a promotion that is `pending_approval`, as one of its\napprovers (`delivery.promotion.approve`); that ends it. The comment\nsays why and is required.\n',
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromotionComment',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The rejected promotion.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
          '404': {
            $ref: '#/components/responses/ErrorResponse',
          },
          '409': {
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
    '/promotions/{id}/cancel': {
      post: {
        operationId: 'CancelPromotion',
        description:
          'Cancels a promotion that is `pending_approval` or `approved` (not yet\nexecuting): its requester may, and so may approvers.\n',
        parameters: [
          {
            $ref: '#/components/parameters/promotionId',
          },
        ],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/PromotionComment',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The cancelled promotion.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Promotion',
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
          '409': {
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
    '/freeze-windows': {
      get: {
        operationId: 'GetFreezeWindows',
        description:
          'The freeze windows of one environment or all: the configured ones and\nthe one-off ones admins set (those not yet over), each with whether it\nis active now.\n',
        parameters: [
          {
            name: 'environment',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
            },
          },
        ],
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
                        $ref: '#/components/schemas/FreezeWindowEntry',
                      },
                    },
                  },
                  required: ['items'],
                  additionalProperties: false,
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
      post: {
        operationId: 'PostFreezeWindow',
        description: 'Sets a one-off freeze window; needs `delivery.admin`.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/FreezeWindowRequest',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'Set.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/FreezeWindowEntry',
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
    '/freeze-windows/{id}': {
      delete: {
        operationId: 'DeleteFreezeWindow',
        description: 'Deletes a one-off freeze window; needs `delivery.admin`.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '204': {
            description: 'Deleted.',
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
  },
} as const;

/** A router whose requests are validated against {@link spec}. */
export const createOpenApiRouter = async (
  options?: Parameters<typeof createValidatedOpenApiRouter>['1'],
) => createValidatedOpenApiRouter<typeof spec>(spec, options);
