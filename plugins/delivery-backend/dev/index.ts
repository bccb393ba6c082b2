import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// A minimal backend for developing the delivery plugin on its own: run
// `yarn start` in this package, then for example:
//
//   curl http://localhost:7007/api/delivery/health
//   curl http://localhost:7007/api/delivery/environments
//
// The mocked auth treats requests without a token as a mock user; to try an
// unauthenticated or a service caller:
//
//   curl http://localhost:7007/api/delivery/health -H 'Authorization: Bearer mock-none-token'
//   curl http://localhost:7007/api/delivery/health -H 'Authorization: Bearer mock-service-token'

const backend = createBackend();

backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());

backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'parking-api',
          title: 'Parking API',
          annotations: {
            'domain-delivery.io/service': 'parking-api',
            'domain-delivery.io/gitops-path': 'apps/smart-city/parking-api',
            'domain-delivery.io/argocd-app': 'parking-api-{environment}',
          },
        },
        spec: {
          type: 'service',
          owner: 'group:default/smart-city',
          lifecycle: 'experimental',
        },
      },
    ],
  }),
);

backend.add(import('../src'));

backend.start();
