import { ConfigReader } from '@backstage/config';
import { readDeliveryEnvironments } from '@domain-delivery/backstage-plugin-delivery-node';
import { EnvironmentExecutors } from './EnvironmentExecutors';
import { PromotionExecutorRegistry } from './PromotionExecutorRegistry';

function executorsFor(environments: object[]) {
  const registry = new PromotionExecutorRegistry();
  registry.add({
    type: 'needs-target',
    execute: async () => ({}),
    checkOptions: options =>
      options.target ? undefined : 'the needs-target executor needs target',
  });
  return new EnvironmentExecutors(
    readDeliveryEnvironments(new ConfigReader({ delivery: { environments } })),
    registry,
  );
}

describe('EnvironmentExecutors', () => {
  const executors = executorsFor([
    { name: 'dev', executor: { type: 'needs-target', target: 'x' } },
    { name: 'staging', executor: { type: 'needs-target' } },
    { name: 'qa', executor: { type: 'absent' } },
    { name: 'prod' },
  ]);

  it('names, for each environment that cannot be promoted into, the key to set', () => {
    expect(executors.problems()).toEqual([
      {
        environment: 'staging',
        problem:
          'promotions into staging cannot be carried out: delivery.environments[1].executor: the needs-target executor needs target',
      },
      {
        environment: 'qa',
        problem:
          "no promotion executor of type 'absent' is installed, so promotions into qa cannot be carried out: install the module that adds it or change delivery.environments[2].executor.type",
      },
      {
        environment: 'prod',
        problem:
          'prod has no executor, so promotions into it cannot be carried out: set delivery.environments[3].executor (e.g. type github-pr or gitops-local)',
      },
    ]);
  });

  it('gives the executor with its options, or refuses with the reason', () => {
    expect(executors.executorFor('dev')).toMatchObject({
      executor: { type: 'needs-target' },
      options: { type: 'needs-target', target: 'x' },
    });
    expect(() => executors.executorFor('prod')).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message: expect.stringContaining('prod has no executor'),
      }),
    );
    expect(() => executors.executorFor('gone')).toThrow(
      'the environment gone is not configured',
    );
  });
});
