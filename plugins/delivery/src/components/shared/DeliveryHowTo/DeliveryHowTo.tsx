import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import {
  DELIVERY_SERVICE_ANNOTATION,
  normalizeEntityRef,
} from '@domain-delivery/backstage-plugin-delivery-common';

const annotationExample = (entity: Entity) => `metadata:
  annotations:
    ${DELIVERY_SERVICE_ANNOTATION}: ${entity.metadata.name}`;

const eventExample = (
  entity: Entity,
) => `curl -X POST "$BACKSTAGE_URL/api/delivery/events" \\
  -H "Authorization: Bearer $DELIVERY_EVENTS_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{ "type": "deployment", "id": "run-42-dev",
        "entityRef": "${normalizeEntityRef(entity)}", "environment": "dev",
        "version": "1.0.0", "commitSha": "<sha>", "status": "succeeded",
        "trigger": "pipeline", "startedAt": "<ISO time>", "finishedAt": "<ISO time>" }'`;

/**
 * Explains how to connect a component that Domain Delivery does not know yet:
 * the annotation to add, or, once annotated, how to report deployments.
 */
export const DeliveryHowTo = ({
  entity,
  missing = 'annotation',
}: {
  entity: Entity;
  /** What is missing: the delivery annotation, or any deployment event. */
  missing?: 'annotation' | 'events';
}) => (
  <InfoCard
    title={
      missing === 'annotation'
        ? 'Delivery is not set up for this component'
        : 'No deployment reported yet'
    }
  >
    {missing === 'annotation' && (
      <>
        <Typography variant="body1" paragraph>
          Add the delivery annotation to this component's catalog-info.yaml so
          the portal knows the service by name in CI and in the GitOps
          repository:
        </Typography>
        <CodeSnippet language="yaml" text={annotationExample(entity)} />
      </>
    )}
    <Typography
      variant="body1"
      paragraph
      style={missing === 'annotation' ? { marginTop: 16 } : undefined}
    >
      {missing === 'annotation' ? 'Then report' : 'Report'} every deployment
      from your pipeline to the delivery event API, one event per environment:
    </Typography>
    <CodeSnippet language="bash" text={eventExample(entity)} />
  </InfoCard>
);
