import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { Entity } from '@backstage/catalog-model';
import Typography from '@material-ui/core/Typography';
import { DELIVERY_SERVICE_ANNOTATION } from '@internal/backstage-plugin-delivery-common';

const annotationExample = (entity: Entity) => `metadata:
  annotations:
    ${DELIVERY_SERVICE_ANNOTATION}: ${entity.metadata.name}`;

const eventExample = (entity: Entity) => {
  const ref = `${entity.kind.toLocaleLowerCase('en-US')}:${
    entity.metadata.namespace ?? 'default'
  }/${entity.metadata.name}`;
  return `curl -X POST "$BACKSTAGE_URL/api/delivery/events" \\
  -H "Authorization: Bearer $DELIVERY_EVENTS_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '{ "type": "deployment", "id": "run-42-dev",
        "entityRef": "${ref}", "environment": "dev",
        "version": "1.0.0", "commitSha": "<sha>", "status": "succeeded",
        "trigger": "pipeline", "startedAt": "<ISO time>", "finishedAt": "<ISO time>" }'`;
};

/** Explains how to connect a component that Domain Delivery does not know yet. */
export const DeliveryHowTo = ({ entity }: { entity: Entity }) => (
  <InfoCard title="Delivery is not set up for this component">
    <Typography variant="body1" paragraph>
      Add the delivery annotation to this component's catalog-info.yaml so the
      portal knows the service by name in CI and in the GitOps repository:
    </Typography>
    <CodeSnippet language="yaml" text={annotationExample(entity)} />
    <Typography variant="body1" paragraph style={{ marginTop: 16 }}>
      Then report every deployment from your pipeline to the delivery event API,
      one event per environment:
    </Typography>
    <CodeSnippet language="bash" text={eventExample(entity)} />
  </InfoCard>
);
