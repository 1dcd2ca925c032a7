import { Header, Page, TabbedLayout } from '@backstage/core-components';
import { Route, Routes, useParams } from 'react-router-dom';
import { useNeedsDiscoveryPermissions } from '../../hooks/useNeedsDiscoveryPermissions';
import { ManageSurveys } from '../ManageSurveys';
import { MyAnswersList } from '../MyAnswersList';
import { NeedsRegistry } from '../NeedsRegistry';
import { OpenSurveysList } from '../OpenSurveysList';
import { SurveyBuilderPage } from '../SurveyBuilder';
import { SurveyFormPage } from '../SurveyForm';
import { SurveyResultsPage } from '../SurveyResults';

function SurveyFormRoute() {
  const { surveyId = '' } = useParams();
  return <SurveyFormPage surveyId={surveyId} />;
}

function SurveyEditRoute() {
  const { surveyId = '' } = useParams();
  return <SurveyBuilderPage surveyId={surveyId} />;
}

function SurveyResultsRoute() {
  const { surveyId = '' } = useParams();
  return <SurveyResultsPage surveyId={surveyId} />;
}

function NeedsTabs() {
  const { canCreateSurvey, canManageSurveys } = useNeedsDiscoveryPermissions();
  return (
    <TabbedLayout>
      <TabbedLayout.Route path="/" title="Answer">
        <OpenSurveysList />
      </TabbedLayout.Route>
      <TabbedLayout.Route path="/mine" title="My answers">
        <MyAnswersList />
      </TabbedLayout.Route>
      {(canCreateSurvey || canManageSurveys) && (
        <TabbedLayout.Route path="/manage" title="Manage">
          <ManageSurveys />
        </TabbedLayout.Route>
      )}
      <TabbedLayout.Route path="/registry" title="Needs registry">
        <NeedsRegistry />
      </TabbedLayout.Route>
    </TabbedLayout>
  );
}

/**
 * The needs page with its sub-pages. It draws its own header so it looks the
 * same in the legacy and the new frontend system.
 */
export function NeedsDiscoveryPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Needs"
        subtitle="Tell the platform team what slows you down, and see what it builds next"
      />
      <Routes>
        <Route path="new" element={<SurveyBuilderPage />} />
        <Route path="surveys/:surveyId" element={<SurveyFormRoute />} />
        <Route path="surveys/:surveyId/edit" element={<SurveyEditRoute />} />
        <Route
          path="surveys/:surveyId/results"
          element={<SurveyResultsRoute />}
        />
        <Route path="*" element={<NeedsTabs />} />
      </Routes>
    </Page>
  );
}
