import { LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { EnvironmentExecutors } from './EnvironmentExecutors';

/**
 * Logs, once at start-up, one warning naming every environment that
 * promotions cannot be carried out into and the key that would fix it, so
 * that a missing executor is found before someone presses Promote.
 */
export function logExecutorProblems(
  logger: LoggerService,
  config: Config,
  executors: EnvironmentExecutors,
): void {
  const problems = executors.problems();
  if (problems.length === 0) {
    return;
  }
  if (!config.has('delivery.environments')) {
    const names = problems.map(p => p.environment).join(', ');
    logger.warn(
      `delivery.environments is not configured, so the default environments ${names} are used, none with an executor: deployments reported for them are shown, but promotions into them are refused. List the environments in delivery.environments, each with an executor (e.g. type github-pr or gitops-local).`,
    );
    return;
  }
  logger.warn(
    `Promotions into ${
      problems.length
    } of the configured environments will be refused: ${problems
      .map(p => p.problem)
      .join('; ')}`,
  );
}
