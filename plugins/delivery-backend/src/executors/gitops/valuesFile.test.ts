import { Entity } from '@backstage/catalog-model';
import {
  commitMessage,
  valuesFileChange,
  entityValuesFilePath,
} from './valuesFile';

const context = {
  path: 'apps/smart-city/parking-api/values-prod.yaml',
  entityRef: 'component:default/parking-api',
  environment: 'prod',
};

const existing = `# Helm values of parking-api in prod.
image:
  repository: ghcr.io/acme/parking-api
  tag: "1.1.0" # set by promotions
# Three replicas in production.
replicaCount: 3
`;

describe('valuesFileChange', () => {
  it('gives the file before and after, with a unified diff', () => {
    const change = valuesFileChange(
      { ...context, version: '1.2.0' },
      context.path,
      existing,
    );
    expect(change.before).toBe(existing);
    expect(change.diff).toBe(
      [
        '--- a/apps/smart-city/parking-api/values-prod.yaml',
        '+++ b/apps/smart-city/parking-api/values-prod.yaml',
        '@@ -1,6 +1,6 @@',
        ' # Helm values of parking-api in prod.',
        ' image:',
        '   repository: ghcr.io/acme/parking-api',
        '-  tag: "1.1.0" # set by promotions',
        '+  tag: "1.2.0" # set by promotions',
        ' # Three replicas in production.',
        ' replicaCount: 3',
        '',
      ].join('\n'),
    );
  });

  it('shows a new file as created', () => {
    const change = valuesFileChange(
      { ...context, version: '1.2.0' },
      context.path,
      undefined,
    );
    expect(change.before).toBeUndefined();
    expect(change.diff).toMatch(
      /^--- \/dev\/null\n\+\+\+ b\/apps\/smart-city\/parking-api\/values-prod.yaml\n@@ -0,0 \+1,5 @@\n\+# Helm values/,
    );
  });
});

describe('entityValuesFilePath', () => {
  const entity = (annotations: Record<string, string>): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'parking-api', annotations },
  });

  it('is values-<environment>.yaml in the GitOps path', () => {
    expect(
      entityValuesFilePath(
        entity({
          'domain-delivery.io/gitops-path': '/apps/smart-city/parking-api/',
        }),
        'staging',
      ),
    ).toBe('apps/smart-city/parking-api/values-staging.yaml');
    expect(() => entityValuesFilePath(entity({}), 'prod')).toThrow(
      'The entity has no domain-delivery.io/gitops-path annotation',
    );
  });
});

describe('commitMessage', () => {
  it('names the promotion, the version and the approvers', () => {
    expect(
      commitMessage({
        promotionId: 'p1',
        entityRef: 'component:default/parking-api',
        environment: 'prod',
        version: '1.2.0',
        currentVersion: '1.1.0',
        trigger: 'promotion',
        requester: 'user:default/engineer',
        approvers: ['user:default/platform-admin'],
        reason: 'Weekly release',
      }),
    ).toBe(
      [
        'Promote component:default/parking-api to 1.2.0 in prod',
        '',
        'Weekly release',
        '',
        'Promotion: p1',
        'Version: 1.2.0 (was 1.1.0)',
        'Requested-by: user:default/engineer',
        'Approved-by: user:default/platform-admin',
        '',
      ].join('\n'),
    );
  });
});
