/*
 * A deliberately naive, independent reference implementation of the DORA
 * summary, written only from /work/shared/PRODUCT.md ("Deployment and
 * incident events", "DORA, exactly" and `GET /dora` in "The read API").
 *
 * It is used by src/tests/dora.reference.test.ts as a differential oracle for
 * the production derivation. It must stay obviously correct rather than fast:
 * every step is a full scan over the records, and each step quotes the
 * sentence of the definition it implements.
 *
 * Readings of places where the definition is not explicit are marked
 * "READING:".
 */
import {
  DAY_MS,
  RefDoraSummary,
  RefEvent,
  RefQuery,
  RefSettings,
  RefDeploymentEvent,
  RefIncidentEvent,
  applyRecordRules,
  daysInWindow,
  instant,
  ms,
  percentileCont,
} from './referenceDoraRules';

/** Deterministic order by finishedAt; READING: ties broken by id. */
function byFinishedAt(a: RefDeploymentEvent, b: RefDeploymentEvent) {
  const byTime = ms(a.finishedAt!) - ms(b.finishedAt!);
  if (byTime !== 0) {
    return byTime;
  }
  if (a.id === b.id) {
    return 0;
  }
  return a.id < b.id ? -1 : 1;
}

export function referenceDoraSummary(
  events: RefEvent[],
  settings: RefSettings,
  query: RefQuery,
): RefDoraSummary {
  const { deployments: allDeployments, incidents } = applyRecordRules(events);
  const production = new Set(settings.productionEnvironments);
  const attributionMs = settings.incidentAttributionWindowMs ?? DAY_MS;
  // "Window `[from, to)`, UTC unless a time zone is given."
  // READING (as the read API): a bound with an offset is taken as given, one
  // without (e.g. a bare date) as wall-clock time in the time zone.
  const from = instant(query.from, query.timeZone);
  const to = instant(query.to, query.timeZone);
  const scope = query.scope ? new Set(query.scope) : undefined;
  const inScope = (entityRef: string) => !scope || scope.has(entityRef);

  // "Only production environments count." The succeeded production
  // deployments of every entity, at any time (the window is applied later):
  // "The next production deployment" and "the first succeeded production
  // deployment ... that includes it" both look outside the window.
  // READING: a succeeded deployment without finishedAt is not usable and is
  // ignored (the API is expected to reject it anyway).
  const prodSucceeded = allDeployments
    .filter(
      d =>
        d.status === 'succeeded' &&
        production.has(d.environment) &&
        d.finishedAt !== undefined,
    )
    .sort(byFinishedAt);

  // "A *deployment* below is a `succeeded` production deployment whose
  // `finishedAt` is in the window." (+ the requested scope of entities)
  const inWindow = (d: RefDeploymentEvent) =>
    ms(d.finishedAt!) >= from && ms(d.finishedAt!) < to;
  const windowDeployments = prodSucceeded.filter(
    d => inScope(d.entityRef) && inWindow(d),
  );

  // "The next production deployment" of D is the entity's next `succeeded`
  // production deployment by `finishedAt`, wherever it falls (inside the
  // window or after it).
  // "DORA with several production environments": "the next production
  // deployment" of D is the entity's next succeeded deployment **in D's
  // environment**.
  // READING: on equal finishedAt the id decides (same order as above).
  const nextProductionDeployment = (d: RefDeploymentEvent) =>
    prodSucceeded.find(
      n =>
        n.entityRef === d.entityRef &&
        n.environment === d.environment &&
        byFinishedAt(n, d) > 0,
    );

  // ---------------------------------------------------------------- frequency
  // "Deployment frequency = deployments ÷ days in the window"
  const days = daysInWindow(query.from, query.to, query.timeZone);
  const deploymentFrequencyPerDay =
    days > 0 ? windowDeployments.length / days : null;

  // ---------------------------------------------------------------- lead time
  // "A deployment without `commits` contributes its head commit when its
  // commit time is known from any event."
  // READING: "any event" = any stored deployment record (any entity,
  // environment or status) that lists the sha in its `commits`; if several
  // disagree the earliest committedAt is used. An empty `commits` array is
  // treated like an absent one. A deployment WITH commits contributes exactly
  // its listed commits (its commitSha only if listed).
  // READING: a commit (a sha) has one commit time, also when the deployment
  // lists it: the earliest committedAt any stored event gives it, the same
  // rule as for a head commit. (First version of this reference took the time
  // the counting deployment lists; the definition does not say which of two
  // disagreeing times counts, and one time per commit is the consistent
  // choice, and the production code's.)
  const knownCommitTime = (sha: string): number | undefined => {
    let best: number | undefined;
    for (const d of allDeployments) {
      for (const c of d.commits ?? []) {
        if (c.sha === sha && (best === undefined || ms(c.committedAt) < best)) {
          best = ms(c.committedAt);
        }
      }
    }
    return best;
  };
  const commitsCache = new Map<
    RefDeploymentEvent,
    { sha: string; at: number }[]
  >(); // only to keep the full scans affordable
  const commitsOf = (d: RefDeploymentEvent) => {
    if (!commitsCache.has(d)) {
      if (d.commits && d.commits.length > 0) {
        commitsCache.set(
          d,
          d.commits.map(c => ({ sha: c.sha, at: knownCommitTime(c.sha)! })),
        );
      } else {
        const at = knownCommitTime(d.commitSha);
        commitsCache.set(d, at === undefined ? [] : [{ sha: d.commitSha, at }]);
      }
    }
    return commitsCache.get(d)!;
  };

  // "each commit counts once, at the first succeeded production deployment of
  // that entity that includes it" ("in any production environment", with
  // several of them): `deployment.finishedAt − commit.committedAt`.
  // A commit whose first production deployment lies before the window is not
  // counted in the window, even if a later deployment lists it again."
  // READING: "once" is per (entity, sha): the same sha deployed by two
  // entities counts once for each of them in a pooled scope.
  // READING: a sha listed twice by the same deployment is one commit.
  const seen = new Set<string>();
  const leadTimes: number[] = [];
  for (const d of windowDeployments) {
    for (const c of commitsOf(d)) {
      const key = `${d.entityRef}\u0000${c.sha}`;
      const first = prodSucceeded.find(
        e =>
          e.entityRef === d.entityRef &&
          commitsOf(e).some(ec => ec.sha === c.sha),
      );
      if (first === d && !seen.has(key)) {
        seen.add(key);
        leadTimes.push((ms(d.finishedAt!) - c.at) / 1000);
      }
    }
  }

  // ----------------------------------------------------------------- failures
  // "A deployment D is failed when (a) an incident names it, or (b) an
  // incident that names no deployment opens after D finished, before the
  // entity's next production deployment, and within the attribution window
  // (`delivery.dora.incidentAttributionWindow`, default 24 h), or (c) the
  // entity's next production deployment has trigger `rollback` or `hotfix`."
  // READING (a) and (b): "Only production environments count" applies to
  // incidents too ("Incident: a production failure"): an incident reported
  // for a non-production environment counts for nothing, even when it names
  // a production deployment. (First version of this reference counted a
  // naming staging incident under (a); the production code does not, and the
  // "Only production environments count" sentence sides with it.)
  // READING (a): the incident's entityRef is not checked; naming D is enough.
  // (b) with several production environments: "an incident that names no
  // deployment is attributed only to deployments in its own `environment`".
  // READING (b): the incident is of the same entity; "after D finished" is
  // strictly after, "before the next" is strictly before the next one's
  // finishedAt, "within" is openedAt − D.finishedAt ≤ window. An incident
  // whose deploymentId names an unknown (or non-counted) deployment "names a
  // deployment" and therefore is never attributed by (b).
  const incidentsOf = (d: RefDeploymentEvent): RefIncidentEvent[] => {
    const next = nextProductionDeployment(d);
    const finished = ms(d.finishedAt!);
    return incidents.filter(i => {
      if (!production.has(i.environment)) {
        return false; // "Only production environments count."
      }
      if (i.deploymentId !== undefined) {
        return i.deploymentId === d.id; // (a)
      }
      const opened = ms(i.openedAt);
      return (
        i.entityRef === d.entityRef &&
        i.environment === d.environment &&
        opened > finished &&
        (next === undefined || opened < ms(next.finishedAt!)) &&
        opened - finished <= attributionMs
      ); // (b)
    });
  };

  let failedDeployments = 0;
  let openFailures = 0;
  const recoveries: number[] = [];
  for (const d of windowDeployments) {
    const its = incidentsOf(d);
    const next = nextProductionDeployment(d);
    const rolledBack =
      next !== undefined &&
      (next.trigger === 'rollback' || next.trigger === 'hotfix'); // (c)
    if (its.length === 0 && !rolledBack) {
      continue;
    }
    failedDeployments++;
    // "Failed deployment recovery time, for each failed D: from
    // `D.finishedAt` to the latest `resolvedAt` of its incidents (open while
    // any of them is unresolved), or, with no incident, to the `finishedAt` of
    // the next production deployment. Median over failed deployments in the
    // window that have recovered; still-open ones are counted and shown
    // separately."
    // READING: recovery does not depend on the window end (a resolvedAt or
    // next deployment after `to` still counts as recovered).
    if (its.length > 0) {
      if (its.some(i => i.resolvedAt === undefined)) {
        openFailures++;
      } else {
        const latest = Math.max(...its.map(i => ms(i.resolvedAt!)));
        recoveries.push((latest - ms(d.finishedAt!)) / 1000);
      }
    } else {
      recoveries.push((ms(next!.finishedAt!) - ms(d.finishedAt!)) / 1000);
    }
  }

  // "Deployment rework rate = deployments with trigger `rollback` or `hotfix`
  // ÷ deployments."
  const rework = windowDeployments.filter(
    d => d.trigger === 'rollback' || d.trigger === 'hotfix',
  ).length;

  const n = windowDeployments.length;
  // "a ratio or median with nothing to divide or take the median of is `null`"
  return {
    deployments: n,
    deploymentFrequencyPerDay,
    leadTimeMedianSeconds: percentileCont(leadTimes, 0.5),
    leadTimeP90Seconds: percentileCont(leadTimes, 0.9),
    leadTimeCommits: leadTimes.length,
    failedDeployments,
    changeFailureRate: n > 0 ? failedDeployments / n : null,
    recoveryMedianSeconds: percentileCont(recoveries, 0.5),
    openFailures,
    reworkRate: n > 0 ? rework / n : null,
  };
}
