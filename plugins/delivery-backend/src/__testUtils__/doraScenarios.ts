import { DeliveryEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import { commit, hours, incident, production } from './dora';

// Event histories whose DORA numbers were worked out by hand, shared by the
// tests that check them in order, out of order and through the API.

// parking-api's production history over three days from 2026-03-02T00:00Z
// (hour 0); every deployment brings one commit made an hour before it ended.
//
//   P1 h1   pipeline  not failed: the staging incident at h2 does not count, the
//                     incident at h3 names a deployment that is not a production
//                     one, and the failed rollback at h3 is no deployment at all
//   P2 h5   pipeline  failed (a): I1 names it; opened h30, resolved h32 → 27 h
//   P3 h10  pipeline  failed (b): I2 (h12–h13) and I3 (h14–h16) name nothing and
//                     open after P3, before P4, within 24 h → recovery to the
//                     latest resolution, h16 → 6 h
//   P4 h20  pipeline  failed (b) and (c): I4 opens at h44, exactly 24 h later
//                     (attributed), resolved h46; its next, P5, is a rollback.
//                     The incident decides recovery: h46 → 26 h
//   P5 h50  rollback  failed (c): the next, P6, is a hotfix → recovered at h52, 2 h
//   P6 h52  hotfix    failed (b): I6 opens at h60, unresolved → an open failure.
//                     The in_progress rollback at h60 is not its next deployment.
//   P7 h70  pipeline  not failed: I7 opens at h95, 25 h after it, outside the window
//
// 7 deployments; failed P2–P6 = 5; recovered 2, 6, 26, 27 h → median 16 h;
// open 1; rework P5, P6 = 2.
/** parking-api's history of failures, as described above. */
export const failureHistory: DeliveryEvent[] = [
  production('P1', 1, { commits: [commit('b1', 0)] }),
  production('F', 3, {
    status: 'failed',
    trigger: 'rollback',
    commits: [commit('bf', 2)],
  }),
  production('P2', 5, { commits: [commit('b2', 4)] }),
  production('P3', 10, { commits: [commit('b3', 9)] }),
  production('P4', 20, { commits: [commit('b4', 19)] }),
  production('P5', 50, { trigger: 'rollback', commits: [commit('b5', 49)] }),
  production('P6', 52, { trigger: 'hotfix', commits: [commit('b6', 51)] }),
  production('R', 60, {
    status: 'in_progress',
    finishedAt: undefined,
    trigger: 'rollback',
  }),
  production('P7', 70, { commits: [commit('b7', 69)] }),
  incident('staging-incident', 2, 3, { environment: 'staging' }),
  incident('names-unknown', 3, 4, { deploymentId: 'not-a-deployment' }),
  incident('I1', 30, 32, { deploymentId: 'P2' }),
  incident('I2', 12, 13),
  incident('I3', 14, 16),
  incident('I4', 44, 46),
  incident('I6', 60),
  incident('I7', 95, 96),
];

/** The three days of {@link failureHistory}. */
export const failureWindow = { from: '2026-03-02', to: '2026-03-05' };

/** The summary of {@link failureHistory} over {@link failureWindow}, by hand. */
export const failureSummary = {
  deployments: 7,
  deploymentFrequencyPerDay: 7 / 3,
  leadTimeMedianSeconds: hours(1),
  leadTimeP90Seconds: hours(1),
  leadTimeCommits: 7,
  failedDeployments: 5,
  changeFailureRate: 5 / 7,
  recoveryMedianSeconds: hours(16),
  openFailures: 1,
  reworkRate: 2 / 7,
};

// lighting-api's commits, hour 0 being 2026-03-02T00:00Z:
//
//   L0 h-6 (2026-03-01T18:00Z)  a0 (h-16)                → a0: 10 h, the day before
//   L1 h10   a0 again, a1 (h0), a2 (h4)                  → a1: 10 h, a2: 6 h; a0 not again
//   L2 h20   a2 again, a3 (h12)                          → a3: 8 h
//   LF h25   failed rollout listing a5 (h22)             → no deployment, nothing counted
//   Ldev h26 a dev deployment listing a4 (h25)           → not production
//   L3 h30   no commits, head a4, time known from dev    → a4: 5 h
//   L4 h40   no commits, head a6, time known from nobody → not counted
//   L5 h42   a5 (h22)                                    → a5: 20 h at its first production deployment
//
// 2026-03-02 to 2026-03-04: 5 deployments; lead times 5, 6, 8, 10, 20 h →
// median 8 h, p90 at rank 0.9 × 4 = 3.6 → 10 + 0.6 × 10 = 16 h.
const lighting = { entityRef: 'component:default/lighting-api' };

/** lighting-api's history of commits, as described above. */
export const leadTimeHistory: DeliveryEvent[] = [
  production('L0', -6, { ...lighting, commits: [commit('a0', -16)] }),
  production('L1', 10, {
    ...lighting,
    commits: [commit('a0', -16), commit('a1', 0), commit('a2', 4)],
  }),
  production('L2', 20, {
    ...lighting,
    commits: [commit('a2', 4), commit('a3', 12)],
  }),
  production('LF', 25, {
    ...lighting,
    status: 'failed',
    commits: [commit('a5', 22)],
  }),
  production('Ldev', 26, {
    ...lighting,
    environment: 'dev',
    commits: [commit('a4', 25)],
  }),
  production('L3', 30, { ...lighting, commitSha: 'a4' }),
  production('L4', 40, { ...lighting, commitSha: 'a6' }),
  production('L5', 42, { ...lighting, commits: [commit('a5', 22)] }),
];

/** The summary of {@link leadTimeHistory} from 2026-03-02 to 2026-03-04, by hand. */
export const leadTimeSummary = {
  deployments: 5,
  deploymentFrequencyPerDay: 5 / 2,
  leadTimeMedianSeconds: hours(8),
  leadTimeP90Seconds: hours(16),
  leadTimeCommits: 5,
  failedDeployments: 0,
  changeFailureRate: 0,
  recoveryMedianSeconds: null,
  openFailures: 0,
  reworkRate: 0,
};
