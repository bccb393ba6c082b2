import {
  describeIf,
  hasSpec,
  jsonSchemaErrors,
  parseStrictYaml,
  readSpecSchema,
  workflowParserErrors,
} from '../../__testUtils__/specValidation';
import { yamlText } from '../yamlDocument';
import { SERVICE_LANGUAGES } from './languages';
import { PINNED_ACTIONS } from './pinnedActions';
import { renderWorkflow, WorkflowSpec } from './renderWorkflow';

const dev = { name: 'dev', production: false };
const staging = { name: 'staging', production: false };
const prod = { name: 'prod', production: true };

function spec(overrides: Partial<WorkflowSpec> = {}): WorkflowSpec {
  const environments = overrides.environments ?? [dev, staging, prod];
  return {
    service: 'parking-api',
    domain: 'smart-city',
    entityRef: 'component:default/parking-api',
    language: 'typescript',
    servicePath: '.',
    workflowPath: '.github/workflows/parking-api.yaml',
    mainBranch: 'main',
    environments,
    deliveryApiUrl: 'https://portal.example.com/api/delivery',
    environmentUrls: Object.fromEntries(
      environments.map(e => [
        e.name,
        `https://parking-api.${e.name}.example.com`,
      ]),
    ),
    ...overrides,
  };
}

// Every combination the action offers, rendered once.
const VARIANTS: Array<[string, WorkflowSpec]> = [
  ...SERVICE_LANGUAGES.map(
    language =>
      [`${language} at the root`, spec({ language })] as [string, WorkflowSpec],
  ),
  [
    'python in a folder, dev and prod only',
    spec({
      language: 'python',
      servicePath: 'services/parking-api',
      environments: [dev, prod],
    }),
  ],
  [
    'own registry, one environment',
    spec({
      image: 'registry.example.com/smart-city/parking-api',
      environments: [dev],
    }),
  ],
  ['production only', spec({ environments: [prod] })],
];

const rendered = VARIANTS.map(([name, variant]) => ({
  name,
  variant,
  text: yamlText(renderWorkflow(variant)),
}));

function parsed(text: string): any {
  const { values, problems } = parseStrictYaml(text);
  expect(problems).toEqual([]);
  return values[0];
}

describe('renderWorkflow', () => {
  it("passes GitHub's own workflow parser without an error", () => {
    const errors = workflowParserErrors(
      rendered.map(({ name, text }) => ({
        name: `${name}.yaml`,
        content: text,
      })),
    );
    expect(errors).toEqual(
      Object.fromEntries(rendered.map(({ name }) => [`${name}.yaml`, []])),
    );
  });

  it('is caught by the parser when it is wrong (the check is live)', () => {
    const broken = rendered[0].text.replace(
      'permissions: {}',
      'permissions: { deployments: sometimes }',
    );
    expect(
      workflowParserErrors([{ name: 'broken.yaml', content: broken }])[
        'broken.yaml'
      ].length,
    ).toBeGreaterThan(0);
  });

  describeIf(hasSpec('schemastore/github-workflow.json'))(
    "SchemaStore's GitHub workflow schema",
    () => {
      const schema = () => readSpecSchema('schemastore/github-workflow.json');

      it('accepts every generated workflow', () => {
        for (const { text } of rendered) {
          expect(jsonSchemaErrors(schema(), parsed(text))).toEqual([]);
        }
      });

      it('refuses a job without runs-on (the check is live)', () => {
        const workflow: any = parsed(rendered[0].text);
        delete workflow.jobs.lint['runs-on'];
        expect(jsonSchemaErrors(schema(), workflow).length).toBeGreaterThan(0);
      });
    },
  );

  it('is plain YAML: no duplicate keys, anchors or parse warnings', () => {
    for (const { text } of rendered) {
      parsed(text);
      expect(text).not.toMatch(/[&*][a-z]+\d+\b/);
      expect(text.startsWith('---\n')).toBe(true);
    }
  });

  it("triggers on the service's path and the workflow itself", () => {
    const [root, , folder] = rendered.map(({ text }) => parsed(text));
    expect(root.on.push).toEqual({
      branches: ['main'],
      paths: ['**', '!**/*.md', '.github/workflows/parking-api.yaml'],
    });
    expect(folder.on.pull_request.paths).toEqual([
      'services/parking-api/**',
      '!services/parking-api/**/*.md',
      '.github/workflows/parking-api.yaml',
    ]);
    expect(folder.defaults.run['working-directory']).toBe(
      'services/parking-api',
    );
  });

  it('detects changes first and runs every check only when the service changed', () => {
    const workflow = parsed(rendered[0].text);
    const checks = [
      'lint',
      'unit-tests',
      'integration-tests',
      'contract-tests',
      'resilience-tests',
      'domain-boundaries',
    ];
    for (const id of checks) {
      expect(workflow.jobs[id].needs).toEqual(['changes']);
      expect(workflow.jobs[id].if).toBe(
        "needs.changes.outputs.service == 'true'",
      );
    }
    expect(
      workflow.jobs.changes.steps.find((step: any) => step.id === 'diff').run,
    ).toContain('git diff --name-only');
    expect(workflow.jobs.image.needs).toEqual(['changes', ...checks]);
    const commands = checks.flatMap(id =>
      workflow.jobs[id].steps.map((step: any) => step.run).filter(Boolean),
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        'npm run lint',
        'npm run test:unit',
        'npm run test:integration',
        'npm run test:contract',
        'npm run test:chaos',
        'npm run test:blue-green',
        'npm run check:boundaries',
      ]),
    );
  });

  it('caches dependencies and image layers, and scans the image before pushing it', () => {
    const workflow = parsed(rendered[0].text);
    const setup = workflow.jobs.lint.steps[1];
    expect(setup.with).toMatchObject({ cache: 'npm' });
    const python = parsed(rendered[1].text).jobs.lint.steps[1];
    expect(python.with).toMatchObject({ cache: 'pip' });

    const steps = workflow.jobs.image.steps;
    const names = steps.map((step: any) => step.name);
    const build = steps.find((step: any) =>
      step.uses?.startsWith('docker/build-push-action@'),
    );
    expect(build.with).toMatchObject({
      load: true,
      push: false,
      'cache-from': 'type=gha,scope=parking-api',
      'cache-to': 'type=gha,mode=max,scope=parking-api',
    });
    const scan = steps.find((step: any) =>
      step.uses?.startsWith('aquasecurity/trivy-action@'),
    );
    expect(scan.with).toMatchObject({
      'exit-code': '1',
      severity: 'CRITICAL,HIGH',
    });
    expect(names.indexOf(scan.name)).toBeLessThan(
      names.indexOf('Push the scanned image'),
    );
  });

  it('deploys dev, promotes staging after dev and requests prod after staging', () => {
    const { jobs } = parsed(rendered[0].text);
    expect(jobs['deploy-dev'].needs).toEqual(['image']);
    expect(jobs['promote-staging'].needs).toEqual(['image', 'deploy-dev']);
    expect(jobs['request-prod'].needs).toEqual(['image', 'promote-staging']);
    for (const id of ['deploy-dev', 'promote-staging', 'request-prod']) {
      expect(jobs[id].if).toBe(
        "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'",
      );
    }
    const promotion = jobs['promote-staging'].steps[1].run;
    expect(promotion).toContain('${DELIVERY_API_URL}/promotions');
    expect(promotion).toContain('succeeded) echo');
    const request = jobs['request-prod'].steps[0].run;
    expect(request).toContain('${DELIVERY_API_URL}/promotions');
    expect(request).toContain('waits for approval in the portal');
    expect(request).not.toContain('while :');
    // Behind the production GitHub environment, which the portal's deployment
    // protection rule gates from the first run.
    expect(jobs['request-prod'].environment).toEqual({
      name: 'prod',
      url: 'https://parking-api.prod.example.com',
    });
  });

  it('reports every deployment to the event API, at its start and whatever its end', () => {
    const { jobs } = parsed(rendered[0].text);
    for (const id of ['deploy-dev', 'promote-staging']) {
      const steps = jobs[id].steps;
      expect(steps[0].run).toContain('"${DELIVERY_API_URL}/events"');
      expect(steps[0].run).toContain('status=in_progress');
      expect(steps[steps.length - 1]).toMatchObject({
        if: 'always()',
        env: { JOB_STATUS: '${{ job.status }}' },
      });
      expect(steps[steps.length - 1].run).toContain(
        '"${DELIVERY_API_URL}/events"',
      );
      expect(jobs[id].env).toMatchObject({
        DELIVERY_API_URL: 'https://portal.example.com/api/delivery',
        ENTITY_REF: 'component:default/parking-api',
        VERSION: '${{ needs.image.outputs.version }}',
      });
    }
  });

  it('never deploys one environment from two runs at once', () => {
    const { jobs } = parsed(rendered[0].text);
    expect(jobs['deploy-dev'].concurrency).toEqual({
      group: 'parking-api-dev',
      'cancel-in-progress': false,
    });
    expect(jobs['promote-staging'].concurrency.group).toBe(
      'parking-api-staging',
    );
    expect(jobs['request-prod'].concurrency.group).toBe('parking-api-prod');
  });

  it('grants no permission by default and each job only what it needs', () => {
    for (const { text, variant } of rendered) {
      const workflow = parsed(text);
      expect(workflow.permissions).toEqual({});
      for (const [id, job] of Object.entries<any>(workflow.jobs)) {
        expect(job.permissions).toBeDefined();
        const writes = Object.entries(job.permissions).filter(
          ([, access]) => access === 'write',
        );
        const expected =
          id === 'image' && !variant.image ? [['packages', 'write']] : [];
        expect(writes).toEqual(expected);
      }
    }
  });

  it('uses only pinned official actions, and never interpolates into scripts', () => {
    const pins = Object.values(PINNED_ACTIONS).map(
      pin => `${pin.repository}@${pin.commit}`,
    );
    const jobs = rendered.flatMap(({ text }) =>
      Object.values<any>(parsed(text).jobs),
    );
    const steps = jobs.flatMap(job => job.steps);
    const used = steps.filter(step => step.uses).map(step => step.uses);
    expect(used.filter(value => !pins.includes(value))).toEqual([]);
    expect(used.filter(value => !/@[0-9a-f]{40}$/.test(value))).toEqual([]);
    const scripts = steps.filter(step => step.run).map(step => step.run);
    expect(scripts.filter(script => script.includes('${{'))).toEqual([]);
    const checkouts = steps.filter(step =>
      step.uses?.startsWith('actions/checkout@'),
    );
    expect(checkouts.length).toBeGreaterThan(10);
    expect(
      checkouts.filter(step => step.with['persist-credentials'] !== false),
    ).toEqual([]);
    for (const { text } of rendered) {
      expect(text).toMatch(
        /actions\/checkout@[0-9a-f]{40} {2}# v\d+\.\d+\.\d+/,
      );
    }
  });

  it('pushes to the registry it was given with that registry’s credentials', () => {
    const own = parsed(rendered[3].text).jobs.image;
    const login = own.steps.find((step: any) =>
      step.uses?.startsWith('docker/login-action@'),
    );
    expect(login.with).toEqual({
      registry: 'registry.example.com',
      username: '${{ secrets.REGISTRY_USERNAME }}',
      password: '${{ secrets.REGISTRY_PASSWORD }}',
    });
    expect(own.steps[1].env.IMAGE).toBe(
      'registry.example.com/smart-city/parking-api',
    );
  });

  it('only requests production when production is the only environment', () => {
    const { jobs } = parsed(rendered[4].text);
    expect(
      Object.keys(jobs).filter(id => /^(deploy|promote|request)-/.test(id)),
    ).toEqual(['request-prod']);
    expect(jobs['request-prod'].needs).toEqual(['image']);
  });

  it('refuses a non-production environment after production', () => {
    expect(() =>
      renderWorkflow(spec({ environments: [dev, prod, staging] })),
    ).toThrow(/staging comes after a production environment/);
  });
});
