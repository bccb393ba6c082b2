import { Entity } from '@backstage/catalog-model';
import { parse } from 'yaml';
import {
  commitMessage,
  setImageTag,
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

describe('setImageTag', () => {
  it('changes only the tag, keeping comments and order', () => {
    expect(setImageTag(existing, '1.2.0', context)).toBe(
      existing.replace('"1.1.0"', '"1.2.0"'),
    );
  });

  it('keeps a version that looks like a number a string', () => {
    const plain = 'image:\n  tag: 1.1.0\n';
    for (const version of ['1.10', '2', '1e3', 'true']) {
      const after = setImageTag(plain, version, context);
      expect(parse(after).image.tag).toBe(version);
    }
  });

  it('adds image.tag where it is missing, and creates a new file', () => {
    expect(parse(setImageTag('replicaCount: 1\n', '1.2.0', context))).toEqual({
      replicaCount: 1,
      image: { tag: '1.2.0' },
    });
    const created = setImageTag(undefined, '1.2.0', context);
    expect(created).toContain(
      '# Helm values of component:default/parking-api in prod.',
    );
    expect(parse(created)).toEqual({ image: { tag: '1.2.0' } });
  });

  it('refuses a file that is not a YAML mapping, naming it', () => {
    expect(() => setImageTag('- a\n- b\n', '1.2.0', context)).toThrow(
      'apps/smart-city/parking-api/values-prod.yaml is not a YAML mapping',
    );
    expect(() => setImageTag('image: [1]\n', '1.2.0', context)).toThrow(
      'image in apps/smart-city/parking-api/values-prod.yaml is not a mapping',
    );
    expect(() => setImageTag('image: {\n', '1.2.0', context)).toThrow(
      /is not valid YAML/,
    );
  });
});

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
