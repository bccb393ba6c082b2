import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';

/** The deployments with their commits, read in one query. */
export async function withCommits(
  store: DeliveryStore,
  records: DeploymentRecord[],
): Promise<Deployment[]> {
  const commits = await store.getCommits(records.map(record => record.id));
  return records.map(record => ({
    ...record,
    commits: commits.get(record.id) ?? [],
  }));
}
