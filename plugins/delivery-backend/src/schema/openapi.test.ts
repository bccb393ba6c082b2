import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { spec } from './openapi/generated/router';

describe('openapi.yaml', () => {
  it('is the spec the router validates against', () => {
    const contract = parse(
      fs.readFileSync(path.resolve(__dirname, 'openapi.yaml'), 'utf8'),
    );
    // On failure: node plugins/delivery-backend/scripts/generate-openapi-router.js
    expect(spec).toEqual(contract);
  });

  it('describes every route of the read API and the event API', () => {
    expect(Object.keys(spec.paths).sort()).toEqual([
      '/deployments',
      '/domains/{namespace}/{name}/matrix',
      '/dora',
      '/entities/{kind}/{namespace}/{name}/environments',
      '/environments',
      '/events',
      '/freeze-windows',
      '/freeze-windows/{id}',
      '/health',
      '/incidents',
      '/promotions',
      '/promotions/preview',
      '/promotions/{id}',
      '/promotions/{id}/approve',
      '/promotions/{id}/cancel',
      '/promotions/{id}/reject',
    ]);
  });
});
