import { inc } from 'semver';
import { SeededRandom } from '@domain-delivery/backstage-plugin-delivery-node/testUtils';
import { DeliveryProfile } from './deliveryProfiles';
import { SimulatedCommit, roundToSecond } from './simulatedHistory';
import { MINUTE, WorkingHours, isWorkingTime } from './workingHours';

/** A version of the entity and the commits it adds to the one before. */
export interface Release {
  /** Its position in the line: later releases have higher versions. */
  seq: number;
  version: string;
  headSha: string;
  commits: SimulatedCommit[];
  /** Cut for production alone, skipping the other environments. */
  hotfix: boolean;
}

/** What an environment has received of the release line so far. */
export interface ReleaseCoverage {
  /** Every regular release up to this one has been deployed. */
  coveredSeq: number;
  /** The hotfixes deployed. */
  deployedHotfixes: Set<number>;
}

/**
 * The entity's releases in order, with semantic versions and the commits each
 * one brings, and the versions that were rolled back.
 */
export class ReleaseLine {
  private readonly releases: Release[];
  private readonly rolledBack = new Set<number>();
  private lastCommitAt: number;

  constructor(
    private readonly random: SeededRandom,
    private readonly profile: DeliveryProfile,
    private readonly hours: WorkingHours,
    start: number,
  ) {
    this.releases = [
      {
        seq: 0,
        version: `${random.integer(1, 2)}.${random.integer(
          0,
          9,
        )}.${random.integer(0, 4)}`,
        headSha: random.sha(),
        commits: [],
        hotfix: false,
      },
    ];
    this.lastCommitAt = start;
  }

  /** The version everything runs when the simulation starts. */
  get initial(): Release {
    return this.releases[0];
  }

  /**
   * A new release: a patch or minor version for a regular release, a patch
   * version for a hotfix; its commits were made after `earliest`, before `at`.
   */
  cut(at: number, hotfix: boolean, earliest: number): Release {
    const latest = this.releases[this.releases.length - 1];
    const version = inc(
      latest.version,
      !hotfix && this.random.chance(this.profile.minorBumpRate)
        ? 'minor'
        : 'patch',
    )!;
    const [fewest, most] = this.profile.commitsPerRelease;
    const count = hotfix
      ? this.random.integer(1, 2)
      : this.random.integer(fewest, most);
    const to = at - 5 * MINUTE;
    const from = Math.min(Math.max(earliest, this.lastCommitAt + MINUTE), to);
    const commits = Array.from({ length: count }, () =>
      roundToSecond(this.commitTime(from, to)),
    )
      .sort((a, b) => a - b)
      .map(committedAt => ({ sha: this.random.sha(), committedAt }));
    const head = commits[commits.length - 1];
    this.lastCommitAt = Math.max(this.lastCommitAt, head.committedAt);
    const release = {
      seq: this.releases.length,
      version,
      headSha: head.sha,
      commits,
      hotfix,
    };
    this.releases.push(release);
    return release;
  }

  /** The commits a rollout of the release brings to an environment. */
  commitsBrought(coverage: ReleaseCoverage, release: Release) {
    if (release.hotfix) {
      return release.commits;
    }
    // Hotfixes are merged back, so a later regular release carries them too.
    return this.releases
      .slice(coverage.coveredSeq + 1, release.seq + 1)
      .filter(({ seq }) => !coverage.deployedHotfixes.has(seq))
      .flatMap(({ commits }) => commits);
  }

  /** Records that the release reached an environment. */
  cover(coverage: ReleaseCoverage, release: Release) {
    if (release.hotfix) {
      coverage.deployedHotfixes.add(release.seq);
    } else {
      coverage.coveredSeq = Math.max(coverage.coveredSeq, release.seq);
    }
  }

  markRolledBack(release: Release) {
    this.rolledBack.add(release.seq);
  }

  isRolledBack(release: Release): boolean {
    return this.rolledBack.has(release.seq);
  }

  /** A moment in [from, to], in working hours when the range has some. */
  private commitTime(from: number, to: number): number {
    let time = this.random.between(from, to);
    for (let i = 0; i < 4 && !isWorkingTime(time, this.hours); i++) {
      time = this.random.between(from, to);
    }
    return time;
  }
}
