/*
 * A company's App.tsx on the legacy frontend system, with the suite's pages, cards and scaffolder field. It is
 * rendered by App.test.tsx; nothing builds or serves it as a second bundle.
 */
import { createApp } from '@backstage/app-defaults';
import { AppRouter, FlatRoutes } from '@backstage/core-app-api';
import { AlertDisplay, OAuthRequestDialog } from '@backstage/core-components';
import {
  AnalyticsApi,
  analyticsApiRef,
  AnyApiFactory,
  configApiRef,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
  identityApiRef,
} from '@backstage/core-plugin-api';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  catalogPlugin,
  EntityLayout,
  EntitySwitch,
  isKind,
} from '@backstage/plugin-catalog';
import {
  ScmIntegrationsApi,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import { ScaffolderPage, scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { ScaffolderFieldExtensions } from '@backstage/plugin-scaffolder-react';
import {
  EntityCapabilityAdoptionCard,
  EntityTeamCampaignsCard,
  EntityTeamHabitsCard,
  HabitEventsAnalytics,
  HabitsPage,
  isCapabilityEntity,
} from '@platform-product/plugin-habit-metrics';
import {
  EntityTeamNeedsCard,
  NeedPickerFieldExtension,
  NeedsDiscoveryPage,
} from '@platform-product/plugin-needs-discovery';
import {
  EntityPlatformRollupCard,
  EntityThinnessCard,
  isThinnessCapability,
  ThinnessScorecardPage,
} from '@platform-product/plugin-thinness-scorecard';
import { Navigate, Route } from 'react-router-dom';

/**
 * The app's API factories (what `packages/app/src/apis.ts` holds in a legacy app). The suite's
 * plugins bring their own client factories; the app only adds habit-metrics' analytics forwarder,
 * composed with whatever analytics provider the company already uses.
 */
export const apis: AnyApiFactory[] = [
  // The scaffolder's template form needs the SCM integrations, as in every legacy app.
  createApiFactory({
    api: scmIntegrationsApiRef,
    deps: { configApi: configApiRef },
    factory: ({ configApi }) => ScmIntegrationsApi.fromConfig(configApi),
  }),
  createApiFactory({
    api: analyticsApiRef,
    deps: {
      discoveryApi: discoveryApiRef,
      fetchApi: fetchApiRef,
      identityApi: identityApiRef,
    },
    factory: ({ discoveryApi, fetchApi, identityApi }) => {
      const implementations: AnalyticsApi[] = [
        // the company's existing provider would go here, e.g. GoogleAnalytics4.fromConfig(...)
        new HabitEventsAnalytics({ discoveryApi, fetchApi, identityApi }),
      ];
      return {
        captureEvent: event =>
          implementations.forEach(implementation => {
            try {
              implementation.captureEvent(event);
            } catch {
              // one provider failing must not stop the others
            }
          }),
      };
    },
  }),
];

/** Cards of a Group page: the team's needs, habits and campaigns, and the platform roll-up for platform teams. */
const groupPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <>
        <EntityTeamNeedsCard />
        <EntityTeamHabitsCard />
        <EntityTeamCampaignsCard />
        <EntityPlatformRollupCard />
      </>
    </EntityLayout.Route>
  </EntityLayout>
);

/** Systems and components: platform capabilities get the thinness verdict and the adoption card. */
const defaultEntityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <>
        <EntitySwitch>
          <EntitySwitch.Case if={isThinnessCapability}>
            <EntityThinnessCard />
          </EntitySwitch.Case>
        </EntitySwitch>
        <EntitySwitch>
          <EntitySwitch.Case if={isCapabilityEntity}>
            <EntityCapabilityAdoptionCard />
          </EntitySwitch.Case>
        </EntitySwitch>
      </>
    </EntityLayout.Route>
  </EntityLayout>
);

/** The entity page (what `components/catalog/EntityPage.tsx` exports in a legacy app). */
export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('group')}>{groupPage}</EntitySwitch.Case>
    <EntitySwitch.Case>{defaultEntityPage}</EntitySwitch.Case>
  </EntitySwitch>
);

/** The app's routes: the catalog, the scaffolder with the NeedPicker field, and the suite's pages. */
export const routes = (
  <FlatRoutes>
    <Route path="/" element={<Navigate to="catalog" />} />
    <Route path="/catalog" element={<CatalogIndexPage />} />
    <Route
      path="/catalog/:namespace/:kind/:name"
      element={<CatalogEntityPage />}
    >
      {entityPage}
    </Route>
    <Route path="/create" element={<ScaffolderPage />}>
      <ScaffolderFieldExtensions>
        <NeedPickerFieldExtension />
      </ScaffolderFieldExtensions>
    </Route>
    <Route path="/needs" element={<NeedsDiscoveryPage />} />
    <Route path="/habits" element={<HabitsPage />} />
    <Route path="/thinness" element={<ThinnessScorecardPage />} />
  </FlatRoutes>
);

const app = createApp({
  apis,
  bindRoutes({ bind }) {
    bind(catalogPlugin.externalRoutes, {
      createComponent: scaffolderPlugin.routes.root,
    });
    // The suite's plugins have no external routes to bind; their pages and cards register the
    // plugins (and so their API factories) through the routes above.
  },
});

export default app.createRoot(
  <>
    <AlertDisplay />
    <OAuthRequestDialog />
    <AppRouter>{routes}</AppRouter>
  </>,
);
