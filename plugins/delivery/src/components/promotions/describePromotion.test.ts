import { describePromotion } from './describePromotion';

describe('describePromotion', () => {
  it('names a component of the default namespace by its name', () => {
    expect(
      describePromotion({
        entityRef: 'component:default/timetable-service',
        version: '1.13.0',
        environment: 'prod',
      }),
    ).toBe('timetable-service 1.13.0 into prod');
  });

  it('keeps a namespace other than the default', () => {
    expect(
      describePromotion({
        entityRef: 'component:transit/timetable-service',
        version: '1.13.0',
        environment: 'prod',
      }),
    ).toBe('transit/timetable-service 1.13.0 into prod');
  });
});
