import {
  argoCdModelErrors,
  describeIf,
  hasSpec,
  jsonSchemaErrors,
  parseStrictYaml,
  strictCrdSchema,
} from '../../__testUtils__/specValidation';
import { renderArgoCdFiles } from './renderArgoCdFiles';

const environments = [
  { name: 'dev', production: false },
  { name: 'staging', production: false },
  { name: 'prod', production: true },
];

const spec = {
  service: 'parking-api',
  domain: 'smart-city',
  owner: 'group:default/team-smart-city',
  image: 'ghcr.io/domain-delivery-demo/parking-api',
  chartPath: 'apps/smart-city/parking-api',
  applicationName: 'parking-api-{environment}',
  repoUrl: 'https://github.com/domain-delivery-demo/gitops.git',
  targetRevision: 'main',
  namespace: 'argocd',
  destinationServer: 'https://kubernetes.default.svc',
};

const files = renderArgoCdFiles(spec, {
  environments,
  write: environments,
  domainResources: true,
});

const parsedFiles = files.map(file => ({
  path: file.path,
  ...parseStrictYaml(file.content),
}));

const manifests: Record<string, any> = Object.fromEntries(
  parsedFiles.map(file => [file.path, file.values[0]]),
);

const application = (environment: string) =>
  manifests[`argocd/smart-city/apps/parking-api-${environment}.yaml`];

describe('renderArgoCdFiles', () => {
  it('writes plain YAML that parses without a warning', () => {
    expect(parsedFiles.filter(file => file.problems.length)).toEqual([]);
  });

  it('writes the app of apps, the AppProject and an application per environment', () => {
    expect(Object.keys(manifests)).toEqual([
      'argocd/smart-city/app-of-apps.yaml',
      'argocd/smart-city/apps/project.yaml',
      'argocd/smart-city/apps/parking-api-dev.yaml',
      'argocd/smart-city/apps/parking-api-staging.yaml',
      'argocd/smart-city/apps/parking-api-prod.yaml',
    ]);
  });

  it('validates every manifest with the Argo CD models generated from its CRDs', () => {
    const errors = argoCdModelErrors(
      Object.entries(manifests).map(([name, document]) => ({ name, document })),
    );
    expect(errors).toEqual(
      Object.fromEntries(Object.keys(manifests).map(name => [name, []])),
    );
    // The check is live: a wrong type is caught.
    const broken = structuredClone(application('dev'));
    broken.spec.syncPolicy.automated.selfHeal = 'yes';
    expect(
      argoCdModelErrors([{ name: 'broken', document: broken }]).broken,
    ).toEqual([expect.stringContaining('selfHeal must be boolean')]);
  });

  describeIf(hasSpec('argo-cd/application-crd.yaml'))(
    "Argo CD's own CRD schemas, read strictly (no unknown fields)",
    () => {
      const schemas = () => ({
        Application: strictCrdSchema('argo-cd/application-crd.yaml'),
        AppProject: strictCrdSchema('argo-cd/appproject-crd.yaml'),
      });

      it('accept every manifest', () => {
        const { Application, AppProject } = schemas();
        const errors = Object.entries(manifests).map(([name, manifest]) => ({
          name,
          errors: jsonSchemaErrors(
            manifest.kind === 'AppProject' ? AppProject : Application,
            manifest,
          ),
        }));
        expect(errors.filter(entry => entry.errors.length)).toEqual([]);
      });

      it('refuse a misspelt field (the check is live)', () => {
        const typo = structuredClone(application('dev'));
        typo.spec.syncPolicy.automatic = { prune: true };
        expect(jsonSchemaErrors(schemas().Application, typo)).toEqual([
          '/spec/syncPolicy must NOT have additional properties',
        ]);
      });
    },
  );

  it('syncs non-production automatically with self-heal, and production only by hand', () => {
    for (const environment of ['dev', 'staging']) {
      expect(application(environment).spec.syncPolicy.automated).toEqual({
        prune: true,
        selfHeal: true,
      });
    }
    expect(application('prod').spec.syncPolicy.automated).toBeUndefined();
    expect(application('prod').spec.syncPolicy.syncOptions).toContain(
      'CreateNamespace=true',
    );
  });

  it("deploys the service's chart with the environment's values into the domain's namespace", () => {
    expect(application('staging').spec).toMatchObject({
      project: 'smart-city',
      source: {
        repoURL: 'https://github.com/domain-delivery-demo/gitops.git',
        path: 'apps/smart-city/parking-api',
        helm: { valueFiles: ['values.yaml', 'values-staging.yaml'] },
      },
      destination: { namespace: 'smart-city-staging' },
    });
  });

  it('lets the image updater roll out new images in the first environment only', () => {
    expect(application('dev').metadata.annotations).toMatchObject({
      'argocd-image-updater.argoproj.io/image-list':
        'service=ghcr.io/domain-delivery-demo/parking-api',
      'argocd-image-updater.argoproj.io/service.helm.image-tag': 'image.tag',
      'argocd-image-updater.argoproj.io/write-back-method': 'git',
      'argocd-image-updater.argoproj.io/write-back-target':
        'helmvalues:/apps/smart-city/parking-api/values-dev.yaml',
    });
    expect(application('staging').metadata.annotations).toBeUndefined();
    expect(application('prod').metadata.annotations).toBeUndefined();
  });

  it("restricts the domain's project to the GitOps repository and the domain's namespaces", () => {
    const project = manifests['argocd/smart-city/apps/project.yaml'];
    expect(project.spec.sourceRepos).toEqual([
      'https://github.com/domain-delivery-demo/gitops.git',
    ]);
    expect(project.spec.destinations).toEqual([
      { server: 'https://kubernetes.default.svc', namespace: 'smart-city-*' },
    ]);
    expect(project.spec.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace' },
    ]);
    expect(
      project.spec.namespaceResourceWhitelist.map((r: any) => r.kind),
    ).toEqual(
      expect.arrayContaining([
        'Deployment',
        'Ingress',
        'ExternalSecret',
        'PodDisruptionBudget',
      ]),
    );
  });

  it("syncs the domain's folder from one app of apps", () => {
    const appOfApps = manifests['argocd/smart-city/app-of-apps.yaml'];
    expect(appOfApps.spec.source).toMatchObject({
      path: 'argocd/smart-city/apps',
      directory: { recurse: false },
    });
    expect(appOfApps.spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: true,
    });
  });

  it("writes only the given environments' applications without the domain's files", () => {
    const only = renderArgoCdFiles(spec, {
      environments,
      write: [environments[1]],
      domainResources: false,
    });
    expect(only.map(file => file.path)).toEqual([
      'argocd/smart-city/apps/parking-api-staging.yaml',
    ]);
  });
});
