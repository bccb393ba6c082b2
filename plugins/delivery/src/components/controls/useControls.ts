import { useApi } from '@backstage/core-plugin-api';
import {
  FreezeWindowEntry,
  Halt,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { useCallback, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { deliveryApiRef } from '../../api';
import { useDeliverySignal } from '../shared/useDeliverySignal';

/** The freeze windows and halts, as the page last read them. */
export interface Controls {
  freezeWindows: FreezeWindowEntry[];
  halts: Halt[];
}

/**
 * Reads the freeze windows and halts, again whenever the backend signals a
 * halt and whenever `reload` is called (after a change made here). An app
 * whose delivery API cannot list them reads none.
 */
export function useControls() {
  const api = useApi(deliveryApiRef);
  const [changes, setChanges] = useState(0);
  const reload = useCallback(() => setChanges(c => c + 1), []);
  const signalled = useDeliverySignal(signal => signal.type === 'halt');
  const state = useAsync(async (): Promise<Controls> => {
    const [freezeWindows, halts] = await Promise.all([
      api.listFreezeWindows?.() ?? [],
      api.listHalts?.() ?? [],
    ]);
    return { freezeWindows, halts };
  }, [api, changes, signalled]);
  return { ...state, reload };
}
