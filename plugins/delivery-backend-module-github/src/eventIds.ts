import type { WebhookRepository } from './githubRepository';

/**
 * The GitHub objects the module records: deployments, incident issues and
 * workflow runs (one record per attempt).
 *
 * @public
 */
export type GitHubRecordedObject = 'deployment' | 'issue' | 'workflow-run';

/**
 * The event id of a GitHub deployment, issue or workflow run attempt, e.g.
 * `github-deployment-42` or `github-workflow-run-7-attempt-2`:
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
  /** The attempt of a workflow run. */
  attempt?: number;
  sharedBy?: string;
}): string {
  const host = options.host === 'github.com' ? '' : `${options.host}-`;
  const attempt =
    options.attempt === undefined ? '' : `-attempt-${options.attempt}`;
  const base = `github-${options.object}-${host}${options.id}${attempt}`;
  return options.sharedBy ? `${base}:${options.sharedBy}` : base;
}

/** The ids of one object's records, one per entity of its repository. */
export function recordsOf(
  object: GitHubRecordedObject,
  repository: Pick<WebhookRepository, 'host'>,
  id: number,
  entityRefs: string[],
  attempt?: number,
): Array<{ id: string; entityRef: string }> {
  return entityRefs.map(entityRef => ({
    entityRef,
    id: gitHubEventId({
      object,
      host: repository.host,
      id,
      attempt,
      sharedBy: entityRefs.length > 1 ? entityRef : undefined,
    }),
  }));
}
