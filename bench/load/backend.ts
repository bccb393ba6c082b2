// One backend replica of the load bench, started twice by run.ts on the same
// PostgreSQL databases: the catalog, the permission framework and the
// delivery plugin as an adopter installs them, plus the no-op baseline route.
// Config comes from the --config file run.ts writes.
import { createBackend } from '@backstage/backend-defaults';
import { noopPlugin } from './noopPlugin';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('../../packages/backend/src/modules/demoPermissionPolicy'));
backend.add(import('@domain-delivery/backstage-plugin-delivery-backend'));
backend.add(noopPlugin);
backend.start();
