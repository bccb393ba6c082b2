import { Entity } from '@backstage/catalog-model';
import {
  environmentsForEntity,
  nextEnvironment,
  sortEnvironments,
} from './environments';
import { Environment } from './types';

function environment(name: string, promotedFrom?: string): Environment {
  return {
    name,
    title: name,
    production: name === 'prod',
    promotion: {
      promotedFrom,
      requiredApprovals: 0,
      approvers: ['owner'],
      allowSelfApproval: false,
      minimumSoakSeconds: 0,
    },
    freezeWindows: [],
    executor: { type: 'gitops-local' },
  };
}

const dev = environment('dev');
const staging = environment('staging', 'dev');
const prod = environment('prod', 'staging');
const names = (environments: Environment[]) => environments.map(e => e.name);

function component(environments?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'parking-api',
      annotations: {
        'domain-delivery.io/service': 'parking-api',
        ...(environments && {
          'domain-delivery.io/environments': environments,
        }),
      },
    },
  };
}

describe('sortEnvironments', () => {
  it('keeps an already ordered list as it is', () => {
    expect(names(sortEnvironments([dev, staging, prod]))).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });

  it('puts every environment after the one it is promoted from', () => {
    expect(names(sortEnvironments([prod, staging, dev]))).toEqual([
      'dev',
      'staging',
      'prod',
    ]);
  });

  it('keeps the given order between independent environments', () => {
    const perf = environment('perf', 'dev');
    expect(names(sortEnvironments([dev, perf, staging, prod]))).toEqual([
      'dev',
      'perf',
      'staging',
      'prod',
    ]);
  });

  it('does not lose environments whose sources form a cycle', () => {
    const a = environment('a', 'b');
    const b = environment('b', 'a');
    expect(names(sortEnvironments([a, dev, b]))).toEqual(['dev', 'a', 'b']);
  });

  it('does not change its input', () => {
    const input = [prod, staging, dev];
    sortEnvironments(input);
    expect(names(input)).toEqual(['prod', 'staging', 'dev']);
  });
});

describe('nextEnvironment', () => {
  const environments = [prod, dev, staging];

  it('follows the promotion chain forwards', () => {
    expect(nextEnvironment(environments, 'dev')?.name).toBe('staging');
    expect(nextEnvironment(environments, 'staging')?.name).toBe('prod');
    expect(nextEnvironment(environments, 'prod')).toBeUndefined();
    expect(nextEnvironment(environments, 'qa')).toBeUndefined();
  });
});

describe('environmentsForEntity', () => {
  it('gives every environment, in promotion order, without the annotation', () => {
    expect(
      names(environmentsForEntity([prod, dev, staging], component())),
    ).toEqual(['dev', 'staging', 'prod']);
  });

  it('gives only the annotated environments, in promotion order', () => {
    expect(
      names(
        environmentsForEntity([dev, staging, prod], component('prod, dev, qa')),
      ),
    ).toEqual(['dev', 'prod']);
  });
});
