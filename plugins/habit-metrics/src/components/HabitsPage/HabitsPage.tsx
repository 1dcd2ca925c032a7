import { Header, Page } from '@backstage/core-components';
import { Route, Routes, useParams } from 'react-router-dom';
import { TeamHabitsPage } from '../TeamHabitsPage';
import { HabitsOverview } from './HabitsOverview';

function TeamRoute() {
  const { namespace = 'default', name = '' } = useParams();
  return <TeamHabitsPage namespace={namespace} name={name} />;
}

/**
 * The habits page and its team drill-down. It draws its own header so it looks the same in the
 * legacy and the new frontend system.
 */
export function HabitsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Habits"
        subtitle="Are teams making the platform's golden paths a habit?"
      />
      <Routes>
        <Route path="teams/:namespace/:name" element={<TeamRoute />} />
        <Route path="*" element={<HabitsOverview />} />
      </Routes>
    </Page>
  );
}
