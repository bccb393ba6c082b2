import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import fs from 'fs-extra';
import yaml from 'yaml';
import { mockActionContext } from '../__testUtils__/actionContext';
import { localCommits } from '../__testUtils__/localCommits';
import { createRepositoryPublishLocalAction } from './repositoryPublishLocal';
import { examples } from './repositoryPublishLocal.examples';

describe('delivery:repository:publish-local examples', () => {
  const workspace = createMockDirectory({
    content: { service: { 'catalog-info.yaml': 'kind: Component\n' } },
  });
  const repositories = createMockDirectory();

  it("publishes the service's folder from the first example", async () => {
    const action = createRepositoryPublishLocalAction({
      config: new ConfigReader({
        delivery: { repositories: { local: { path: repositories.path } } },
      }),
    });
    const step = yaml.parse(examples[0].example).steps[0];
    await action.handler(
      mockActionContext({ workspacePath: workspace.path, input: step.input }),
    );
    const dir = repositories.resolve('parking-api');
    expect(await localCommits(dir)).toHaveLength(1);
    expect(await fs.pathExists(`${dir}/catalog-info.yaml`)).toBe(true);
  });
});
