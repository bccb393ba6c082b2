/** What the DORA tables are derived with; a change rebuilds them. */
export interface DoraDerivationSettings {
  /** The environments whose deployments and incidents count. */
  productionEnvironments: string[];
  /**
   * How long after a production deployment an incident that names no
   * deployment is attributed to it (inclusive), in milliseconds.
   */
  incidentAttributionWindowMs: number;
}

/** 24 hours, `delivery.dora.incidentAttributionWindow`'s default. */
export const DEFAULT_INCIDENT_ATTRIBUTION_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * The settings of the default environments (dev → staging → prod, where
 * prod is production), for a store created without settings.
 */
export const DEFAULT_DORA_SETTINGS: DoraDerivationSettings = {
  productionEnvironments: ['prod'],
  incidentAttributionWindowMs: DEFAULT_INCIDENT_ATTRIBUTION_WINDOW_MS,
};
