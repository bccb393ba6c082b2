import { Entity } from '@backstage/catalog-model';
import { entityRouteSegments, normalizeEntityRef } from './refs';

describe('normalizeEntityRef', () => {
  it('lower-cases a full ref', () => {
    expect(normalizeEntityRef('Component:Default/Payments-API')).toBe(
      'component:default/payments-api',
    );
  });

  it('fills in the default namespace', () => {
    expect(normalizeEntityRef('component:payments-api')).toBe(
      'component:default/payments-api',
    );
  });

  it('uses the given default kind and namespace', () => {
    expect(
      normalizeEntityRef('jdoe', {
        defaultKind: 'user',
        defaultNamespace: 'people',
      }),
    ).toBe('user:people/jdoe');
  });

  it('accepts compound refs and entities', () => {
    expect(
      normalizeEntityRef({ kind: 'Group', namespace: 'x', name: 'Team-A' }),
    ).toBe('group:x/team-a');
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Parking-API' },
    };
    expect(normalizeEntityRef(entity)).toBe('component:default/parking-api');
  });

  it('refuses a ref without a kind', () => {
    expect(() => normalizeEntityRef('payments-api')).toThrow(
      /missing or empty kind/,
    );
  });
});

describe('entityRouteSegments', () => {
  it('splits a ref into lower-case path segments', () => {
    expect(entityRouteSegments('Component:Smart-City/Parking-API')).toEqual({
      kind: 'component',
      namespace: 'smart-city',
      name: 'parking-api',
    });
    expect(entityRouteSegments('domain:smart-city')).toEqual({
      kind: 'domain',
      namespace: 'default',
      name: 'smart-city',
    });
  });
});
