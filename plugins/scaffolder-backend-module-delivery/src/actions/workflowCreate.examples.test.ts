import { createMockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { workflowParserErrors } from '../__testUtils__/specValidation';
import { createWorkflowCreateAction } from './workflowCreate';
import { examples } from './workflowCreate.examples';

describe('delivery:workflow:create examples', () => {
  const workspace = createMockDirectory();
  const action = createWorkflowCreateAction({
    config: new ConfigReader({ backend: { baseUrl: 'http://localhost:7007' } }),
  });

  beforeEach(() => workspace.clear());

  async function run(index: number) {
    const step = yaml.parse(examples[index].example).steps[0];
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: step.input,
    });
    await action.handler(ctx as any);
    return ctx;
  }

  it('writes a valid workflow for a TypeScript service from the first example', async () => {
    await run(0);
    const content = workspace.content({ path: 'service/.github/workflows' })![
      'parking-api.yaml'
    ] as string;
    expect(
      workflowParserErrors([{ name: 'parking-api.yaml', content }]),
    ).toEqual({
      'parking-api.yaml': [],
    });
    const workflow = yaml.parse(content);
    expect(workflow.jobs['deploy-dev'].env.DELIVERY_API_URL).toBe(
      'https://portal.example.com/api/delivery',
    );
    expect(workflow.jobs.image.steps[1].env.IMAGE).toBe(
      'ghcr.io/domain-delivery-demo/parking-api',
    );
  });

  it('writes a valid workflow for a Python service in a folder from the second example', async () => {
    const ctx = await run(1);
    const content = workspace.content({ path: '.github/workflows' })![
      'fare-calculator.yaml'
    ] as string;
    expect(workflowParserErrors([{ name: 'fare.yaml', content }])).toEqual({
      'fare.yaml': [],
    });
    const workflow = yaml.parse(content);
    expect(workflow.on.push.paths[0]).toBe('services/fare-calculator/**');
    // The tests, then the report of their results.
    expect(workflow.jobs['unit-tests'].steps.at(-2).run).toBe('make test-unit');
    expect(workflow.jobs['deploy-dev'].env.DELIVERY_API_URL).toBe(
      'http://localhost:7007/api/delivery',
    );
    expect(ctx.output).toHaveBeenCalledWith('environments', ['dev', 'prod']);
  });
});
