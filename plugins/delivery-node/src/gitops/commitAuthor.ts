import { Config } from '@backstage/config';

/**
 * Who makes a commit in the GitOps repository.
 *
 * @public
 */
export interface CommitAuthor {
  name: string;
  email: string;
}

/**
 * Who commits a promotion to the GitOps repository.
 *
 * @public
 */
export const PROMOTION_COMMIT_AUTHOR: CommitAuthor = {
  name: 'Domain Delivery',
  email: 'delivery@domain-delivery.invalid',
};

/**
 * Who commits for a software template: `scaffolder.defaultAuthor`, with the
 * defaults of Backstage's own publish actions.
 *
 * @public
 */
export function readScaffolderCommitAuthor(config: Config): CommitAuthor {
  return {
    name:
      config.getOptionalString('scaffolder.defaultAuthor.name') ?? 'Scaffolder',
    email:
      config.getOptionalString('scaffolder.defaultAuthor.email') ??
      'scaffolder@backstage.io',
  };
}
