import { DeliveryApi } from '../src/api';
import { InMemoryDeliveryApi } from './fake/InMemoryDeliveryApi';
import { exampleComponents, exampleEnvironments } from './fake/exampleHistory';
import { exampleDeliveryApi } from './fake/exampleApis';

/** The states a designer can look at, chosen with `?scenario=` in the URL. */
export const scenarios = {
  history: 'Two weeks of example history',
  health: 'Example history, with incidents, approvals and DORA tiers filled in',
  slow: 'Example history, answering after three seconds',
  empty: 'No deployment reported yet',
  error: 'The delivery backend answers with an error',
} as const;

/** A scenario name. */
export type Scenario = keyof typeof scenarios;

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function withHealthIndicators(api: InMemoryDeliveryApi): DeliveryApi {
  const domains = [...new Set(exampleComponents.map(c => c.domain))];
  return Object.assign(Object.create(api), {
    countOpenIncidents: async (ref: string) =>
      domains.includes(ref) ? domains.indexOf(ref) % 2 : 0,
    countPendingApprovals: async (ref: string) =>
      domains.includes(ref) ? domains.indexOf(ref) : 0,
    getDoraTiers: async () => ({
      deploymentFrequency: 'elite',
      leadTime: 'high',
      changeFailureRate: 'medium',
      recovery: null,
    }),
  });
}

/** The fake delivery API for a scenario. */
export function scenarioApi(scenario: Scenario): DeliveryApi {
  const api = exampleDeliveryApi();
  switch (scenario) {
    case 'health':
      return withHealthIndicators(api);
    case 'empty':
      return new InMemoryDeliveryApi({
        environments: exampleEnvironments,
        deployments: [],
        components: exampleComponents,
      });
    case 'slow':
      return new Proxy(api, {
        get: (target, key) => {
          const value = Reflect.get(target, key);
          return typeof value === 'function'
            ? async (...args: unknown[]) => {
                await delay(3000);
                return value.apply(target, args);
              }
            : value;
        },
      });
    case 'error':
      // Every read fails except the environments, as when the backend is
      // reachable but its store is not.
      return new Proxy(api, {
        get: (target, key) => {
          const value = Reflect.get(target, key);
          if (key === 'getEnvironments' || typeof value !== 'function') {
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return async () => {
            throw new Error('The delivery backend is not reachable (scenario)');
          };
        },
      });
    default:
      return api;
  }
}

/**
 * The scenario named in the page's URL (`?scenario=empty`), remembered for the
 * browser tab so that it survives reloads; the example history otherwise.
 */
export function currentScenario(): Scenario {
  const named = new URLSearchParams(window.location.search).get('scenario');
  if (named && named in scenarios) {
    window.sessionStorage.setItem('delivery-dev-scenario', named);
  }
  const name = window.sessionStorage.getItem('delivery-dev-scenario');
  return name && name in scenarios ? (name as Scenario) : 'history';
}
