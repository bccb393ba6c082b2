import { parse } from 'yaml';
import { setImageTag } from './valuesFile';

const context = {
  path: 'apps/smart-city/parking-api/values-prod.yaml',
  subject: 'component:default/parking-api',
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
