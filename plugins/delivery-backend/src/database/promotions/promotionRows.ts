import {
  PromotionApproval,
  PromotionState,
  PromotionTransition,
  PromotionTrigger,
} from '@domain-delivery/backstage-plugin-delivery-common';
import {
  FreezeWindowRecord,
  HaltRecord,
  PromotionGateRecord,
  PromotionRecord,
  RolledBackVersion,
} from './PromotionStore';

type Millis = number | string;
type OptionalMillis = Millis | null;

/** The `promotions` table's columns, as read. */
export interface PromotionRow {
  id: string;
  entity_ref: string;
  environment: string;
  version: string;
  from_version: string | null;
  trigger: string;
  reason: string;
  state: string;
  requested_by: string;
  requested_at: Millis;
  updated_at: Millis;
  required_approvals: number | string;
  approvers: string;
  allow_self_approval: boolean | number;
  claim_token: string | null;
  claimed_at: OptionalMillis;
  deployment_id: string | null;
  url: string | null;
  gitops_commit_sha: string | null;
  message: string | null;
  gate: string | null;
  gate_key: string | null;
  gate_url: string | null;
  gate_callback: string | null;
  gate_answer: string | null;
  gate_answered_at: OptionalMillis;
  gate_attempts: number | string | null;
  gate_error: string | null;
}

// PostgreSQL returns bigint columns as strings, SQLite as numbers.
const iso = (value: Millis) => new Date(Number(value)).toISOString();

function optional<K extends string, V>(
  key: K,
  value: V | null | undefined,
): { [key in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as {
    [key in K]?: V;
  };
}

/** The stored promotion of a row. */
export function toPromotionRecord(row: PromotionRow): PromotionRecord {
  return {
    id: row.id,
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    ...optional('fromVersion', row.from_version),
    trigger: row.trigger as PromotionTrigger,
    reason: row.reason,
    state: row.state as PromotionState,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at),
    updatedAt: iso(row.updated_at),
    requiredApprovals: Number(row.required_approvals),
    approvers: JSON.parse(row.approvers),
    allowSelfApproval: Boolean(row.allow_self_approval),
    ...optional('claimToken', row.claim_token),
    ...optional(
      'claimedAt',
      row.claimed_at === null ? null : iso(row.claimed_at),
    ),
    ...optional('deploymentId', row.deployment_id),
    ...optional('url', row.url),
    ...optional('gitopsCommitSha', row.gitops_commit_sha),
    ...optional('message', row.message),
    ...(row.gate && { gate: toGateRecord(row) }),
  };
}

function toGateRecord(row: PromotionRow): PromotionGateRecord {
  return {
    source: row.gate!,
    key: row.gate_key ?? '',
    ...optional('url', row.gate_url),
    callback: row.gate_callback ? JSON.parse(row.gate_callback) : {},
    ...optional(
      'answer',
      row.gate_answer as PromotionGateRecord['answer'] | null,
    ),
    ...(row.gate_answered_at !== null && {
      answeredAt: iso(row.gate_answered_at),
    }),
    attempts: Number(row.gate_attempts ?? 0),
    ...optional('error', row.gate_error),
  };
}

/** The transition of a `promotion_transitions` row. */
export function toTransition(row: {
  from_state: string | null;
  to_state: string;
  actor: string;
  at: Millis;
  comment: string | null;
}): PromotionTransition {
  return {
    ...optional('from', row.from_state as PromotionState | null),
    to: row.to_state as PromotionState,
    actor: row.actor,
    at: iso(row.at),
    ...optional('comment', row.comment),
  };
}

/** The `promotion_approvals` table's columns, as read. */
export interface ApprovalRow {
  promotion_id: string;
  approver: string;
  approved_at: Millis;
  comment: string | null;
}

/** The approval of a `promotion_approvals` row. */
export function toApproval(row: ApprovalRow): PromotionApproval {
  return {
    approver: row.approver,
    approvedAt: iso(row.approved_at),
    ...optional('comment', row.comment),
  };
}

/** The admin freeze window of a `freeze_windows` row. */
export function toFreezeWindowRecord(row: {
  id: string;
  environment: string;
  start_at: Millis;
  end_at: Millis;
  reason: string | null;
  created_by: string;
  created_at: Millis;
}): FreezeWindowRecord {
  return {
    id: row.id,
    environment: row.environment,
    start: iso(row.start_at),
    end: iso(row.end_at),
    ...optional('reason', row.reason),
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
}

/** The rolled-back version of a `rolled_back_versions` row. */
export function toRolledBackVersion(row: {
  entity_ref: string;
  environment: string;
  version: string;
  promotion_id: string;
  rolled_back_by: string;
  rolled_back_at: Millis;
}): RolledBackVersion {
  return {
    entityRef: row.entity_ref,
    environment: row.environment,
    version: row.version,
    promotionId: row.promotion_id,
    rolledBackBy: row.rolled_back_by,
    rolledBackAt: iso(row.rolled_back_at),
  };
}

/** A row of the `halts` table. */
export interface HaltRow {
  id: string;
  scope: string;
  reason: string;
  created_by: string;
  created_at: Millis;
  lifted_by: string | null;
  lifted_at: OptionalMillis;
}

/** The stored halt of a row. */
export function toHaltRecord(row: HaltRow): HaltRecord {
  return {
    id: row.id,
    scope: row.scope,
    reason: row.reason,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    ...optional('liftedBy', row.lifted_by),
    ...(row.lifted_at !== null && { liftedAt: iso(row.lifted_at) }),
  };
}
