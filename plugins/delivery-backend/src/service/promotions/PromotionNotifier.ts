import {
  LoggerService,
  RootInstanceMetadataService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationSeverity } from '@backstage/plugin-notifications-common';
import {
  HaltRecord,
  PromotionRecord,
} from '../../database/promotions/PromotionStore';
import { PROMOTION_ENGINE_ACTOR } from './execution/promotionEngineActor';
import { PORTAL_SCOPE } from './halts/haltScope';

const TOPIC = 'delivery-promotion';
const HALT_TOPIC = 'delivery-halt';

function entityLink(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}`;
}

const KINDS: Record<PromotionRecord['trigger'], string> = {
  promotion: 'Promotion',
  rollback: 'Rollback',
  hotfix: 'Hotfix',
};

function summary(promotion: PromotionRecord): string {
  return `${KINDS[promotion.trigger]} of ${promotion.entityRef} to ${
    promotion.version
  } in ${promotion.environment}`;
}

/**
 * Tells people about promotions through Backstage's notifications service:
 * the approvers when one waits, the requester when it is approved, rejected,
 * succeeds or fails. Does nothing when notifications are off or the
 * notifications plugin is not installed; a failure to notify is logged, never
 * thrown.
 */
export class PromotionNotifier {
  private enabled?: Promise<boolean>;

  constructor(
    private readonly options: {
      notifications: NotificationService;
      logger: LoggerService;
      /** `delivery.notifications.enabled`; when unset, whether the notifications plugin is installed here. */
      enabled?: boolean;
      instanceMetadata?: RootInstanceMetadataService;
    },
  ) {}

  /** A promotion waits for approval: tells its approvers, except the requester. */
  async waiting(promotion: PromotionRecord): Promise<void> {
    if (promotion.approvers.length === 0) {
      return;
    }
    await this.send(
      {
        type: 'entity',
        entityRef: promotion.approvers,
        excludeEntityRef: promotion.requestedBy,
      },
      {
        title: `${summary(promotion)} waits for your approval`,
        description: `${promotion.requestedBy} asks: ${promotion.reason}`,
        link: entityLink(promotion.entityRef),
        severity: 'high',
        topic: TOPIC,
        scope: `delivery-promotion-approval:${promotion.id}`,
      },
    );
  }

  /** Tells the requester what became of the promotion. */
  async toRequester(
    promotion: PromotionRecord,
    event: 'approved' | 'rejected' | 'succeeded' | 'failed',
    detail?: string,
  ): Promise<void> {
    const titles = {
      approved: 'was approved',
      rejected: 'was rejected',
      succeeded: 'succeeded',
      failed: 'failed',
    };
    if (promotion.requestedBy === PROMOTION_ENGINE_ACTOR) {
      return; // The portal asked for it (an automatic rollback): no one to tell.
    }
    const severity: NotificationSeverity =
      event === 'failed' || event === 'rejected' ? 'high' : 'normal';
    await this.send(
      { type: 'entity', entityRef: promotion.requestedBy },
      {
        title: `${summary(promotion)} ${titles[event]}`,
        ...(detail && { description: detail }),
        link: entityLink(promotion.entityRef),
        severity,
        topic: TOPIC,
        scope: `delivery-promotion:${promotion.id}`,
      },
    );
  }

  /**
   * A halt was set or lifted: everyone for the portal, the domain's owners for
   * a domain, since their promotions stop or may go on.
   */
  async haltChanged(
    halt: HaltRecord,
    change: 'halted' | 'lifted',
  ): Promise<void> {
    const what =
      halt.scope === PORTAL_SCOPE
        ? 'all promotions'
        : `the promotions of ${halt.scope}`;
    const title =
      change === 'halted'
        ? `${halt.createdBy} halted ${what}`
        : `${halt.liftedBy} lifted the halt of ${what}`;
    await this.send(
      halt.scope === PORTAL_SCOPE
        ? { type: 'broadcast' }
        : { type: 'entity', entityRef: halt.scope },
      {
        title,
        description:
          change === 'halted'
            ? `${halt.reason}. Nothing is promoted, hot-fixed or rolled back there until the halt is lifted.`
            : `Halted since ${halt.createdAt} (${halt.reason}); approved promotions that waited are executed now.`,
        link: '/delivery/controls',
        severity: change === 'halted' ? 'critical' : 'normal',
        topic: HALT_TOPIC,
        scope: `delivery-halt-${halt.id}`,
      },
    );
  }

  /**
   * A deployment's verification failed: tells who caused the deployment and
   * the entity's owners why, and what became of the rollback.
   */
  async verificationFailed(failure: {
    entityRef: string;
    environment: string;
    version: string;
    deploymentId: string;
    reason: string;
    recipients: string[];
    /** What the portal did about it, e.g. the rollback it requested. */
    outcome: string;
  }): Promise<void> {
    if (failure.recipients.length === 0) {
      return;
    }
    await this.send(
      { type: 'entity', entityRef: [...new Set(failure.recipients)] },
      {
        title: `Verification of ${failure.entityRef} ${failure.version} in ${failure.environment} failed`,
        description: `${failure.reason}. ${failure.outcome}`,
        link: entityLink(failure.entityRef),
        severity: 'high',
        topic: TOPIC,
        scope: `delivery-verification:${failure.deploymentId}`,
      },
    );
  }

  private async isEnabled(): Promise<boolean> {
    if (!this.enabled) {
      const { enabled, instanceMetadata } = this.options;
      this.enabled =
        enabled !== undefined
          ? Promise.resolve(enabled)
          : (async () => {
              const plugins =
                (await instanceMetadata?.getInstalledPlugins()) ?? [];
              return plugins.some(
                plugin => plugin.pluginId === 'notifications',
              );
            })().catch(() => false);
    }
    return this.enabled;
  }

  private async send(
    recipients: Parameters<NotificationService['send']>[0]['recipients'],
    payload: Parameters<NotificationService['send']>[0]['payload'],
  ): Promise<void> {
    try {
      if (await this.isEnabled()) {
        await this.options.notifications.send({ recipients, payload });
      }
    } catch (error) {
      this.options.logger.warn(
        `Could not send the notification '${payload.title}': ${error}`,
      );
    }
  }
}
