import { uses } from './pinnedActions';
import { WorkflowStep } from './workflowTypes';

/**
 * The languages the golden path has a toolchain and a skeleton for.
 *
 * @public
 */
export const SERVICE_LANGUAGES = ['typescript', 'python'] as const;

/**
 * A language of {@link SERVICE_LANGUAGES}.
 *
 * @public
 */
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

/** The commands of a service's checks, as the skeleton of its language names them. */
export interface ServiceCommands {
  lint: string;
  unit: string;
  integration: string;
  contract: string;
  chaos: string;
  blueGreen: string;
  domainBoundaries: string;
}

interface Toolchain {
  /** Sets up the language with its dependency cache and installs dependencies. */
  setup(servicePath: string): WorkflowStep[];
  commands: ServiceCommands;
}

function inService(servicePath: string, file: string): string {
  return servicePath === '.' ? file : `${servicePath}/${file}`;
}

const TOOLCHAINS: Record<ServiceLanguage, Toolchain> = {
  typescript: {
    setup: servicePath => [
      {
        name: 'Set up Node.js with the npm cache',
        uses: uses('setupNode'),
        with: {
          'node-version': '22',
          cache: 'npm',
          'cache-dependency-path': inService(servicePath, 'package.json'),
        },
      },
      {
        name: 'Install dependencies',
        run: [
          'if [ -f package-lock.json ]; then',
          '  npm ci --no-audit --no-fund',
          'else',
          '  npm install --no-audit --no-fund',
          'fi',
        ].join('\n'),
      },
    ],
    commands: {
      lint: 'npm run lint',
      unit: 'npm run test:unit',
      integration: 'npm run test:integration',
      contract: 'npm run test:contract',
      chaos: 'npm run test:chaos',
      blueGreen: 'npm run test:blue-green',
      domainBoundaries: 'npm run check:boundaries',
    },
  },
  python: {
    setup: servicePath => [
      {
        name: 'Set up Python with the pip cache',
        uses: uses('setupPython'),
        with: {
          'python-version': '3.12',
          cache: 'pip',
          'cache-dependency-path': inService(
            servicePath,
            'requirements-dev.txt',
          ),
        },
      },
      {
        name: 'Install dependencies',
        run: 'python -m pip install -r requirements-dev.txt',
      },
    ],
    commands: {
      lint: 'make lint',
      unit: 'make test-unit',
      integration: 'make test-integration',
      contract: 'make test-contract',
      chaos: 'make test-chaos',
      blueGreen: 'make test-blue-green',
      domainBoundaries: 'make check-boundaries',
    },
  },
};

/** The setup steps of a language's toolchain. */
export function toolchainSetup(
  language: ServiceLanguage,
  servicePath: string,
): WorkflowStep[] {
  return TOOLCHAINS[language].setup(servicePath);
}

/** The check commands of a language's skeleton. */
export function serviceCommands(language: ServiceLanguage): ServiceCommands {
  return TOOLCHAINS[language].commands;
}
