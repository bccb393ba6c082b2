import type { DeliveryApiComponents } from '../schema';

/** The delivery API's schemas, which the types of this folder name. */
export type Schemas = DeliveryApiComponents['schemas'];
