import { Header, Page } from '@backstage/core-components';
import { Route, Routes } from 'react-router-dom';
import { ApprovalsInbox } from '../ApprovalsInbox';
import { DeliveryOverview } from '../DeliveryOverview';
import { DomainDeliveryPage } from '../DomainDeliveryPage';
import { FreezesAndHaltsPage } from '../FreezesAndHaltsPage';

/**
 * The Delivery pages: the overview at the root, each domain below it, the
 * approvals inbox, and a platform admin's freezes and halts.
 */
export const DeliveryRouter = () => (
  <Routes>
    <Route path="/" element={<DeliveryOverview />} />
    <Route path="/domains/:namespace/:name" element={<DomainDeliveryPage />} />
    <Route path="/approvals" element={<ApprovalsInbox />} />
    <Route path="/controls" element={<FreezesAndHaltsPage />} />
  </Routes>
);

/**
 * The Delivery pages with their own page header, for the legacy frontend
 * system (the new one draws the plugin's header itself).
 */
export const DeliveryPageWithHeader = () => (
  <Page themeId="tool">
    <Header
      title="Delivery"
      subtitle="Where every version runs, and how well each domain delivers"
    />
    <DeliveryRouter />
  </Page>
);
