import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type { Environment } from '@domain-delivery/backstage-plugin-delivery-common';

/**
 * A deployment that a system which deploys by itself (e.g. GitHub, through a
 * deployment protection rule) asks the portal to allow.
 *
 * @public
 */
export interface DeploymentGateRequest {
  /**
   * The request in that system, unique among every gate's requests, e.g.
   * `github.com/acme/payments-api/runs/42/production`; asking again with the
   * same key finds the same promotion and never answers twice.
   */
  key: string;
  entityRef: string;
  /** The portal's environment (already mapped from the system's name). */
  environment: string;
  version: string;
  /** Why, as the system tells it, e.g. the workflow run. */
  reason: string;
  /** Who asked, as the system names them, e.g. `github:octocat`. */
  requestedBy: string;
  /** Where the waiting deployment is shown in that system. */
  url?: string;
  /** What the gate needs to answer later; handed back unchanged. */
  callback: JsonObject;
}

/**
 * What the portal made of a {@link DeploymentGateRequest}: the promotion it
 * is recorded as, and its state (`approved` and `rejected` are answered at
 * once; `pending_approval` waits in the approvals inbox).
 *
 * @public
 */
export interface DeploymentGateDecision {
  promotionId: string;
  state: 'approved' | 'rejected' | 'pending_approval';
  /** Why: the rules that refused it, or what it waits for. */
  comment: string;
}

/**
 * The answer the portal gives a gate, once per request.
 *
 * @public
 */
export interface DeploymentGateAnswer {
  promotionId: string;
  state: 'approved' | 'rejected';
  /** Names the rule that decided, or who approved or rejected it. */
  comment: string;
  entityRef: string;
  environment: string;
  version: string;
  /** What the gate handed over with its request. */
  callback: JsonObject;
}

/**
 * What the delivery plugin hands a gate when it connects it.
 *
 * @public
 */
export interface DeploymentGateConnection {
  /** The configured environments, in promotion order. */
  readonly environments: Environment[];
  /**
   * Evaluates the environment's promotion policy (freeze windows, halts,
   * soak time, source environment, approvals) for the request and records it
   * as a promotion: approved or rejected at once, or waiting in the approvals
   * inbox. The answer is then given through {@link DeploymentGate.answer},
   * stored first, so that it survives restarts and is given once across
   * replicas.
   */
  request(request: DeploymentGateRequest): Promise<DeploymentGateDecision>;
}

/**
 * A system that deploys by itself and asks the portal first, e.g. GitHub's
 * deployment protection rules. Approving its promotions runs no executor:
 * the portal only answers the gate.
 *
 * @public
 */
export interface DeploymentGate {
  /** A name unique among the gates of one backend, e.g. `github`. */
  getGateName(): string;
  /** Called once by the delivery plugin when its promotion engine is ready. */
  connect(connection: DeploymentGateConnection): Promise<void>;
  /**
   * Gives the system the portal's answer. Throw to have it tried again later
   * (with growing delays); throw a {@link DeploymentGateRefusedError} when the
   * system will never take it (it is then not tried again).
   */
  answer(answer: DeploymentGateAnswer): Promise<void>;
}

/**
 * Thrown by {@link DeploymentGate.answer} when the system refuses the answer
 * for good, e.g. because the request is no longer waiting.
 *
 * @public
 */
export class DeploymentGateRefusedError extends Error {
  name = 'DeploymentGateRefusedError';
}

/**
 * Lets backend modules add deployment gates to the delivery plugin.
 *
 * @public
 */
export interface DeliveryDeploymentGatesExtensionPoint {
  /** Adds gates; each gate name may be added only once per backend. */
  addDeploymentGate(...gates: DeploymentGate[]): void;
}

/**
 * The extension point through which modules add {@link DeploymentGate}s.
 *
 * @public
 */
export const deliveryDeploymentGatesExtensionPoint =
  createExtensionPoint<DeliveryDeploymentGatesExtensionPoint>({
    id: 'delivery.deployment-gates',
  });
