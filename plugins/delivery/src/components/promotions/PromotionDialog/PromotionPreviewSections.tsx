import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EnvironmentSummary,
  MissingVersion,
  PromotionPreview,
} from '@domain-delivery/backstage-plugin-delivery-common';
import { ReactNode } from 'react';
import { ApprovalsNeeded } from './ApprovalsNeeded';
import { Changelog } from './Changelog';
import { ChangeFailureRate } from './ChangeFailureRate';
import { GitOpsChange } from './GitOpsChange';
import { VersionChange } from './VersionChange';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
}));

const Section = ({
  title,
  children,
}: {
  title: string;
  children: ReactNode;
}) => {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-label={title}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {title}
      </Typography>
      {children}
    </section>
  );
};

/**
 * What a promotion will do, from its preview: the version change, the
 * approvals it needs, the target's recent change failure rate, the changelog
 * and the GitOps change. The requester sees it in the promotion dialog and the
 * approver the same in the approvals inbox.
 */
export const PromotionPreviewSections = ({
  preview,
  environment,
  versions,
}: {
  preview: PromotionPreview;
  environment: EnvironmentSummary;
  /** The versions the promotion brings, newest first, for the changelog. */
  versions?: MissingVersion[];
}) => (
  <>
    <Section title="Version">
      <VersionChange preview={preview} environmentTitle={environment.title} />
    </Section>
    <Section title="Approvals">
      <ApprovalsNeeded approvals={preview.approvals} />
    </Section>
    <Section title="Change failure rate">
      <ChangeFailureRate
        rate={preview.changeFailureRate}
        environment={environment}
      />
    </Section>
    <Section title="Changelog">
      <Changelog preview={preview} versions={versions} />
    </Section>
    <Section title="GitOps change">
      <GitOpsChange
        change={preview.change}
        environmentTitle={environment.title}
      />
    </Section>
  </>
);
