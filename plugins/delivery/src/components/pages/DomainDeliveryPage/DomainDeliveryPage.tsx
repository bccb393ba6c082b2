import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content, ContentHeader, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  useEntityPresentation,
  useEntityRefLink,
} from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { useParams } from 'react-router-dom';
import { rootRouteRef } from '../../../routes';
import { DomainDeliveryContent } from '../../domains/DomainDeliveryContent';

/** The page of one domain's delivery, at `/delivery/domains/:namespace/:name`. */
export const DomainDeliveryPage = () => {
  const { namespace = 'default', name = '' } = useParams();
  const domainRef = stringifyEntityRef({ kind: 'domain', namespace, name });
  const { primaryTitle } = useEntityPresentation(domainRef);
  const overview = useRouteRef(rootRouteRef);
  const entityLink = useEntityRefLink();

  return (
    <Content>
      <ContentHeader
        title={primaryTitle}
        description="Versions, drift and deployments of every component in this domain"
      >
        <Typography variant="body2">
          <Link to={overview()}>All domains</Link> ·{' '}
          <Link to={entityLink(domainRef)}>Open the domain in the catalog</Link>
        </Typography>
      </ContentHeader>
      <DomainDeliveryContent domainRef={domainRef} />
    </Content>
  );
};
