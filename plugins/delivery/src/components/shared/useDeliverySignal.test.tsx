import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider } from '@backstage/test-utils';
import { DeliverySignal } from '@domain-delivery/backstage-plugin-delivery-common';
import { act, renderHook } from '@testing-library/react';
import { ReactNode } from 'react';
import { FALLBACK_REFRESH_MS, useDeliverySignal } from './useDeliverySignal';

const aboutPayments = (signal: DeliverySignal) =>
  signal.type !== 'halt' &&
  signal.entityRef === 'component:default/payments-api';

describe('useDeliverySignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('moves on for the signals that concern the page, and never by itself', () => {
    let send: (message: DeliverySignal) => void = () => {};
    const signalApi: SignalApi = {
      subscribe: (_channel, onMessage) => {
        send = onMessage as unknown as typeof send;
        return { unsubscribe: () => {} };
      },
    };
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[signalApiRef, signalApi]]}>
        {children}
      </TestApiProvider>
    );
    const { result } = renderHook(() => useDeliverySignal(aboutPayments), {
      wrapper,
    });

    act(() => jest.advanceTimersByTime(10 * FALLBACK_REFRESH_MS));
    expect(result.current).toBe(0);

    act(() =>
      send({
        type: 'deployment',
        entityRef: 'component:default/timetable-service',
        environment: 'dev',
      }),
    );
    expect(result.current).toBe(0);

    act(() =>
      send({
        type: 'promotion',
        promotionId: 'p1',
        entityRef: 'component:default/payments-api',
        environment: 'prod',
      }),
    );
    expect(result.current).toBe(1);
  });

  it('reads again once a minute in an app without signals', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[]}>{children}</TestApiProvider>
    );
    const { result } = renderHook(() => useDeliverySignal(aboutPayments), {
      wrapper,
    });

    expect(result.current).toBe(0);
    act(() => jest.advanceTimersByTime(FALLBACK_REFRESH_MS));
    expect(result.current).toBe(1);
  });
});
