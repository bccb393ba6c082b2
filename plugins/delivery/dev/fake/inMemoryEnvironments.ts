import {
  Deployment,
  DeploymentCommit,
  DomainMatrix,
  DomainMatrixCell,
  EntityEnvironments,
  Environment,
  EnvironmentStatus,
  EnvironmentSummary,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { FakeComponent } from './InMemoryDeliveryApi';

/** What the fake derives its views from: environments in order, deployments newest first. */
export interface DeliveryHistory {
  environments: Environment[];
  deployments: Deployment[];
  components: FakeComponent[];
}

export function summary(environment: Environment): EnvironmentSummary {
  const { name, title, production } = environment;
  return { name, title, production };
}

function dedupeCommits(deployments: Deployment[]): DeploymentCommit[] {
  const seen = new Map<string, DeploymentCommit>();
  for (const deployment of deployments) {
    for (const commit of deployment.commits) {
      if (!seen.has(commit.sha)) seen.set(commit.sha, commit);
    }
  }
  return [...seen.values()].sort((a, b) =>
    b.committedAt.localeCompare(a.committedAt),
  );
}

/** An entity's succeeded deployments to an environment, newest first. */
export function succeededDeployments(
  deployments: Deployment[],
  entityRef: string,
  environment: string,
): Deployment[] {
  return deployments.filter(
    d =>
      d.entityRef === entityRef &&
      d.environment === environment &&
      d.status === 'succeeded',
  );
}

/** What runs in each environment of an entity and what the next one misses, as the backend answers. */
export function entityEnvironmentsOf(
  source: DeliveryHistory,
  entityRef: string,
): EntityEnvironments {
  const items = source.environments.map((environment): EnvironmentStatus => {
    const succeeded = succeededDeployments(
      source.deployments,
      entityRef,
      environment.name,
    );
    const running = succeeded[0];
    const nextEnvironment = source.environments.find(
      e => e.promotion.promotedFrom === environment.name,
    );
    const status: EnvironmentStatus = { environment: summary(environment) };
    if (running) {
      const older = succeeded.findIndex(d => d.version !== running.version);
      const streak = older === -1 ? succeeded : succeeded.slice(0, older);
      status.current = {
        version: running.version,
        since: streak[streak.length - 1].finishedAt!,
        deployment: running,
      };
    }
    if (nextEnvironment) {
      const there = succeededDeployments(
        source.deployments,
        entityRef,
        nextEnvironment.name,
      )[0];
      const stop = succeeded.findIndex(d => d.version === there?.version);
      const ahead = stop === -1 ? succeeded : succeeded.slice(0, stop);
      const versions = new Map<string, Deployment>();
      ahead.forEach(d => versions.has(d.version) || versions.set(d.version, d));
      status.next = {
        environment: nextEnvironment.name,
        ...(there && { version: there.version }),
        missing: {
          versions: [...versions.values()].map(d => ({
            version: d.version,
            deploymentId: d.id,
            finishedAt: d.finishedAt!,
          })),
          commits: dedupeCommits(ahead),
        },
      };
    }
    return status;
  });
  return { entityRef, items };
}

/** A domain's components × environments with drift, as the backend answers. */
export function domainMatrixOf(
  source: DeliveryHistory,
  domainRef: string,
): DomainMatrix {
  const components = source.components.filter(c => c.domain === domainRef);
  const rows = components.map(component => {
    let previous: string | undefined;
    const cells = source.environments.map((environment): DomainMatrixCell => {
      const all = source.deployments.filter(
        d =>
          d.entityRef === component.entityRef &&
          d.environment === environment.name,
      );
      const running = all.find(d => d.status === 'succeeded');
      const latest = all[0];
      const drift = Boolean(
        running && previous !== undefined && previous !== running.version,
      );
      if (running) previous = running.version;
      return {
        environment: environment.name,
        drift,
        ...(running && {
          version: running.version,
          deploymentId: running.id,
          finishedAt: running.finishedAt,
        }),
        ...(latest && { status: latest.status }),
        ...(latest &&
          latest !== running && {
            latest: {
              deploymentId: latest.id,
              version: latest.version,
              status: latest.status,
            },
          }),
      };
    });
    return {
      entityRef: component.entityRef,
      ...(component.title && { title: component.title }),
      system: component.system,
      drift: cells.some(cell => cell.drift),
      cells,
    };
  });
  return {
    domainRef,
    environments: source.environments.map(summary),
    rows,
  };
}
