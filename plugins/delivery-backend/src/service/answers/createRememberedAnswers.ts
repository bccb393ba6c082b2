import {
  DatabaseService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { DataVersion } from '../../database/DataVersion';
import { RememberedAnswers } from './RememberedAnswers';

/**
 * The answers this replica keeps while the data does not change (see
 * {@link RememberedAnswers}), and the task that keeps the notes of writes
 * behind the data version small: on PostgreSQL only.
 */
export async function createRememberedAnswers(options: {
  database: DatabaseService;
  scheduler: SchedulerService;
}): Promise<RememberedAnswers> {
  const version = DataVersion.of(await options.database.getClient());
  if (version) {
    await options.scheduler.scheduleTask({
      id: 'delivery-data-changes-prune',
      scope: 'global',
      frequency: { minutes: 10 },
      timeout: { minutes: 1 },
      fn: async () => {
        await version.prune();
      },
    });
  }
  return new RememberedAnswers(version);
}
