import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyError } from '@backstage/errors';
import { SignalsService } from '@backstage/plugin-signals-node';
import {
  DELIVERY_SIGNAL_CHANNEL,
  DeliverySignal,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** An entity's deployments in one environment. */
export interface DeploymentTarget {
  entityRef: string;
  environment: string;
}

/**
 * Tells open pages through Backstage signals that a promotion or an entity's
 * deployments changed, so that they reload at once instead of polling. A
 * signal is a hint, not the change itself: a failed publish is logged, never
 * thrown, so that it cannot fail the request that made the change.
 */
export class DeliverySignals {
  constructor(
    private readonly options: {
      signals: SignalsService;
      logger: LoggerService;
    },
  ) {}

  /** A promotion was requested, approved, rejected, cancelled or executed. */
  async promotionChanged(promotion: {
    id: string;
    entityRef: string;
    environment: string;
  }): Promise<void> {
    await this.publish({
      type: 'promotion',
      promotionId: promotion.id,
      entityRef: promotion.entityRef,
      environment: promotion.environment,
    });
  }

  /** Deployments were stored or changed: one signal per entity and environment. */
  async deploymentsChanged(targets: DeploymentTarget[]): Promise<void> {
    const distinct = new Map(
      targets.map(t => [`${t.entityRef}|${t.environment}`, t]),
    );
    await Promise.all(
      [...distinct.values()].map(({ entityRef, environment }) =>
        this.publish({ type: 'deployment', entityRef, environment }),
      ),
    );
  }

  /** A halt was set or lifted: Promote buttons and banners may change anywhere. */
  async haltChanged(haltId: string): Promise<void> {
    await this.publish({ type: 'halt', haltId });
  }

  private async publish(message: DeliverySignal): Promise<void> {
    try {
      await this.options.signals.publish<DeliverySignal>({
        recipients: { type: 'broadcast' },
        channel: DELIVERY_SIGNAL_CHANNEL,
        message,
      });
    } catch (error) {
      this.options.logger.warn(
        `Could not publish the ${message.type} signal ${JSON.stringify(
          message,
        )}: ${stringifyError(error)}`,
      );
    }
  }
}
