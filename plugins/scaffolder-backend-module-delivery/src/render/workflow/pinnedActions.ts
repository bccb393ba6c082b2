/**
 * The only actions generated workflows use: GitHub's and Docker's official
 * ones and Aqua's scanner, each pinned to the commit of a release so a moved
 * tag cannot change what runs. The release is written next to the pin.
 */
export const PINNED_ACTIONS = {
  checkout: {
    repository: 'actions/checkout',
    release: 'v7.0.1',
    commit: '3d3c42e5aac5ba805825da76410c181273ba90b1',
  },
  setupNode: {
    repository: 'actions/setup-node',
    release: 'v7.0.0',
    commit: '820762786026740c76f36085b0efc47a31fe5020',
  },
  setupPython: {
    repository: 'actions/setup-python',
    release: 'v7.0.0',
    commit: '5fda3b95a4ea91299a34e894583c3862153e4b97',
  },
  setupBuildx: {
    repository: 'docker/setup-buildx-action',
    release: 'v4.3.0',
    commit: '37fe631027851001ddb9b187196cc803df7f5f0e',
  },
  login: {
    repository: 'docker/login-action',
    release: 'v4.1.0',
    commit: '4907a6ddec9925e35a0a9e82d7399ccc52663121',
  },
  buildPush: {
    repository: 'docker/build-push-action',
    release: 'v7.3.0',
    commit: '53b7df96c91f9c12dcc8a07bcb9ccacbed38856a',
  },
  trivy: {
    repository: 'aquasecurity/trivy-action',
    release: 'v0.36.0',
    commit: 'ed142fd0673e97e23eac54620cfb913e5ce36c25',
  },
} as const;

/** A pinned action. */
export type PinnedAction = keyof typeof PINNED_ACTIONS;

/** The `uses:` value of a pinned action. */
export function uses(action: PinnedAction): string {
  const { repository, commit } = PINNED_ACTIONS[action];
  return `${repository}@${commit}`;
}

/** The release a `uses:` value is pinned to, to write next to it. */
export function pinnedRelease(usesValue: string): string | undefined {
  return Object.values(PINNED_ACTIONS).find(
    pin => `${pin.repository}@${pin.commit}` === usesValue,
  )?.release;
}
