import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { parseStrictYaml } from '../__testUtils__/specValidation';
import { createHelmValuesAction } from './helmValues';
import { examples } from './helmValues.examples';

describe('delivery:helm:values examples', () => {
  const workspace = createMockDirectory();
  const action = createHelmValuesAction({ config: new ConfigReader({}) });

  beforeEach(() => workspace.clear());

  async function run(index: number) {
    const step = yaml.parse(examples[index].example).steps[0];
    await action.handler(
      createMockActionContext({
        workspacePath: workspace.path,
        input: step.input,
      }) as any,
    );
  }

  it("writes a new service's chart and values from the first example", async () => {
    await run(0);
    const chart = workspace.content({
      path: 'gitops/apps/smart-city/parking-api',
    })!;
    for (const file of [
      'Chart.yaml',
      'values.yaml',
      'values-dev.yaml',
      'values-prod.yaml',
    ]) {
      expect(parseStrictYaml(chart[file] as string).problems).toEqual([]);
    }
    expect(yaml.parse(chart['values-prod.yaml'] as string).ingress.host).toBe(
      'parking-api.smart-city.example.com',
    );
    expect(yaml.parse(chart['Chart.yaml'] as string).annotations).toEqual({
      'domain-delivery.io/domain': 'smart-city',
      'domain-delivery.io/owner': 'group:default/team-smart-city',
    });
  });

  it("writes only one environment's values from the second example", async () => {
    await run(1);
    const values = workspace.content({
      path: 'gitops/apps/journey/fare-calculator',
    })!;
    expect(Object.keys(values)).toEqual(['values-staging.yaml']);
    expect(
      yaml.parse(values['values-staging.yaml'] as string).externalSecret,
    ).toEqual({
      remoteKey: 'journey/fare-calculator/staging',
    });
  });
});
