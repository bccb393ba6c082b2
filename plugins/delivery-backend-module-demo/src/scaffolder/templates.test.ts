import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { ConfigReader } from '@backstage/config';
import { createRepositoryPublishLocalAction } from './repositoryPublishLocal';

/*
 * The golden path's templates (templates/ at the repository root) publish to
 * local repositories in the demo: with this package's action, read back by
 * the demo's catalog location.
 */

const TEMPLATES = path.resolve(__dirname, '../../../../templates');

function readYaml(file: string): any {
  return yaml.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8'));
}

describe('the domain-service template in the demo', () => {
  const steps: any[] = readYaml('domain-service/template.yaml').spec.steps;
  const action = createRepositoryPublishLocalAction({
    config: new ConfigReader({}),
  });

  it('publishes the repository locally with inputs the action declares and all it requires', () => {
    const publish = steps.filter(step => step.action === action.id);
    expect(publish.map(step => step.if)).toEqual([
      "${{ parameters.publishTo == 'local' }}",
    ]);
    const schema = action.schema!.input as {
      properties: Record<string, unknown>;
      required?: string[];
    };
    expect(
      Object.keys(publish[0].input).filter(key => !(key in schema.properties)),
    ).toEqual([]);
    expect(
      (schema.required ?? []).filter(key => !(key in publish[0].input)),
    ).toEqual([]);
  });
});

describe('the demo location of local repositories', () => {
  const location = readYaml('demo-local-repositories.yaml');

  it('reads the repositories delivery:repository:publish-local writes from the backend', () => {
    // The demo backend runs in packages/backend; the action's default folder is relative to it.
    expect(path.resolve(TEMPLATES, location.spec.targets[0])).toBe(
      path.resolve(
        TEMPLATES,
        '../packages/backend/.delivery-demo/repositories/*/catalog-info.yaml',
      ),
    );
    expect(location.spec.presence).toBe('optional');
  });

  it('is the location the domain-service template refreshes', () => {
    const refresh = readYaml('domain-service/template.yaml').spec.steps.find(
      (step: any) => step.action === 'delivery:catalog:refresh',
    );
    expect(refresh.input.entityRef).toBe(
      `location:default/${location.metadata.name}`,
    );
  });
});
