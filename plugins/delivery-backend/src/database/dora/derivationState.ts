import { Knex } from 'knex';
import { DoraDerivationSettings } from './DoraDerivationSettings';

// Bumped when the derivation itself changes, so that the tables are rebuilt.
// 2: neighbours, attribution and rework within each production environment.
const DERIVATION_VERSION = 2;
/** The `dora_settings` row that says what the tables are derived with. */
export const DERIVATION_SETTINGS_NAME = 'derivation';
// The row's value while the tables are being derived again for a setting.
const REBUILDING = 'rebuilding:';

/** What the `dora_settings` row says when the tables are derived with these settings. */
export function settingsValue(settings: DoraDerivationSettings): string {
  return JSON.stringify({
    version: DERIVATION_VERSION,
    productionEnvironments: [...settings.productionEnvironments].sort(),
    incidentAttributionWindowMs: settings.incidentAttributionWindowMs,
  });
}

async function storedValue(knex: Knex): Promise<string | undefined> {
  const row = await knex('dora_settings')
    .where('name', DERIVATION_SETTINGS_NAME)
    .first('value');
  return row?.value;
}

async function store(knex: Knex, value: string): Promise<void> {
  await knex('dora_settings')
    .insert({ name: DERIVATION_SETTINGS_NAME, value })
    .onConflict('name')
    .merge(['value']);
}

/** Whether the DORA tables are derived, completely, with these settings. */
export async function isDerivedWith(
  knex: Knex,
  settings: DoraDerivationSettings,
): Promise<boolean> {
  return (await storedValue(knex)) === settingsValue(settings);
}

/**
 * Records that the tables are being derived again for these settings: from
 * then on, ingestion leaves what it changes to the rebuild.
 */
export async function markRebuilding(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
): Promise<void> {
  await store(tx, REBUILDING + settingsValue(settings));
}

/** Records that the tables are derived with these settings, completely. */
export async function markDerived(
  tx: Knex.Transaction,
  settings: DoraDerivationSettings,
): Promise<void> {
  await store(tx, settingsValue(settings));
}
