import { createMockDirectory } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import fs from 'fs-extra';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import yaml from 'yaml';
import { unpacedGitHubClients } from './__testUtils__/githubClients';
import { describeIf } from './__testUtils__/specValidation';
import { createArgoCdApplicationsAction } from './actions/argocdApplications';
import { createCatalogAnnotateAction } from './actions/catalogAnnotate';
import { createCatalogDomainServicesAction } from './actions/catalogDomainServices';
import { createCatalogRefreshAction } from './actions/catalogRefresh';
import { createGitOpsPublishAction } from './actions/gitopsPublish';
import { createHelmValuesAction } from './actions/helmValues';
import { createWorkflowCreateAction } from './actions/workflowCreate';
import {
  SERVICE_LANGUAGES,
  serviceCommands,
} from './render/workflow/languages';

/*
 * The golden path's templates (templates/ at the repository root) and their
 * skeletons, checked against the actions they call and run for real.
 */

const TEMPLATES = path.resolve(__dirname, '../../../templates');
const config = new ConfigReader({});
const catalogAccess = { catalog: catalogServiceMock() };
const OUR_ACTIONS = [
  createCatalogAnnotateAction(),
  createWorkflowCreateAction({ config }),
  createHelmValuesAction({ config }),
  createArgoCdApplicationsAction({ config }),
  createGitOpsPublishAction({
    config,
    integrations: ScmIntegrations.fromConfig(config),
    githubClients: unpacedGitHubClients(ScmIntegrations.fromConfig(config)),
  }),
  createCatalogRefreshAction(catalogAccess),
  createCatalogDomainServicesAction(catalogAccess),
];
// Backstage's own actions the templates use, and the demo's (installed in
// the demo backend; the demo module tests its own against the templates).
const OTHER_ACTIONS = [
  'fetch:template',
  'publish:github',
  'catalog:register',
  'delivery:repository:publish-local',
];

function readTemplate(name: string): any {
  return yaml.parse(
    fs.readFileSync(path.join(TEMPLATES, name, 'template.yaml'), 'utf8'),
  );
}

/** What is wrong with a step's action and inputs, if anything. */
function stepProblems(step: any): string[] {
  const action = OUR_ACTIONS.find(candidate => candidate.id === step.action);
  if (!action) {
    return OTHER_ACTIONS.includes(step.action)
      ? []
      : [`${step.id}: no action ${step.action}`];
  }
  const schema = action.schema!.input as {
    properties: Record<string, unknown>;
    required?: string[];
  };
  return [
    ...Object.keys(step.input)
      .filter(key => !(key in schema.properties))
      .map(key => `${step.id}: ${step.action} has no input ${key}`),
    ...(schema.required ?? [])
      .filter(key => !(key in step.input))
      .map(key => `${step.id}: ${step.action} needs ${key}`),
  ];
}

describe.each(['domain-service', 'domain-environment'])(
  'the %s template',
  name => {
    const template = readTemplate(name);

    it('is a scaffolder template', () => {
      expect(template).toMatchObject({
        apiVersion: 'scaffolder.backstage.io/v1beta3',
        kind: 'Template',
        metadata: { name },
        spec: { owner: expect.any(String), parameters: expect.any(Array) },
      });
    });

    it('calls only actions that exist, with inputs they declare and all they require', () => {
      expect(template.spec.steps.flatMap(stepProblems)).toEqual([]);
    });

    it('publishes locally or to GitHub, never both', () => {
      const targeted = template.spec.steps.filter((step: any) =>
        /-(local|github)$/.test(step.id),
      );
      expect(targeted.length).toBeGreaterThan(1);
      expect(targeted.map((step: any) => [step.id, step.if])).toEqual(
        targeted.map((step: any) => [
          step.id,
          `\${{ parameters.publishTo == '${step.id.replace(/.*-/, '')}' }}`,
        ]),
      );
    });
  },
);

describe('the domain-service template', () => {
  const template = readTemplate('domain-service');

  it('picks the domain and the system from the catalog and the owner among groups', () => {
    const { properties } = template.spec.parameters[0];
    expect(properties.domain['ui:options'].catalogFilter).toEqual({
      kind: 'Domain',
    });
    expect(properties.system['ui:options'].catalogFilter).toEqual({
      kind: 'System',
    });
    expect(properties.owner['ui:field']).toBe('OwnerPicker');
    expect(template.spec.parameters[1].properties.language.enum).toEqual([
      ...SERVICE_LANGUAGES,
    ]);
  });

  it('generates, wires and publishes in order', () => {
    expect(template.spec.steps.map((step: any) => step.action)).toEqual([
      'fetch:template',
      'delivery:workflow:create',
      'delivery:helm:values',
      'delivery:argocd:applications',
      'delivery:catalog:annotate',
      'delivery:repository:publish-local',
      'delivery:gitops:publish',
      'delivery:catalog:refresh',
      'publish:github',
      'delivery:gitops:publish',
      'catalog:register',
    ]);
  });
});

describe('the domain-environment template', () => {
  const template = readTemplate('domain-environment');

  it('keeps the files services already have unless the person chooses to replace them', () => {
    expect(template.spec.parameters[0].properties.overwrite).toMatchObject({
      type: 'boolean',
      default: false,
    });
    const publishes = template.spec.steps.filter(
      (step: any) => step.action === 'delivery:gitops:publish',
    );
    expect(publishes.map((step: any) => step.input.overwrite)).toEqual([
      '${{ parameters.overwrite }}',
      '${{ parameters.overwrite }}',
    ]);
  });
});

function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/** The commands the workflow runs that the skeleton's package.json or Makefile has. */
function availableCommands(dir: string, language: string): string[] {
  if (language === 'typescript') {
    const scripts = fs.readJsonSync(path.join(dir, 'package.json')).scripts;
    return Object.keys(scripts).map(script => `npm run ${script}`);
  }
  const makefile = fs.readFileSync(path.join(dir, 'Makefile'), 'utf8');
  return [...makefile.matchAll(/^([\w-]+):/gm)].map(
    ([, target]) => `make ${target}`,
  );
}

/** Runs one of the workflow's commands the way CI would, without npm or make installing anything. */
function runCommand(dir: string, language: string, command: string) {
  const commands = serviceCommands(language as 'typescript');
  if (language !== 'typescript') {
    return spawnSync(
      'make',
      ['-s', command.replace('make ', ''), 'PYTHON=python3'],
      { cwd: dir, encoding: 'utf8', timeout: 60_000 },
    );
  }
  const args =
    command === commands.domainBoundaries
      ? ['scripts/check-domain-boundaries.ts']
      : ['scripts/run-tests.ts', command.split(':')[1]];
  return spawnSync(process.execPath, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const pythonAvailable =
  spawnSync('python3', ['-c', 'import sys; assert sys.version_info >= (3, 11)'])
    .status === 0;

describe.each([...SERVICE_LANGUAGES])('the %s skeleton', language => {
  const skeleton = path.join(TEMPLATES, 'domain-service/skeleton', language);
  const service = createMockDirectory();
  const values: Record<string, string> = {
    name: 'parking-api',
    domain: 'smart-city',
  };
  // What fetch:template would leave unrendered: other template syntax, by file.
  const leftovers: Array<{ file: string; syntax: string[] }> = [];

  beforeAll(async () => {
    await fs.copy(skeleton, service.path);
    for (const file of filesBelow(service.path)) {
      const rendered = fs
        .readFileSync(file, 'utf8')
        .replace(
          /\$\{\{ values\.(\w+) \}\}/g,
          (match, key) => values[key] ?? match,
        );
      // Nunjucks would read these as its own expressions, tags and comments.
      const syntax = rendered.match(/\$\{\{|\{%|\{#/g);
      if (syntax) {
        leftovers.push({ file: path.relative(service.path, file), syntax });
      }
      fs.writeFileSync(file, rendered);
    }
  });

  it('uses only the values fetch:template is given, and no other template syntax', () => {
    expect(leftovers).toEqual([]);
  });

  it('lays its tests out unit, integration, contract, chaos and blue-green', () => {
    const folders = ['unit', 'integration', 'contract', 'chaos', 'blue-green'];
    expect(
      folders.filter(
        folder =>
          !fs.readdirSync(path.join(service.path, 'tests', folder)).length,
      ),
    ).toEqual([]);
  });

  it('has every command the delivery workflow runs', () => {
    const available = availableCommands(service.path, language);
    expect(
      Object.values(serviceCommands(language)).filter(
        command => !available.includes(command),
      ),
    ).toEqual([]);
  });

  describeIf(language === 'typescript' || pythonAvailable)('run', () => {
    it('passes its own tests in every folder and its domain-boundary check', () => {
      const commands = serviceCommands(language);
      const failures = [
        commands.unit,
        commands.integration,
        commands.contract,
        commands.chaos,
        commands.blueGreen,
        commands.domainBoundaries,
      ].flatMap(command => {
        const result = runCommand(service.path, language, command);
        return result.status === 0
          ? []
          : [{ command, output: `${result.stdout}${result.stderr}` }];
      });
      expect(failures).toEqual([]);
    }, 120_000);
  });
});
