import { QueryParameters } from '@backstage/backend-openapi-utils';
import { InputError } from '@backstage/errors';
import {
  Environment,
  PROMOTION_STATES,
  PromotionState,
  PromotionTrigger,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionListRequest } from '../../service/promotions/PromotionQueries';
import { ParsedPromotionRequest } from '../../service/promotions/PromotionRequests';
import { isRecord } from './isRecord';
import { spec } from '../../schema/openapi/generated/router';

const TRIGGERS: PromotionTrigger[] = ['promotion', 'rollback', 'hotfix'];
const MAX_VERSION_LENGTH = 255;
const MAX_REASON_LENGTH = 2000;

const DEFAULT_LIST_LIMIT = 50;
const MAX_LIST_LIMIT = 200;

function requiredText(
  body: Record<string, unknown>,
  field: string,
  maxLength: number,
): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError(`${field} must be a non-empty string`);
  }
  if (value.trim().length > maxLength) {
    throw new InputError(`${field} must be at most ${maxLength} characters`);
  }
  return value.trim();
}

/**
 * The request of a `POST /promotions` (or, with `reasonRequired` false, of a
 * preview) body; an `InputError` naming the field when it is wrong.
 */
export function parsePromotionRequest(
  body: unknown,
  environments: Environment[],
  options: { reasonRequired: boolean },
): ParsedPromotionRequest {
  if (!isRecord(body)) {
    throw new InputError('The body must be a promotion request object');
  }
  const rawRef = requiredText(body, 'entityRef', 255);
  let entityRef: string;
  try {
    entityRef = normalizeEntityRef(rawRef);
  } catch {
    throw new InputError(
      `entityRef '${rawRef}' must be an entity ref such as 'component:default/payments-api'`,
    );
  }
  const environmentName = requiredText(body, 'environment', 63);
  const environment = environments.find(e => e.name === environmentName);
  if (!environment) {
    throw new InputError(
      `environment '${environmentName}' is not configured; the environments are ${environments
        .map(e => e.name)
        .join(', ')}`,
    );
  }
  const version = requiredText(body, 'version', MAX_VERSION_LENGTH);
  const reason =
    options.reasonRequired || body.reason !== undefined
      ? requiredText(body, 'reason', MAX_REASON_LENGTH)
      : '';
  const trigger = body.trigger ?? 'promotion';
  if (!TRIGGERS.includes(trigger as PromotionTrigger)) {
    throw new InputError(`trigger must be one of ${TRIGGERS.join(', ')}`);
  }
  return {
    entityRef,
    environment,
    version,
    reason,
    trigger: trigger as PromotionTrigger,
  };
}

/** An optional comment of an approval, rejection or cancellation. */
export function parseComment(
  body: unknown,
  options: { required: boolean },
): string | undefined {
  const comment = isRecord(body) ? body.comment : undefined;
  if (comment === undefined || comment === null || comment === '') {
    if (options.required) {
      throw new InputError('comment must say why');
    }
    return undefined;
  }
  if (typeof comment !== 'string' || comment.length > MAX_REASON_LENGTH) {
    throw new InputError(
      `comment must be a text of at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  return comment.trim() || undefined;
}

/** Which promotions to list, as the spec types the `GET /promotions` query. */
export type PromotionListQuery = QueryParameters<
  typeof spec,
  '/promotions',
  'get'
>;

/**
 * The states, canonical entity and domain refs and limit of a list query; an
 * `InputError` naming a bad one.
 */
export function parsePromotionListQuery(
  query: PromotionListQuery,
  environmentNames: string[],
): PromotionListRequest {
  if (
    query.environment !== undefined &&
    !environmentNames.includes(query.environment)
  ) {
    throw new InputError(
      `environment '${
        query.environment
      }' is not a configured environment; configured are ${environmentNames.join(
        ', ',
      )}`,
    );
  }
  const states = query.state?.split(',').map(state => state.trim());
  const unknown = states?.find(
    state => !PROMOTION_STATES.includes(state as PromotionState),
  );
  if (unknown !== undefined) {
    throw new InputError(
      `state '${unknown}' is not one of ${PROMOTION_STATES.join(', ')}`,
    );
  }
  let entityRef: string | undefined;
  if (query.entityRef) {
    try {
      entityRef = normalizeEntityRef(query.entityRef);
    } catch {
      throw new InputError(
        `entityRef '${query.entityRef}' is not an entity ref`,
      );
    }
  }
  let domainRef: string | undefined;
  if (query.domain) {
    try {
      domainRef = normalizeEntityRef(query.domain, { defaultKind: 'domain' });
    } catch {
      throw new InputError(`domain '${query.domain}' is not an entity ref`);
    }
    if (!domainRef.startsWith('domain:')) {
      throw new InputError(
        `domain must name a Domain entity, such as domain:default/journey; got '${query.domain}'`,
      );
    }
  }
  return {
    states: states as PromotionState[] | undefined,
    entityRef,
    domainRef,
    environment: query.environment,
    limit: Math.min(query.limit ?? DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT),
  };
}

/**
 * The canonical entity ref a promotion request's body names, to authorize
 * the request before the rest of it is validated.
 */
export function parsePromotionEntityRef(body: unknown): string {
  const value = (body as { entityRef?: unknown })?.entityRef;
  try {
    return normalizeEntityRef(String(value));
  } catch {
    throw new InputError(
      `entityRef '${String(
        value,
      )}' must be an entity ref such as 'component:default/payments-api'`,
    );
  }
}
