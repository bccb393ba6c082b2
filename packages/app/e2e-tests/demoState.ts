import fs from 'node:fs';
import path from 'node:path';
import { callBackend, catalogComponents, demoToken } from './demoBackend';
import { gitopsRepository, serviceRepositories } from './demoDisk';
import { git } from './localGit';

/**
 * What the next start of the demo would show besides its example data, and
 * what a browser test may add to it: the catalog's components, the service
 * repositories whose catalog-info.yaml the catalog reads, and the GitOps
 * repository's branch.
 */
export interface DemoState {
  components: string[];
  /** Whether the folder of the service repositories is there. */
  serviceRepositoriesFolder: boolean;
  /** Service repository folders, each with its HEAD. */
  serviceRepositories: string[];
  gitops: { head: string; tree: string };
}

const GITOPS_PATH = 'domain-delivery.io/gitops-path';

function componentRef(component: {
  metadata: { name: string; namespace?: string };
}) {
  return `component:${component.metadata.namespace ?? 'default'}/${
    component.metadata.name
  }`;
}

/** Reads the demo's state from the running backend and the disk. */
export async function readDemoState(): Promise<DemoState> {
  const token = await demoToken('engineer');
  const repositories = serviceRepositories();
  const folders = fs.existsSync(repositories)
    ? fs.readdirSync(repositories).sort()
    : [];
  const gitops = gitopsRepository();
  return {
    components: (await catalogComponents(token)).map(componentRef).sort(),
    serviceRepositoriesFolder: fs.existsSync(repositories),
    serviceRepositories: folders.map(folder => {
      const dir = path.join(repositories, folder);
      const head = fs.existsSync(path.join(dir, '.git'))
        ? git(dir, 'rev-parse', 'HEAD')
        : 'no git repository';
      return `${folder} at ${head}`;
    }),
    gitops: {
      head: git(gitops, 'rev-parse', 'HEAD'),
      tree: git(gitops, 'rev-parse', 'HEAD^{tree}'),
    },
  };
}

/**
 * How the demo's state after the browser tests differs from before them; an
 * empty list when the tests took back everything they added. The GitOps
 * repository must hold the same files, on top of the same history (what the
 * tests committed is reverted, not rewritten away), and nothing uncommitted.
 */
export function differences(before: DemoState, after: DemoState): string[] {
  const found: string[] = [];
  const added = (a: string[], b: string[]) => b.filter(x => !a.includes(x));
  for (const [what, was, is] of [
    ['component', before.components, after.components],
    [
      'service repository',
      before.serviceRepositories,
      after.serviceRepositories,
    ],
  ] as const) {
    for (const item of added(was, is)) {
      found.push(`a ${what} was left behind: ${item}`);
    }
    for (const item of added(is, was)) {
      found.push(`a ${what} is gone: ${item}`);
    }
  }

  if (after.serviceRepositoriesFolder && !before.serviceRepositoriesFolder) {
    found.push(
      `the folder of the service repositories was left behind: ${serviceRepositories()}`,
    );
  }

  const gitops = gitopsRepository();
  try {
    git(gitops, 'merge-base', '--is-ancestor', before.gitops.head, 'HEAD');
  } catch {
    found.push(
      `the GitOps repository's history was rewritten: ${before.gitops.head} is no longer on its branch`,
    );
  }
  if (after.gitops.tree !== before.gitops.tree) {
    found.push(
      `the GitOps repository holds other files than before: ${git(
        gitops,
        'diff',
        '--stat',
        before.gitops.head,
        after.gitops.head,
      )}`,
    );
  }
  const uncommitted = git(gitops, 'status', '--porcelain');
  if (uncommitted) {
    found.push(`the GitOps repository has uncommitted changes: ${uncommitted}`);
  }
  return found;
}

/**
 * Where the GitOps repository's image tags differ from the versions the
 * backend says run (from the demo history), as `<values file>: <tag> ≠
 * <version>`; empty once the demo has seeded the repository after its start.
 */
export async function tagsBehindHistory(): Promise<string[]> {
  const token = await demoToken('engineer');
  const gitops = gitopsRepository();
  const found: string[] = [];
  const components = await catalogComponents(
    token,
    `metadata.annotations.${GITOPS_PATH}`,
  );
  // Right after a fresh start the catalog and the history are still loading:
  // that is "not yet", not "nothing to compare".
  if (components.length === 0) {
    found.push('no delivered component in the catalog yet');
  }
  for (const component of components) {
    const folder = component.metadata.annotations![GITOPS_PATH];
    const { items } = await callBackend<{
      items: Array<{
        environment: { name: string };
        current?: { version: string };
      }>;
    }>(
      token,
      `/api/delivery/entities/component/${
        component.metadata.namespace ?? 'default'
      }/${component.metadata.name}/environments`,
    );
    if (!items.some(item => item.current)) {
      found.push(`${component.metadata.name}: no history loaded yet`);
    }
    for (const { environment, current } of items) {
      if (!current) {
        continue;
      }
      const file = `${folder}/values-${environment.name}.yaml`;
      let tag: string | undefined;
      try {
        tag = imageTag(git(gitops, 'show', `HEAD:${file}`));
      } catch {
        tag = undefined;
      }
      if (tag !== current.version) {
        found.push(`${file}: ${tag ?? 'missing'} ≠ ${current.version}`);
      }
    }
  }
  return found;
}

/**
 * `image.tag` of a values file as the demo and its promotions write them (an
 * indented `tag:` line under `image:`), without its quotes.
 */
function imageTag(valuesFile: string): string | undefined {
  const image = /^image:\n((?:[ ]+.*\n?)*)/m.exec(valuesFile)?.[1] ?? '';
  const tag = /^[ ]+tag:[ ]*(.+?)[ ]*(?:#.*)?$/m.exec(image)?.[1];
  return tag?.replace(/^(["'])(.*)\1$/, '$2');
}
