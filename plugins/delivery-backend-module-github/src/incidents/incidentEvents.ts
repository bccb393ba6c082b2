import type { IncidentEvent } from '@domain-delivery/backstage-plugin-delivery-common';
import type { Issue } from '@octokit/webhooks-types';
import { recordsOf } from '../eventIds';
import type { WebhookRepository } from '../githubRepository';

/** Whether the issue carries the label (compared without case) that makes it an incident. */
export function isIncident(issue: Issue, label: string): boolean {
  return (issue.labels ?? []).some(
    candidate => candidate.name.toLocaleLowerCase('en-US') === label,
  );
}

/**
 * The incident events of an issue, one per entity of its repository: opened
 * when the issue was, resolved when it was closed. Every field is the issue's
 * own state, so any delivery about it gives the same record.
 */
export function incidentEvents(options: {
  repository: WebhookRepository;
  issue: Issue;
  environment: string;
  entityRefs: string[];
}): IncidentEvent[] {
  const { repository, issue, environment, entityRefs } = options;
  const resolvedAt =
    issue.state === 'closed' && issue.closed_at ? issue.closed_at : undefined;
  return recordsOf('issue', repository, issue.id, entityRefs).map(
    ({ id, entityRef }) => ({
      type: 'incident',
      id,
      entityRef,
      environment,
      openedAt: issue.created_at,
      ...(resolvedAt ? { resolvedAt } : {}),
      url: issue.html_url,
    }),
  );
}
