import {
  Deployment,
  DomainMatrix,
  EnvironmentSummary,
} from '@domain-delivery/backstage-plugin-delivery-common';

/** The newest successful deployment to one environment across a domain's components. */
export interface EnvironmentActivity {
  environment: EnvironmentSummary;
  /** The newest running version there, and of which component; absent when none runs there. */
  last?: { entityRef: string; version: string; finishedAt: string };
  /** How many components' latest deployment there failed. */
  failing: number;
}

/** A domain's health at a glance. */
export interface DomainHealth {
  domainRef: string;
  /** How many components are counted (after an owner filter, if any). */
  components: number;
  /** How many of them run different versions across environments. */
  drifted: number;
  /** Per environment, in promotion order. */
  environments: EnvironmentActivity[];
  /** Failed deployments of the counted components in the given failures list. */
  failures: number;
}

/**
 * Summarizes a domain matrix: the last deployment per environment, drift, and
 * how many of the given recent failures are the domain's.
 */
export function summarizeDomainHealth(
  matrix: DomainMatrix,
  options: {
    /** Count only these components (e.g. those of one owner); all when absent. */
    entityRefs?: Set<string>;
    /** Show only these environments; all when absent. */
    environment?: string;
    /** Recent failed deployments, from anywhere; the domain's are counted. */
    recentFailures: Deployment[];
  },
): DomainHealth {
  const rows = options.entityRefs
    ? matrix.rows.filter(row => options.entityRefs!.has(row.entityRef))
    : matrix.rows;
  const refs = new Set(rows.map(row => row.entityRef));
  const environments = matrix.environments
    .filter(e => !options.environment || e.name === options.environment)
    .map((environment): EnvironmentActivity => {
      let last: EnvironmentActivity['last'];
      let failing = 0;
      for (const row of rows) {
        const cell = row.cells.find(c => c.environment === environment.name);
        if (cell?.status === 'failed' || cell?.latest?.status === 'failed') {
          failing += 1;
        }
        if (
          cell?.version &&
          cell.finishedAt &&
          (!last || cell.finishedAt > last.finishedAt)
        ) {
          last = {
            entityRef: row.entityRef,
            version: cell.version,
            finishedAt: cell.finishedAt,
          };
        }
      }
      return { environment, ...(last && { last }), failing };
    });
  return {
    domainRef: matrix.domainRef,
    components: rows.length,
    drifted: rows.filter(row => row.drift).length,
    environments,
    failures: options.recentFailures.filter(
      d =>
        refs.has(d.entityRef) &&
        (!options.environment || d.environment === options.environment),
    ).length,
  };
}
