import { ConflictError } from '@backstage/errors';
import {
  Environment,
  ExecutorConfig,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { PromotionExecutor } from '@domain-delivery/backstage-plugin-delivery-node';
import { PromotionExecutorRegistry } from './PromotionExecutorRegistry';

/** An environment's executor with its configured options. */
export interface EnvironmentExecutor {
  executor: PromotionExecutor;
  options: ExecutorConfig;
}

/**
 * Which executor carries out promotions into each configured environment, or
 * why none can: no `executor` configured, a type no module installs, or
 * options the executor cannot work with. Each reason names the key to set,
 * so that the start-up log, a refused request and the Promote button say the
 * same thing.
 */
export class EnvironmentExecutors {
  constructor(
    private readonly environments: Environment[],
    private readonly registry: PromotionExecutorRegistry,
  ) {}

  /** Why promotions into the environment cannot be carried out; undefined when they can. */
  problem(environmentName: string): string | undefined {
    const index = this.environments.findIndex(e => e.name === environmentName);
    if (index < 0) {
      return `the environment ${environmentName} is not configured`;
    }
    const options = this.environments[index]?.executor;
    const key = `delivery.environments[${index}].executor`;
    if (!options) {
      return `${environmentName} has no executor, so promotions into it cannot be carried out: set ${key} (e.g. type github-pr or gitops-local)`;
    }
    const executor = this.registry.get(options.type);
    if (!executor) {
      return `no promotion executor of type '${options.type}' is installed, so promotions into ${environmentName} cannot be carried out: install the module that adds it or change ${key}.type`;
    }
    const optionsProblem = executor.checkOptions?.(options);
    return optionsProblem
      ? `promotions into ${environmentName} cannot be carried out: ${key}: ${optionsProblem}`
      : undefined;
  }

  /** Every environment that cannot be promoted into, with why. */
  problems(): Array<{ environment: string; problem: string }> {
    return this.environments.flatMap(({ name }) => {
      const problem = this.problem(name);
      return problem ? [{ environment: name, problem }] : [];
    });
  }

  /** The environment's executor; throws a `ConflictError` saying why there is none. */
  executorFor(environmentName: string): EnvironmentExecutor {
    const problem = this.problem(environmentName);
    const options = this.environments.find(
      e => e.name === environmentName,
    )?.executor;
    const executor = options && this.registry.get(options.type);
    if (problem || !options || !executor) {
      throw new ConflictError(problem);
    }
    return { executor, options };
  }
}
