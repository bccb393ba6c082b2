import { domainRef, entityRef, HISTORY } from '../dora/history';
import { PageCall } from './load';

const DAY = 24 * 60 * 60 * 1000;
const q = encodeURIComponent;
const entity = entityRef(7);
const domain = domainRef(0);
const [, entityName] = entity.split('/');
const [, domainName] = domain.split('/');
const window = `from=${q(
  new Date(HISTORY.end - 90 * DAY).toISOString(),
)}&to=${q(new Date(HISTORY.end).toISOString())}&bucket=day`;

export const NOOP: PageCall = { name: 'no-op route', path: '/api/noop/' };
// What the Deployments tab of one component and the page of one domain ask.
export const PAGE_CALLS: PageCall[] = [
  { name: 'environments', path: '/api/delivery/environments' },
  {
    name: 'entity environments',
    path: `/api/delivery/entities/component/default/${entityName}/environments`,
  },
  {
    name: 'deployments page',
    path: `/api/delivery/deployments?entityRef=${q(entity)}&limit=20`,
  },
  {
    name: 'open promotions',
    path: `/api/delivery/promotions?entityRef=${q(
      entity,
    )}&state=pending_approval,approved,executing`,
  },
  {
    name: 'entity DORA',
    path: `/api/delivery/dora?entityRef=${q(entity)}&${window}`,
  },
  { name: 'halts', path: '/api/delivery/halts' },
  { name: 'freeze windows', path: '/api/delivery/freeze-windows' },
  {
    name: 'domain matrix',
    path: `/api/delivery/domains/default/${domainName}/matrix`,
  },
  {
    name: 'domain DORA',
    path: `/api/delivery/dora?entityRef=${q(domain)}&${window}`,
  },
];
