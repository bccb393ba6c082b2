import {
  TestDatabaseId,
  TestDatabases,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import { join } from 'node:path';
import {
  deployed,
  environmentsConfig,
  smartCityComponent,
  startPromotionBackend,
} from '../__testUtils__/startPromotionBackend';

jest.setTimeout(120_000);

// Text PostgreSQL refuses (U+0000) or SQLite alters (an unpaired surrogate), in
// every place a request carries text besides the events: query parameters, path
// parameters and the other bodies. None may cost a 5xx on either database.
const HOSTILE = ['a\u0000b', 'a\ud800b', '\udc00'];
// The same in a URL, percent-encoded as a client may send them: NUL, a
// surrogate's UTF-8 bytes, and bytes that are no UTF-8 at all.
const HOSTILE_IN_URL = ['a%00b', 'a%ED%A0%80b', '%FF', '%E0%A4%A'];

const ENTITY = 'component:default/parking-api';

function requests(value: string, q: string) {
  return {
    get: [
      `/deployments?entityRef=${q}`,
      `/deployments?entityRef=${ENTITY}&environment=${q}`,
      `/deployments?domain=${q}`,
      `/deployments?owner=${q}`,
      `/deployments?entityRef=${ENTITY}&status=${q}`,
      `/deployments?entityRef=${ENTITY}&since=${q}`,
      `/deployments?entityRef=${ENTITY}&cursor=${q}`,
      `/dora?entityRef=${q}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
      `/dora?entityRef=${ENTITY}&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&timeZone=${q}`,
      `/incidents?entityRef=${q}`,
      `/pipelines/runs?entityRef=${q}`,
      `/pipelines/health?entityRef=${q}`,
      `/pipelines/health?entityRef=${ENTITY}&from=${q}`,
      `/pipelines/health?entityRef=${ENTITY}&to=${q}`,
      `/promotions?entityRef=${q}`,
      `/promotions?domain=${q}`,
      `/promotions?environment=${q}`,
      `/promotions?state=${q}`,
      `/promotions/${q}`,
      `/entities/component/default/${q}/environments`,
      `/domains/default/${q}/matrix`,
      `/freeze-windows?environment=${q}`,
    ],
    post: [
      [
        '/promotions',
        {
          entityRef: ENTITY,
          environment: 'staging',
          version: value,
          reason: 'x',
        },
      ],
      [
        '/promotions',
        {
          entityRef: ENTITY,
          environment: 'staging',
          version: '1.1.0',
          reason: value,
        },
      ],
      [
        '/promotions/preview',
        { entityRef: value, environment: 'staging', version: '1' },
      ],
      [`/promotions/${q}/approve`, { comment: 'ok' }],
      [`/promotions/${q}/cancel`, {}],
      [
        '/freeze-windows',
        {
          environment: 'prod',
          start: '2100-01-01T00:00:00Z',
          end: '2100-01-02T00:00:00Z',
          reason: value,
        },
      ],
      ['/halts', { scope: `domain:default/${value}`, reason: 'x' }],
    ] as Array<[string, object]>,
    delete: [`/freeze-windows/${q}`, `/halts/${q}`],
  };
}

describe('hostile text outside the events', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  const mockDir = createMockDirectory();

  it.each(databases.eachSupportedId())(
    'is answered with a 4xx in every query, path and body, %p',
    async (databaseId: TestDatabaseId) => {
      const backend = await startPromotionBackend({
        entities: [smartCityComponent('parking-api')],
        knex: await databases.init(databaseId),
        config: {
          delivery: {
            environments: environmentsConfig(),
            gitops: { local: { path: join(mockDir.path, 'gitops') } },
          },
        },
      });
      await backend.postEvents([deployed('parking-api', 'dev', '1.1.0', 60)]);
      const { admin } = backend;

      const serverErrors: string[] = [];
      for (const [index, value] of HOSTILE_IN_URL.entries()) {
        const {
          get,
          post,
          delete: del,
        } = requests(HOSTILE[index % HOSTILE.length], value);
        const answers = [
          ...(await Promise.all(
            get.map(
              async path => [`GET ${path}`, await admin.get(path)] as const,
            ),
          )),
          ...(await Promise.all(
            post.map(
              async ([path, body]) =>
                [
                  `POST ${path} ${JSON.stringify(body)}`,
                  await admin.post(path, body),
                ] as const,
            ),
          )),
          ...(await Promise.all(
            del.map(
              async path =>
                [`DELETE ${path}`, await admin.delete(path)] as const,
            ),
          )),
        ];
        for (const [what, answer] of answers) {
          if (answer.status >= 500 || answer.status < 400) {
            serverErrors.push(
              `${what} → ${answer.status} ${answer.body?.error?.message ?? ''}`,
            );
          }
        }
      }
      expect(serverErrors).toEqual([]);
    },
  );
});
