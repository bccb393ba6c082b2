import type { WebhookRepository } from './githubRepository';

/**
 * The GitHub objects the module records: deployments and incident issues.
 *
 * @public
 */
export type GitHubRecordedObject = 'deployment' | 'issue';

/**
 * The event id of a GitHub deployment or issue, e.g. `github-deployment-42`:
 * the same whichever delivery (or later backfill) reports it, so that each
 * object is one record. GitHub's ids are unique per host, so hosts other than
 * github.com are named. When several catalog entities share the repository,
 * each gets its own record, its ref appended, since an event id belongs to
 * one entity.
 *
 * @public
 */
export function gitHubEventId(options: {
  object: GitHubRecordedObject;
  host: string;
  id: number;
  sharedBy?: string;
}): string {
  const host = options.host === 'github.com' ? '' : `${options.host}-`;
  const base = `github-${options.object}-${host}${options.id}`;
  return options.sharedBy ? `${base}:${options.sharedBy}` : base;
}

/** The ids of one object's records, one per entity of its repository. */
export function recordsOf(
  object: GitHubRecordedObject,
  repository: WebhookRepository,
  id: number,
  entityRefs: string[],
): Array<{ id: string; entityRef: string }> {
  return entityRefs.map(entityRef => ({
    entityRef,
    id: gitHubEventId({
      object,
      host: repository.host,
      id,
      sharedBy: entityRefs.length > 1 ? entityRef : undefined,
    }),
  }));
}
