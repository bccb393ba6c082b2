import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import { spec } from '../../schema/openapi/generated/router';
import { JsonRecord } from '../../routes/request/isRecord';
import { PLAIN_UTC_TIMESTAMP } from '../plainUtcTimestamp';
import {
  EventFieldProblem,
  TIMESTAMP_REASON,
  entityRefReason,
} from './EventFieldProblem';

const { schemas } = spec.components;

/** The event types `DeliveryEvent` tells apart, from the spec. */
const EVENT_TYPES = [
  ...schemas.DeploymentEvent.properties.type.enum,
  ...schemas.IncidentEvent.properties.type.enum,
  ...schemas.PipelineRunEvent.properties.type.enum,
];

const URL_REASON = 'must be an absolute http or https URL';

// The spec's patterns, each with what a reporter is told when it fails.
const PATTERN_REASONS: Record<string, (value: unknown) => string> = {
  [schemas.EventText.pattern]: () => 'must be a non-empty string',
  [schemas.EventEntityRef.allOf[1].pattern]: entityRefReason,
  [schemas.EventUrl.pattern]: () => URL_REASON,
};

const FORMAT_REASONS: Record<string, string> = {
  'date-time': TIMESTAMP_REASON,
  uri: URL_REASON,
};

// A batch has thousands of timestamps, and ajv-formats' full check (which
// splits the text and checks the month's days and leap seconds) was a few
// per cent of it.
const { validate: fullDateTime } = fullFormats['date-time'] as {
  validate: (value: string) => boolean;
};
const dateTime = (value: string) =>
  PLAIN_UTC_TIMESTAMP.test(value) || fullDateTime(value);

let validate: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  if (!validate) {
    // Not strict: the spec carries OpenAPI keywords such as `example`. The
    // fields an event's schema does not name are dropped, so that what is
    // stored is what the spec describes.
    const ajv = new Ajv({
      strict: false,
      discriminator: true,
      removeAdditional: 'all',
    });
    addFormats(ajv);
    ajv.addFormat('date-time', { type: 'string', validate: dateTime });
    // Ajv's discriminator finds the branch by the `type` enums and refuses
    // an explicit mapping, which is there for the OpenAPI tools.
    const { mapping, ...discriminator } = schemas.DeliveryEvent.discriminator;
    ajv.addSchema({
      $id: 'delivery',
      components: {
        schemas: {
          ...schemas,
          DeliveryEvent: { ...schemas.DeliveryEvent, discriminator },
        },
      },
    });
    validate = ajv.getSchema('delivery#/components/schemas/DeliveryEvent')!;
  }
  return validate;
}

/** `/commits/2/committedAt` as `commits[2].committedAt`. */
function fieldOf(instancePath: string, property?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (property !== undefined) {
    parts.push(property);
  }
  return parts
    .map((part, index) =>
      /^\d+$/.test(part) ? `[${part}]` : `${index > 0 ? '.' : ''}${part}`,
    )
    .join('');
}

function valueAt(event: JsonRecord, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((value, part) => (value as JsonRecord)?.[part], event);
}

function problemOf(error: ErrorObject, event: JsonRecord): EventFieldProblem {
  const { keyword, params, instancePath } = error;
  const field = fieldOf(instancePath);
  const value = valueAt(event, instancePath);
  switch (keyword) {
    case 'required':
      return new EventFieldProblem(
        fieldOf(instancePath, params.missingProperty),
        'is required',
      );
    case 'discriminator':
      if (params.error === 'tag') {
        return new EventFieldProblem(
          params.tag,
          params.tagValue === undefined
            ? 'is required'
            : 'must be a non-empty string',
        );
      }
      return new EventFieldProblem(
        params.tag,
        `must be one of ${EVENT_TYPES.join(', ')}; got '${params.tagValue}'`,
      );
    case 'type':
      return new EventFieldProblem(
        field,
        params.type === 'string'
          ? 'must be a non-empty string'
          : `must be an ${params.type}`,
      );
    case 'minLength':
      return new EventFieldProblem(field, 'must be a non-empty string');
    case 'maxLength':
      return new EventFieldProblem(
        field,
        `must be at most ${params.limit} characters long`,
      );
    case 'maxItems':
      return new EventFieldProblem(
        field,
        `must have at most ${params.limit} items`,
      );
    case 'minimum':
    case 'maximum':
      return new EventFieldProblem(
        field,
        `must be ${keyword === 'minimum' ? 'at least' : 'at most'} ${
          params.limit
        }`,
      );
    case 'enum':
      return new EventFieldProblem(
        field,
        `must be one of ${params.allowedValues.join(', ')}; got '${value}'`,
      );
    case 'pattern':
      return new EventFieldProblem(
        field,
        PATTERN_REASONS[params.pattern]?.(value) ?? error.message!,
      );
    case 'format':
      return new EventFieldProblem(
        field,
        FORMAT_REASONS[params.format] ?? error.message!,
      );
    default:
      return new EventFieldProblem(field || 'event', error.message!);
  }
}

/**
 * Checks an event against the spec's `DeliveryEvent` schema and throws an
 * {@link EventFieldProblem} for the first field that breaks it; removes the
 * fields the schema does not name, in the event and its commits.
 */
export function checkEventSchema(event: JsonRecord): void {
  const valid = compiled();
  if (!valid(event)) {
    throw problemOf(valid.errors![0], event);
  }
}
