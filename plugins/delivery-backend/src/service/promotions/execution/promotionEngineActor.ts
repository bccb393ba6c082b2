/** Who the promotion engine acts as in transitions. */
export const PROMOTION_ENGINE_ACTOR = 'plugin:delivery';
