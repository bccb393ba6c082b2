import fs from 'node:fs';
import path from 'node:path';
import { spec } from './openapi/generated/router';

// The generator is a plain Node script shared with `yarn schema:generate`.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
const generator = require('../../scripts/generate-openapi.js');

describe('openapi.yaml', () => {
  it('is what every generated file was written from', async () => {
    const files: Record<string, string> =
      await generator.renderGeneratedFiles();
    expect(Object.keys(files).length).toBeGreaterThan(1);
    for (const [file, content] of Object.entries(files)) {
      const onDisk = fs.readFileSync(
        path.join(generator.repoRoot, file),
        'utf8',
      );
      // On failure: yarn schema:generate
      expect({ file, content: onDisk }).toEqual({ file, content });
    }
  }, 30_000);

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
      '/halts',
      '/halts/{id}',
      '/health',
      '/incidents',
      '/pipelines/health',
      '/pipelines/runs',
      '/promotions',
      '/promotions/preview',
      '/promotions/{id}',
      '/promotions/{id}/approve',
      '/promotions/{id}/cancel',
      '/promotions/{id}/reject',
    ]);
  });
});
