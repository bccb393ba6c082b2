import { FreezeWindow } from '@domain-delivery/backstage-plugin-delivery-common';
import { activeFreeze, freezeWindowActivity } from './freezeWindowActivity';

const weekend: FreezeWindow = {
  type: 'recurring',
  from: { day: 'friday', time: '16:00' },
  to: { day: 'monday', time: '08:00' },
  timeZone: 'Europe/Berlin',
  reason: 'No production changes over the weekend',
};

describe('freezeWindowActivity', () => {
  it('freezes from Friday 16:00 to Monday 08:00 Berlin time, in winter and in summer', () => {
    // 2026-01-09 is a Friday; Berlin is UTC+1 in January.
    expect(
      freezeWindowActivity(weekend, new Date('2026-01-09T14:59:00Z')),
    ).toEqual({ active: false });
    expect(
      freezeWindowActivity(weekend, new Date('2026-01-09T15:00:00Z')),
    ).toEqual({ active: true, until: new Date('2026-01-12T07:00:00Z') });
    expect(
      freezeWindowActivity(weekend, new Date('2026-01-11T12:00:00Z')).active,
    ).toBe(true);
    expect(
      freezeWindowActivity(weekend, new Date('2026-01-12T07:00:00Z')).active,
    ).toBe(false);

    // 2026-07-10 is a Friday; Berlin is UTC+2 in July.
    expect(
      freezeWindowActivity(weekend, new Date('2026-07-10T13:59:00Z')).active,
    ).toBe(false);
    expect(
      freezeWindowActivity(weekend, new Date('2026-07-10T14:00:00Z')),
    ).toEqual({ active: true, until: new Date('2026-07-13T06:00:00Z') });
  });

  it('keeps local time across the switch to summer time', () => {
    // Summer time starts on Sunday 2026-03-29 in Berlin.
    expect(
      freezeWindowActivity(weekend, new Date('2026-03-27T15:30:00Z')),
    ).toEqual({ active: true, until: new Date('2026-03-30T06:00:00Z') });
  });

  it('handles a window within one day', () => {
    const lunch: FreezeWindow = {
      type: 'recurring',
      from: { day: 'wednesday', time: '12:00' },
      to: { day: 'wednesday', time: '13:00' },
      timeZone: 'UTC',
    };
    // 2026-01-07 is a Wednesday.
    expect(
      freezeWindowActivity(lunch, new Date('2026-01-07T12:30:00Z')),
    ).toEqual({ active: true, until: new Date('2026-01-07T13:00:00Z') });
    expect(
      freezeWindowActivity(lunch, new Date('2026-01-08T12:30:00Z')).active,
    ).toBe(false);
  });

  it('handles one-off windows, end exclusive', () => {
    const once: FreezeWindow = {
      type: 'once',
      start: '2026-12-23T00:00:00.000Z',
      end: '2027-01-04T00:00:00.000Z',
    };
    expect(
      freezeWindowActivity(once, new Date('2026-12-22T23:59:59Z')).active,
    ).toBe(false);
    expect(
      freezeWindowActivity(once, new Date('2026-12-23T00:00:00Z')),
    ).toEqual({ active: true, until: new Date('2027-01-04T00:00:00Z') });
    expect(
      freezeWindowActivity(once, new Date('2027-01-04T00:00:00Z')).active,
    ).toBe(false);
  });
});

describe('activeFreeze', () => {
  it('is undefined outside every window', () => {
    expect(
      activeFreeze([weekend], new Date('2026-01-07T12:00:00Z')),
    ).toBeUndefined();
  });

  it('follows a window that continues the freeze, and keeps the first reason', () => {
    const holidays: FreezeWindow = {
      type: 'once',
      start: '2026-01-12T06:00:00.000Z',
      end: '2026-01-14T00:00:00.000Z',
      reason: 'Holidays',
    };
    expect(
      activeFreeze([weekend, holidays], new Date('2026-01-10T12:00:00Z')),
    ).toEqual({
      until: new Date('2026-01-14T00:00:00Z'),
      reason: 'No production changes over the weekend',
    });
  });
});
