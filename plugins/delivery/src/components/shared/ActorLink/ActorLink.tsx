import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';

function catalogRef(actor: string) {
  try {
    const ref = parseEntityRef(actor, { defaultKind: 'user' });
    const kind = ref.kind.toLocaleLowerCase('en-US');
    return kind === 'user' || kind === 'group' ? ref : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who or what caused a deployment: a link to the user or group in the catalog
 * when the actor is one, otherwise the name as reported (e.g. a CI bot).
 */
export const ActorLink = ({ actor }: { actor?: string }) => {
  if (!actor) {
    return (
      <Typography component="span" variant="inherit" color="textSecondary">
        unknown
      </Typography>
    );
  }
  const ref = actor.includes(':') ? catalogRef(actor) : undefined;
  if (!ref) {
    return <span>{actor}</span>;
  }
  return <EntityRefLink entityRef={ref} defaultKind="user" hideIcon />;
};
