import { Deployment } from '@domain-delivery/backstage-plugin-delivery-common';
import { DeliveryStore, DeploymentRecord } from '../../database/DeliveryStore';
import {
  DeploymentVerificationReader,
  toDeploymentVerification,
} from '../verification/toDeploymentVerification';

/**
 * The deployments with their commits, read in one query, and with their
 * verifications when they have one.
 */
export async function withCommits(
  store: DeliveryStore,
  records: DeploymentRecord[],
  verifications?: DeploymentVerificationReader,
): Promise<Deployment[]> {
  const ids = records.map(record => record.id);
  const commits = await store.getCommits(ids);
  const verified = verifications ? await verifications.get(ids) : new Map();
  return records.map(record => {
    const verification = verified.get(record.id);
    return {
      ...record,
      commits: commits.get(record.id) ?? [],
      ...(verification && {
        verification: toDeploymentVerification(verification),
      }),
    };
  });
}
