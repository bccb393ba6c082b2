import { Entity } from '@backstage/catalog-model';
import { ArgoCdApplication } from '@domain-delivery/backstage-plugin-delivery-node';
import { applicationVersion } from './applicationDeployment';

const entity = (annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'parking-api', annotations },
});

const running = (...images: string[]): ArgoCdApplication => ({
  metadata: { name: 'parking-api-prod' },
  status: { summary: { images } },
});

const REVISION = '4f2a9c1e8b7d6a5c4b3a29180f7e6d5c4b3a2918';

describe('applicationVersion', () => {
  it("is the tag of the service's image, beside sidecars in any order", () => {
    expect(
      applicationVersion(
        running(
          'docker.io/library/redis:7.2-alpine',
          'ghcr.io/smart-city/parking-api:3f9c2a7b1d4e',
        ),
        entity(),
        REVISION,
      ),
    ).toBe('3f9c2a7b1d4e');
  });

  it('finds the image by the service annotation when the entity is named otherwise', () => {
    expect(
      applicationVersion(
        running('nginx:1.27', 'registry.example.com:5000/parking/api:1.4.2'),
        {
          ...entity({ 'domain-delivery.io/service': 'api' }),
        },
        REVISION,
      ),
    ).toBe('1.4.2');
  });

  it('reads the tag before a digest, and not a registry port as a tag', () => {
    expect(
      applicationVersion(
        running(
          'ghcr.io/smart-city/parking-api:2.0.1@sha256:9b2c1f0e8d7c6b5a49382716f5e4d3c2b1a09f8e7d6c5b4a3928171605f4e3d2',
        ),
        entity(),
        REVISION,
      ),
    ).toBe('2.0.1');
    expect(
      applicationVersion(
        running('registry.example.com:5000/smart-city/parking-api'),
        entity(),
        REVISION,
      ),
    ).toBe('4f2a9c1e8b7d');
  });

  it('is the first image of another name, else the synced revision', () => {
    expect(
      applicationVersion(
        running('ghcr.io/acme/gateway:0.9.0'),
        entity(),
        REVISION,
      ),
    ).toBe('0.9.0');
    expect(applicationVersion(running(), entity(), REVISION)).toBe(
      '4f2a9c1e8b7d',
    );
  });
});
