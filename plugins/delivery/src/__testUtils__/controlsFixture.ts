import {
  FreezeWindowEntry,
  Halt,
  HaltRequest,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { threeEnvironments } from './builders';
import { stubDeliveryApi } from './deliveryApiStub';

export const ADMIN = 'user:default/platform-admin';

/** The configuration's weekend freeze of production, not active now. */
export const weekendFreeze: FreezeWindowEntry = {
  environment: 'prod',
  source: 'config',
  window: {
    type: 'recurring',
    from: { day: 'friday', time: '16:00' },
    to: { day: 'monday', time: '08:00' },
    timeZone: 'Europe/Berlin',
    reason: 'No production changes over the weekend',
  },
  active: false,
};

/** A halt in force. */
export function aHalt(overrides: Partial<Halt> = {}): Halt {
  return {
    id: 'halt-1',
    scope: 'portal',
    reason: 'Incident INC-42',
    active: true,
    createdBy: ADMIN,
    createdAt: '2026-12-06T09:00:00Z',
    ...overrides,
  };
}

/**
 * A delivery API whose halts and freeze windows change as the page changes
 * them, like the backend's.
 */
export function controlsDeliveryApi(
  options: { halts?: Halt[]; freezeWindows?: FreezeWindowEntry[] } = {},
) {
  const halts = [...(options.halts ?? [])];
  const freezeWindows = [...(options.freezeWindows ?? [weekendFreeze])];
  return stubDeliveryApi({
    getEnvironments: async () => threeEnvironments,
    listHalts: async () => [...halts],
    halt: async (request: HaltRequest) => {
      const halt = aHalt({ id: `halt-${halts.length + 1}`, ...request });
      halts.unshift(halt);
      return halt;
    },
    liftHalt: async (id: string) => {
      const index = halts.findIndex(halt => halt.id === id);
      halts[index] = {
        ...halts[index],
        active: false,
        liftedBy: ADMIN,
        liftedAt: '2026-12-06T10:00:00Z',
      };
    },
    listFreezeWindows: async () => [...freezeWindows],
    addFreezeWindow: async request => {
      const entry: FreezeWindowEntry = {
        id: `freeze-${freezeWindows.length}`,
        environment: request.environment,
        source: 'admin',
        window: {
          type: 'once',
          start: '2026-12-24T00:00:00Z',
          end: '2026-12-27T00:00:00Z',
          ...(request.reason && { reason: request.reason }),
        },
        active: false,
        createdBy: ADMIN,
        createdAt: '2026-12-06T09:00:00Z',
      };
      freezeWindows.push(entry);
      return entry;
    },
    deleteFreezeWindow: async (id: string) => {
      freezeWindows.splice(
        freezeWindows.findIndex(entry => entry.id === id),
        1,
      );
    },
  });
}
