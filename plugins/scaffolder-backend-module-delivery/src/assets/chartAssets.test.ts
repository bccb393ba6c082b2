import { createMockDirectory } from '@backstage/backend-test-utils';
import { readChartTemplates } from './chartAssets';

describe('readChartTemplates', () => {
  const mockDir = createMockDirectory();

  it("reads the chart's templates from the package's assets", async () => {
    const templates = await readChartTemplates();
    expect(templates['templates/deployment.yaml']).toContain(
      'kind: Deployment',
    );
    expect(Object.keys(templates)).toContain('.helmignore');
  });

  it('names the missing file and folder when the assets are not there', async () => {
    await expect(readChartTemplates(mockDir.resolve('chart'))).rejects.toThrow(
      `The Helm chart's template .helmignore is missing from ${mockDir.resolve(
        'chart',
      )}; the scaffolder module is installed without its assets folder`,
    );
  });
});
