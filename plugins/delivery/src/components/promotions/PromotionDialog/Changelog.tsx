import Typography from '@material-ui/core/Typography';
import {
  MissingVersion,
  PromotionPreview,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { CommitList } from '../../deployments/CommitList';
import { RelativeTime } from '../../shared/RelativeTime';

/**
 * What changes between the version that runs and the one that will: the
 * versions in between (as they ran in the source environment) and their commits.
 */
export const Changelog = ({
  preview,
  versions = [],
}: {
  preview: PromotionPreview;
  /** The versions the promotion brings, newest first, when known. */
  versions?: MissingVersion[];
}) => {
  const { trigger, commits, currentVersion, version, sourceEnvironment } =
    preview;
  if (trigger === 'rollback') {
    return (
      <Typography variant="body2">
        A rollback brings no new commits: it returns to {version}
        {currentVersion && `, leaving ${currentVersion} behind`}.
      </Typography>
    );
  }
  // Only the versions up to the promoted one: newer ones stay behind.
  const upTo = versions.findIndex(v => v.version === version);
  const brought = upTo === -1 ? [] : versions.slice(upTo);
  return (
    <>
      {brought.length > 0 && (
        <ul
          aria-label={`Versions between ${
            currentVersion ?? 'nothing'
          } and ${version}`}
        >
          {brought.map(v => (
            <li key={v.version}>
              <Typography variant="body2" component="span">
                {v.version}, in {sourceEnvironment ?? 'the source environment'}{' '}
                <RelativeTime value={v.finishedAt} />
              </Typography>
            </li>
          ))}
        </ul>
      )}
      {commits.length > 0 ? (
        <CommitList
          commits={commits}
          entityRef={preview.entityRef}
          label={`Commits between ${
            currentVersion ?? 'nothing'
          } and ${version}`}
        />
      ) : (
        <Typography variant="body2" color="textSecondary">
          No commits between {currentVersion ?? 'nothing'} and {version} were
          reported.
        </Typography>
      )}
    </>
  );
};
